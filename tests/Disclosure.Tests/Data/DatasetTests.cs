using System.Text.Json.Nodes;
using Disclosure.Store.Seeding;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Data;

/// <summary>What the API serves: every fact of the dataset, each with its source and exact quote.</summary>
[Collection(ApiTestGroup.Name)]
public sealed class DatasetTests(DisclosureApiFactory api)
{
    private static readonly SeedDataset Seed = SeedLoader.Load(RepoPaths.SeedData);

    [Theory]
    [InlineData("organizations")]
    [InlineData("targets")]
    [InlineData("figures")]
    [InlineData("reports")]
    [InlineData("commitments")]
    [InlineData("governanceBodies")]
    [InlineData("people")]
    [InlineData("statements")]
    [InlineData("scopes")]
    public async Task Every_fact_is_served_with_a_source_and_a_quote(string field)
    {
        var data = await api.CreateClient().DataAsync($"{{ {field}{(field == "scopes" ? "" : "(first: 100)")} {{ {(field == "scopes" ? "" : "nodes {")} slug quote source {{ url }} citations {{ quote }} {(field == "scopes" ? "" : "}")} }} }}");
        var facts = (field == "scopes" ? data[field] : data[field]!["nodes"])!.AsArray();

        Assert.Equal(SeedCount(field), facts.Count);
        Assert.All(facts, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f!["quote"]!.GetValue<string>()));
            Assert.StartsWith("http", f["source"]!["url"]!.GetValue<string>());
            Assert.Equal(f["quote"]!.GetValue<string>(), f["citations"]![0]!["quote"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task Memberships_are_served_with_their_citations()
    {
        var data = await api.CreateClient().DataAsync("{ governanceBodies(first: 10) { nodes { memberships(first: 50) { nodes { slug quote source { url } } } } } }");

        var memberships = data["governanceBodies"]!["nodes"]!.AsArray().SelectMany(b => b!["memberships"]!["nodes"]!.AsArray()).ToList();
        Assert.Equal(Seed.Governance.Memberships.Count, memberships.Count);
    }

    [Fact]
    public async Task Quotes_from_the_press_release_are_verbatim_in_its_text()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepoPaths.SeedData, "documents", "businesswire-2021-12-17.txt"));
        var id = Disclosure.Api.GraphQL.NodeId.Encode("Source", "businesswire-2021-12-17");

        var data = await api.CreateClient().DataAsync("query($id: ID!) { node(id: $id) { ... on Source { textHeld citations(first: 100) { totalCount nodes { quote } } } } }", new { id });

