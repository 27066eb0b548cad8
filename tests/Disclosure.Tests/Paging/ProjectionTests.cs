using System.Text.Json.Nodes;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Paging;

/// <summary>Fetching only what the query selects: references answered from their key, and columns read only when asked for.</summary>
[Collection(ApiTestGroup.Name)]
public sealed class ProjectionTests(DisclosureApiFactory api)
{
    [Fact]
    public async Task A_reference_asked_only_for_its_key_is_answered_without_loading_the_row()
    {
        const string keys = "organization { id slug __typename } target { slug } report { id } citations { source { slug } }";
        const string full = "organization { id slug __typename name } target { slug name } report { id title } citations { source { slug url } }";

        var (keyOnly, keySql) = await FiguresAsync(keys);
        var (loaded, loadedSql) = await FiguresAsync(full);

        // The same keys either way (every figure has an organization; some have a target and a report).
        Assert.Equal(Project(loaded, "organization", "id", "slug", "__typename"), Project(keyOnly, "organization", "id", "slug", "__typename"));
        Assert.Equal(Project(loaded, "target", "slug"), Project(keyOnly, "target", "slug"));
        Assert.Equal(Project(loaded, "report", "id"), Project(keyOnly, "report", "id"));
        Assert.Equal(loaded.Select(f => string.Join(",", f["citations"]!.AsArray().Select(c => c!["source"]!["slug"]!.GetValue<string>()))),
            keyOnly.Select(f => string.Join(",", f["citations"]!.AsArray().Select(c => c!["source"]!["slug"]!.GetValue<string>()))));
        Assert.Contains(keyOnly, f => f["target"] is not null);
        Assert.Contains(keyOnly, f => f["report"] is not null);

        foreach (var table in new[] { "\"Organizations\"", "\"Targets\"", "\"Reports\"", "\"Sources\"" })
        {
            Assert.DoesNotContain(keySql, sql => sql.Contains("FROM " + table, StringComparison.Ordinal));
            Assert.Contains(loadedSql, sql => sql.Contains("FROM " + table, StringComparison.Ordinal));
        }
        Assert.Equal(loadedSql.Count - 4, keySql.Count);
    }

    [Fact]
    public async Task A_reference_selected_twice_is_loaded_when_either_selection_asks_for_more_than_the_key()
    {
        // Same-named fields are merged before execution: `organization { slug }` alone would not load the row, but
        // merged with `organization { name }` it must.
        var (merged, _) = await FiguresAsync("organization { slug } organization { name }");
        var (viaFragment, _) = await FiguresAsync("organization { slug ...Named }", "fragment Named on Organization { name kind }");
        var (viaInline, _) = await FiguresAsync("organization { ... on Organization { name } }");

        Assert.All(merged, f => Assert.False(string.IsNullOrEmpty(f["organization"]!["name"]!.GetValue<string>())));
        Assert.All(viaFragment, f => Assert.False(string.IsNullOrEmpty(f["organization"]!["kind"]!.GetValue<string>())));
        Assert.All(viaInline, f => Assert.False(string.IsNullOrEmpty(f["organization"]!["name"]!.GetValue<string>())));
    }

    [Fact]
    public async Task An_id_a_client_sends_is_still_looked_up()
    {
        // node(id:) and organization(slug:) ask whether the row exists: never answered from the key alone.
        var data = await api.CreateClient().DataAsync("""
            { organization(slug: "no-such-organization") { slug }
              node(id: "T3JnYW5pemF0aW9uOm5vLXN1Y2g") { id } }
            """);

        Assert.Null(data["organization"]);
        Assert.Null(data["node"]);
    }

    /// <summary>Every figure with the given selection; a unique alias keeps the output cache from answering.</summary>
    private async Task<(List<JsonNode> Figures, IReadOnlyList<string> Sql)> FiguresAsync(string selection, string fragments = "")
    {
        var alias = "f" + Guid.NewGuid().ToString("N");
        api.SqlCommands.Reset();
        var data = await api.CreateClient().DataAsync($"{{ {alias}: figures(first: 100) {{ nodes {{ slug {selection} }} }} }} {fragments}");
        var sql = api.SqlCommands.Texts;
        var figures = data[alias]!["nodes"]!.AsArray().Select(n => n!).ToList();
        Assert.NotEmpty(figures);
        return (figures, sql);
    }

    private static List<string> Project(List<JsonNode> figures, string reference, params string[] fields) =>
        [.. figures.Select(f => f[reference] is { } r ? string.Join("|", fields.Select(x => r[x]!.GetValue<string>())) : "null")];
}
