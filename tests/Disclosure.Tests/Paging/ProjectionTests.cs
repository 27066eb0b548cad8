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

    [Fact]
    public async Task A_long_text_column_is_read_only_when_a_field_showing_it_is_selected()
    {
        var (without, withoutSql) = await TargetsAsync("nodes { slug name }");
        var (with, withSql) = await TargetsAsync("nodes { slug name text }");

        Assert.DoesNotContain("\"Text\"", TargetSql(withoutSql));
        Assert.Contains("\"Text\"", TargetSql(withSql));
        Assert.Equal(Slugs(with), Slugs(without));
        Assert.All(with, t => Assert.False(string.IsNullOrWhiteSpace(t["text"]!.GetValue<string>())));
    }

    [Theory]
    [InlineData("nodes { slug ...Worded }", "fragment Worded on Target { text }")]
    [InlineData("nodes { slug ... on Target { text } }", "")]
    [InlineData("edges { node { slug text } }", "")]
    [InlineData("edges { ...Edge }", "fragment Edge on TargetEdge { node { slug text } }")]
    [InlineData("nodes { slug } nodes { text }", "")]
    [InlineData("short: nodes { slug } long: nodes { slug text }", "")]
    public async Task The_column_is_read_whichever_way_the_field_is_selected(string selection, string fragments)
    {
        var (targets, sql) = await TargetsAsync(selection, fragments);

        Assert.Contains("\"Text\"", TargetSql(sql));
        Assert.All(targets, t => Assert.False(string.IsNullOrWhiteSpace(t["text"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Nested_connections_with_different_selections_do_not_share_a_batch()
    {
        var alias = "o" + Guid.NewGuid().ToString("N");
        var data = await api.CreateClient().DataAsync($$"""
            { {{alias}}: organizations(first: 3) { nodes { slug
                short: targets(first: 3) { nodes { slug } }
                long: targets(first: 3) { nodes { slug text } } } } }
            """);

        var organizations = data[alias]!["nodes"]!.AsArray().Select(n => n!).ToList();
        Assert.Contains(organizations, o => o["long"]!["nodes"]!.AsArray().Count > 0);
        foreach (var organization in organizations)
        {
            var shortSlugs = organization["short"]!["nodes"]!.AsArray().Select(n => n!["slug"]!.GetValue<string>());
            var longNodes = organization["long"]!["nodes"]!.AsArray().Select(n => n!).ToList();
            Assert.Equal(shortSlugs, longNodes.Select(n => n["slug"]!.GetValue<string>()));
            Assert.All(longNodes, n => Assert.False(string.IsNullOrWhiteSpace(n["text"]!.GetValue<string>())));
        }
    }

    [Fact]
    public async Task Paging_is_the_same_whichever_columns_are_read()
    {
        var (all, _) = await TargetsAsync("nodes { slug text }");
        var first = await api.CreateClient().DataAsync("{ targets(first: 2) { pageInfo { endCursor } nodes { slug } } }");
        var cursor = first["targets"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var next = await api.CreateClient().DataAsync("query($after: String) { targets(first: 2, after: $after) { nodes { slug text } } }", new { after = cursor });

        var slugs = Slugs(first["targets"]!["nodes"]!.AsArray().Select(n => n!).ToList())
            .Concat(Slugs(next["targets"]!["nodes"]!.AsArray().Select(n => n!).ToList()));
        Assert.Equal(Slugs(all).Take(4), slugs);
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

    /// <summary>Every target with the given selection of the connection; a unique alias keeps the output cache from answering.</summary>
    private async Task<(List<JsonNode> Targets, IReadOnlyList<string> Sql)> TargetsAsync(string selection, string fragments = "")
    {
        var alias = "t" + Guid.NewGuid().ToString("N");
        api.SqlCommands.Reset();
        var data = await api.CreateClient().DataAsync($"{{ {alias}: targets(first: 100) {{ {selection} }} }} {fragments}");
        var sql = api.SqlCommands.Texts;
        var connection = data[alias]!;
        var targets = connection["nodes"] is { } nodes
            ? nodes.AsArray().Select(n => n!).ToList()
            : connection["long"] is { } longNodes
                ? longNodes.AsArray().Select(n => n!).ToList()
                : connection["edges"]!.AsArray().Select(e => e!["node"]!).ToList();
        Assert.NotEmpty(targets);
        return (targets, sql);
    }

    private static string TargetSql(IReadOnlyList<string> sql) => Assert.Single(sql, s => s.Contains("FROM \"Targets\"", StringComparison.Ordinal));

    private static List<string> Slugs(List<JsonNode> nodes) => [.. nodes.Select(n => n["slug"]!.GetValue<string>())];

    private static List<string> Project(List<JsonNode> figures, string reference, params string[] fields) =>
        [.. figures.Select(f => f[reference] is { } r ? string.Join("|", fields.Select(x => r[x]!.GetValue<string>())) : "null")];
}
