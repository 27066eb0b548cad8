using System.Text;
using System.Text.Json.Nodes;
using Disclosure.Store.Seeding;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Seeding;

/// <summary>Each class of bad seed input gives an error naming the file, the JSON path and what is wrong.</summary>
public sealed class SeedValidationTests
{
    [Fact]
    public void The_repository_seed_data_is_valid()
    {
        var dataset = SeedLoader.Load(RepoPaths.SeedData);

        Assert.Equal(3, dataset.Organizations.Count);
        Assert.Equal(4, dataset.Targets.Count);
        Assert.NotEmpty(dataset.Figures);
    }

    [Fact]
    public void Invalid_json_names_file_and_line()
    {
        var error = Single(seed => File.WriteAllText(Path.Combine(seed, "targets.json"), "{ \"targets\": [ { \"id\": \"x\", } ] }"));

        Assert.Equal("targets.json", error.File);
        Assert.Contains("line 1", error.Message);
    }

    [Fact]
    public void Invalid_utf8_is_reported()
    {
        var error = Single(seed => File.WriteAllBytes(Path.Combine(seed, "statements.json"), [.. "{\"statements\": [\""u8, 0xC3, 0x28, .. "\"]}"u8]));

        Assert.Equal("statements.json", error.File);
        Assert.Contains("UTF-8", error.Message);
    }

    [Fact]
    public void A_missing_file_is_reported()
    {
        var error = Single(seed => File.Delete(Path.Combine(seed, "scopes.json")));

        Assert.Equal(new SeedError("scopes.json", "$", "the file is missing"), error);
    }

    [Fact]
    public void A_missing_required_property_is_reported_with_its_path()
    {
        var error = Single(seed => Edit(seed, "targets.json", root => root["targets"]![1]!.AsObject().Remove("targetYear")));

        Assert.Equal("targets.json", error.File);
        Assert.StartsWith("$.targets[1]", error.Path);
        Assert.Contains("targetYear", error.Message);
    }

    [Fact]
    public void An_unknown_property_is_reported()
    {
        var error = Single(seed => Edit(seed, "organizations.json", root => root["organizations"]![0]!["nmae"] = "typo"));

        Assert.Equal("organizations.json", error.File);
        Assert.Contains("nmae", error.Path + error.Message);
    }

    [Fact]
    public void A_null_where_a_value_is_required_is_reported()
    {
        var error = Single(seed => Edit(seed, "sources.json", root => root["sources"]![0]!["title"] = null));

        Assert.Equal("sources.json", error.File);
        Assert.Equal("$.sources[0].title", error.Path);
    }

    [Fact]
    public void An_unknown_enum_value_is_reported()
    {
        var error = Single(seed => Edit(seed, "figures.json", root => root["figures"]![2]!["metric"] = "SCOPE_4_EMISSIONS"));

        Assert.Equal("figures.json", error.File);
        Assert.Equal("$.figures[2].metric", error.Path);
    }

    [Fact]
    public void A_malformed_date_is_reported()
    {
        var error = Single(seed => Edit(seed, "targets.json", root => root["targets"]![0]!["announcedOn"] = "17/12/2021"));

        Assert.Equal("$.targets[0].announcedOn", error.Path);
    }

    [Fact]
    public void A_duplicate_id_is_reported()
    {
        var error = Single(seed => Edit(seed, "figures.json", root => root["figures"]![1]!["id"] = root["figures"]![0]!["id"]!.GetValue<string>()));

        Assert.Equal(new SeedError("figures.json", "$.figures[1].id", $"duplicate id '{IdOf("figures.json", "figures", 0)}'"), error);
    }