        Assert.True(data["node"]!["textHeld"]!.GetValue<bool>());
        Assert.True(data["node"]!["citations"]!["totalCount"]!.GetValue<int>() <= 100);
        var quotes = data["node"]!["citations"]!["nodes"]!.AsArray().Select(c => c!["quote"]!.GetValue<string>()).ToList();
        Assert.True(quotes.Count >= 15, $"only {quotes.Count} citations of the press release");
        Assert.All(quotes, q => Assert.Contains(q, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_disclosure_is_all_there()
    {
        var data = await api.CreateClient().DataAsync("""
            {
              organization(slug: "alibaba-group") { name mission listings { exchange symbol } children { slug } }
              scopes { code kind framework parent { code } relation }
              targets(first: 20) { nodes { kind targetYear baselineYear quantity { value unit } scopes { code } organization { slug } } }
              governanceBodies(first: 10) { nodes { tier memberships(first: 20) { nodes { person { name } role since endedBy } } } }
              statements(first: 100) { nodes { speaker { name } saidOn } }
              commitments(first: 100) { nodes { name } }
            }
            """);

        var org = data["organization"]!;
        Assert.Equal("Alibaba Group Holding Limited", Str(org["name"]));
        Assert.Equal("Alibaba Group's mission is to make it easy to do business anywhere.", Str(org["mission"]));
        Assert.Equal(["HKEX:9988", "NYSE:BABA"], org["listings"]!.AsArray().Select(l => $"{Str(l!["exchange"])}:{Str(l["symbol"])}").Order());
        Assert.Contains("alibaba-cloud", org["children"]!.AsArray().Select(c => Str(c!["slug"])));

        var scopes = data["scopes"]!.AsArray();
        Assert.Equal(15, scopes.Count(s => Str(s!["kind"]) == "CATEGORY" && Str(s["parent"]!["code"]) == "SCOPE_3"));
        var plus = scopes.Single(s => Str(s!["code"]) == "SCOPE_3_PLUS")!;
        Assert.Equal(("COMPANY_DEFINED", "SCOPE_3", "EXTENDS"), (Str(plus["framework"]), Str(plus["parent"]!["code"]), Str(plus["relation"])));

        var targets = data["targets"]!["nodes"]!.AsArray().Select(t => $"{Str(t!["kind"])} {string.Join('+', t["scopes"]!.AsArray().Select(s => Str(s!["code"])))} " +
                                                             $"{t["baselineYear"]?.GetValue<int>()}->{t["targetYear"]!.GetValue<int>()} {t["quantity"]?["value"]} {t["quantity"]?["unit"]} {Str(t["organization"]!["slug"])}").Order();
        Assert.Equal([
            "CARBON_NEUTRALITY SCOPE_1+SCOPE_2 ->2030   alibaba-group",
            "CARBON_NEUTRALITY SCOPE_1+SCOPE_2+SCOPE_3 ->2030   alibaba-cloud",
            "ECOSYSTEM_DECARBONIZATION SCOPE_3_PLUS ->2035 1.5 GTCO2E alibaba-group",
            "INTENSITY_REDUCTION SCOPE_3 2020->2030 50 PERCENT alibaba-group",
        ], targets);

        var seats = data["governanceBodies"]!["nodes"]!.AsArray().Where(b => b!["tier"] is not null)
            .SelectMany(b => b!["memberships"]!["nodes"]!.AsArray().Select(m => $"{b["tier"]} {Str(m!["person"]!["name"])} {Str(m["role"])} {m["since"]}")).ToList();
        Assert.Contains("1 Jerry Yang CHAIR 2021-12-17", seats);
        Assert.Contains("2 Dr. Chen Long CHAIR 2021-12-17", seats);
        Assert.Contains("2 Toby Xu CHAIR 2023-11-27", seats);
        Assert.Equal(["1", "2", "3"], data["governanceBodies"]!["nodes"]!.AsArray().Where(b => b!["tier"] is not null).Select(b => b!["tier"]!.ToString()).Order());

        Assert.Equal(["Daniel Zhang", "Dr. Chen Long"], data["statements"]!["nodes"]!.AsArray().Select(s => Str(s!["speaker"]!["name"])).Distinct().Order());
        Assert.True(data["commitments"]!["nodes"]!.AsArray().Count >= 4);
    }

    [Fact]
    public async Task Fiscal_and_calendar_years_are_never_confused()
    {
        var data = await api.CreateClient().DataAsync("{ figures(first: 100) { nodes { period { kind label start end fiscalYear calendarYear } } } }");

        Assert.All(data["figures"]!["nodes"]!.AsArray(), f =>
        {
            var p = f!["period"]!;
            switch (Str(p["kind"]))
            {
                case "FISCAL_YEAR":
                    var fy = p["fiscalYear"]!.GetValue<int>();
                    Assert.Equal(($"FY{fy}", $"{fy - 1}-04-01", $"{fy}-03-31"), (Str(p["label"]), Str(p["start"]), Str(p["end"])));
                    Assert.Null(p["calendarYear"]);
                    break;
                case "CALENDAR_YEAR":
                    var cy = p["calendarYear"]!.GetValue<int>();
                    Assert.Equal(($"CY{cy}", $"{cy}-01-01", $"{cy}-12-31"), (Str(p["label"]), Str(p["start"]), Str(p["end"])));
                    Assert.Null(p["fiscalYear"]);
                    break;
                default:
                    Assert.Null(p["fiscalYear"]);
                    Assert.Null(p["calendarYear"]);
                    break;
            }
        });
    }

    [Fact]
    public async Task Scope_3_plus_progress_shows_its_inputs()
    {
        var data = await api.CreateClient().DataAsync("""{ target(slug: "alibaba-scope-3-plus-1-5-gigatons-2035") { progress { method achieved targetAmount percentOfTarget inputs { period { label } normalizedValue } } } }""");
        var progress = data["target"]!["progress"]!;

        var inputs = progress["inputs"]!.AsArray();
        Assert.Equal("SUM_OF_REPORTED_YEARS", Str(progress["method"]));
        Assert.Equal(["FY2023", "FY2024", "FY2025"], inputs.Select(i => Str(i!["period"]!["label"])));
        Assert.Equal(inputs.Sum(i => i!["normalizedValue"]!.GetValue<double>()), progress["achieved"]!.GetValue<double>());
        Assert.Equal(1_500_000_000d, progress["targetAmount"]!.GetValue<double>());
        Assert.Equal(7.697, progress["percentOfTarget"]!.GetValue<double>());
    }

    [Fact]
    public async Task Node_fetches_every_kind_of_object_again_by_its_id()
    {
        var client = api.CreateClient();
        var lists = new[] { "organizations", "targets", "figures", "reports", "commitments", "governanceBodies", "people", "statements", "scopes", "sources" };
        foreach (var list in lists)
        {
            var listed = (await client.DataAsync(list == "scopes" ? "{ scopes { id slug __typename } }" : $"{{ {list}(first: 1) {{ nodes {{ id slug __typename }} }} }}"))[list]!;
            var first = (list == "scopes" ? listed : listed["nodes"]!)[0]!;
            var again = await client.DataAsync("query($id: ID!) { node(id: $id) { id __typename ... on Target { slug } ... on Figure { slug } ... on Organization { slug } ... on Report { slug } ... on Commitment { slug } ... on GovernanceBody { slug } ... on Person { slug } ... on Statement { slug } ... on Scope { slug } ... on Source { slug } } }",
                new { id = Str(first["id"]) });
            Assert.Equal(first.ToJsonString(), new JsonObject { ["id"] = again["node"]!["id"]!.DeepClone(), ["slug"] = again["node"]!["slug"]!.DeepClone(), ["__typename"] = again["node"]!["__typename"]!.DeepClone() }.ToJsonString());
        }
    }

    [Fact]
    public async Task Nodes_keeps_order_and_answers_null_for_unknown_ids()
    {
        var known = Disclosure.Api.GraphQL.NodeId.Encode("Person", "jerry-yang");
        var unknown = Disclosure.Api.GraphQL.NodeId.Encode("Person", "nobody");

        var data = await api.CreateClient().DataAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = new[] { unknown, known } });

        Assert.Equal($"[null,{{\"id\":\"{known}\"}}]", data["nodes"]!.ToJsonString());
    }