    [Fact]
    public void An_id_that_is_not_a_slug_is_reported()
    {
        var errors = Errors(seed => Edit(seed, "reports.json", root => root["reports"]![0]!["id"] = "ESG Report 2022"));

        // The figures that cite the report by its old id are reported too.
        Assert.Contains(new SeedError("reports.json", "$.reports[0].id",
            "'ESG Report 2022' is not a slug (lowercase letters and digits, joined by single hyphens)"), errors);
        Assert.All(errors.Skip(1), e => Assert.Contains("unknown report", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_reference_is_reported()
    {
        var error = Single(seed => Edit(seed, "targets.json", root => root["targets"]![0]!["scopes"]![0] = "scope-9"));

        Assert.Equal(new SeedError("targets.json", "$.targets[0].scopes[0]", "unknown scope 'scope-9'"), error);
    }

    [Fact]
    public void A_fact_without_citation_is_reported()
    {
        var error = Single(seed => Edit(seed, "commitments.json", root => root["commitments"]![0]!["citations"] = new JsonArray()));

        Assert.Equal("$.commitments[0].citations", error.Path);
        Assert.Contains("at least one citation", error.Message);
    }

    [Fact]
    public void A_citation_of_an_unknown_source_is_reported()
    {
        var error = Single(seed => Edit(seed, "statements.json", root => root["statements"]![0]!["citations"]![0]!["source"] = "nowhere"));

        Assert.Equal(new SeedError("statements.json", "$.statements[0].citations[0].source", "unknown source 'nowhere'"), error);
    }

    [Fact]
    public void A_quote_that_is_not_in_the_held_source_text_is_reported()
    {
        var errors = Errors(seed => Edit(seed, "scopes.json", root => root["scopes"]![0]!["citations"]![0]!["quote"] = "Scope 1 emissions are whatever we say."));

        Assert.Contains(errors, e => e.File == "scopes.json" && e.Path == "$.scopes[0].citations[0].quote" && e.Message.Contains("not in the text", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_quote_is_reported()
    {
        var error = Single(seed => Edit(seed, "figures.json", root => root["figures"]![0]!["citations"]![0]!["quote"] = " "));

        Assert.Equal(new SeedError("figures.json", "$.figures[0].citations[0].quote", "the exact quote is missing"), error);
    }

    [Fact]
    public void A_unit_that_does_not_fit_the_metric_is_reported()
    {
        var index = IndexOf("figures.json", "figures", f => f["metric"]!.GetValue<string>() == "TOTAL_EMISSIONS");
        var errors = Errors(seed => Edit(seed, "figures.json", root => root["figures"]![index]!["unit"] = "PERCENT"));

        Assert.Contains(new SeedError("figures.json", $"$.figures[{index}].unit", "PERCENT is not a unit for TOTAL_EMISSIONS"), errors);
    }

    [Fact]
    public void A_period_with_two_forms_is_reported()
    {
        var error = Single(seed => Edit(seed, "figures.json", root => root["figures"]![0]!["period"] = new JsonObject { ["fiscalYear"] = 2023, ["calendarYear"] = 2023 }));

        Assert.Equal("$.figures[0].period", error.Path);
        Assert.Contains("exactly one", error.Message);
    }

    [Fact]
    public void A_target_text_that_differs_from_its_quote_is_reported()
    {
        var error = Single(seed => Edit(seed, "targets.json", root => root["targets"]![0]!["text"] = "Carbon neutral by 2030."));

        Assert.Equal("$.targets[0].text", error.Path);
    }

    [Fact]
    public void A_parent_cycle_is_reported()
    {
        var errors = Errors(seed => Edit(seed, "organizations.json", root =>
        {
            var orgs = root["organizations"]!.AsArray();
            var group = orgs.First(o => o!["parent"] is null)!;
            group["parent"] = orgs.First(o => o!["parent"] is not null)!["id"]!.GetValue<string>();
        }));

        Assert.Contains(errors, e => e.File == "organizations.json" && e.Message.Contains("its own ancestor", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rename_to_an_id_that_does_not_exist_is_reported()
    {
        var error = Single(seed => Edit(seed, "renames.json", root => root["renames"]![0]!["newId"] = "no-such-figure"));

        Assert.Equal(new SeedError("renames.json", "$.renames[0].newId", "no Figure has the id 'no-such-figure'"), error);
    }

    [Fact]
    public void A_rename_of_an_id_still_in_use_is_reported()
    {
        var error = Single(seed => Edit(seed, "renames.json", root => root["renames"]![0]!["oldId"] = IdOf("figures.json", "figures", 0)));

        Assert.Equal("$.renames[0].oldId", error.Path);
        Assert.Contains("a renamed id is never reused", error.Message);
    }

    [Fact]
    public void A_scope_1_2_figure_the_source_does_not_call_net_cannot_be_net()
    {
        var i = IndexOf("figures.json", "figures", f => f["metric"]!.GetValue<string>() == "SCOPE_1_2_EMISSIONS");
        var error = Single(seed => Edit(seed, "figures.json", root => root["figures"]![i]!["basis"] = "NET"));

        Assert.Equal(($"$.figures[{i}].basis", "figures.json"), (error.Path, error.File));
        Assert.Contains("NET_SCOPE_1_2_EMISSIONS", error.Message);
    }

    [Fact]
    public void All_errors_are_reported_together()
    {
        var errors = Errors(
            seed => Edit(seed, "targets.json", root => root["targets"]![0]!["scopes"]![0] = "scope-9"),
            seed => Edit(seed, "figures.json", root => root["figures"]![0]!["organization"] = "acme"));

        Assert.Equal(2, errors.Count);
    }

    private static SeedError Single(params Action<string>[] breakSeed) => Assert.Single(Errors(breakSeed));

    private static IReadOnlyList<SeedError> Errors(params Action<string>[] breakSeed)
    {
        var seed = RepoPaths.CopySeedData();
        foreach (var step in breakSeed)
        {
            step(seed);
        }
        return Assert.Throws<SeedValidationException>(() => SeedLoader.Load(seed)).Errors;
    }

    private static void Edit(string seed, string file, Action<JsonNode> edit)
    {
        var path = Path.Combine(seed, file);
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        edit(root);
        File.WriteAllText(path, root.ToJsonString(), new UTF8Encoding(false));
    }

    private static JsonNode Original(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.SeedData, file)))!;

    private static string IdOf(string file, string collection, int index) => Original(file)[collection]![index]!["id"]!.GetValue<string>();

    private static int IndexOf(string file, string collection, Func<JsonNode, bool> predicate) =>
        Original(file)[collection]!.AsArray().Select((n, i) => (n, i)).First(x => predicate(x.n!)).i;
}