    [Fact]
    public async Task Nodes_refuses_more_than_100_ids()
    {
        var ids = Enumerable.Range(0, 101).Select(i => Disclosure.Api.GraphQL.NodeId.Encode("Person", $"p{i}")).ToArray();

        var response = await api.CreateClient().QueryAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });

        Assert.Equal("ARGUMENT_LIMIT", Str(response["errors"]![0]!["extensions"]!["code"]));
    }

    [Fact]
    public async Task Nested_lists_load_per_level_not_per_row()
    {
        var client = api.CreateClient();
        await client.DataAsync("{ __typename }");

        api.SqlCommands.Reset();
        var data = await client.DataAsync("{ figures(first: 100) { nodes { slug organization { name } report { title } source { url } quote citations { source { title } } } } }");
        var commands = api.SqlCommands.Count;

        // figures, organizations, reports, citations (shared by source/quote/citations), sources: one command each.
        Assert.True(data["figures"]!["nodes"]!.AsArray().Count > 40);
        Assert.Equal(5, commands);
    }

    private static int SeedCount(string field) => field switch
    {
        "organizations" => Seed.Organizations.Count,
        "targets" => Seed.Targets.Count,
        "figures" => Seed.Figures.Count,
        "reports" => Seed.Reports.Count,
        "commitments" => Seed.Commitments.Count,
        "governanceBodies" => Seed.Governance.Bodies.Count,
        "people" => Seed.Governance.People.Count,
        "statements" => Seed.Statements.Count,
        "scopes" => Seed.Scopes.Count,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static string Str(JsonNode? node) => node!.GetValue<string>();
}
