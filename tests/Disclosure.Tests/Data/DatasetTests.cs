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
    public async Task Scope_3_plus_progress_states_its_assumption_and_both_sums()
    {
        var data = await api.CreateClient().DataAsync("""{ target(slug: "alibaba-scope-3-plus-1-5-gigatons-2035") { progress { assumption achieved achievedExcludingLowConfidence percentOfTarget percentOfTargetExcludingLowConfidence explanation inputs { period { label } confidence normalizedValue } } } }""");
        var progress = data["target"]!["progress"]!;
        var inputs = progress["inputs"]!.AsArray();

        Assert.Contains("No source we hold says the target is cumulative", Str(progress["assumption"]));
        Assert.Equal(["FY2025"], inputs.Where(i => Str(i!["confidence"]) == "LOW").Select(i => Str(i!["period"]!["label"])));
        Assert.Equal(inputs.Where(i => Str(i!["confidence"]) != "LOW").Sum(i => i!["normalizedValue"]!.GetValue<double>()), progress["achievedExcludingLowConfidence"]!.GetValue<double>());
        Assert.Equal(56_247_000d, progress["achievedExcludingLowConfidence"]!.GetValue<double>());
        Assert.Equal(3.75, progress["percentOfTargetExcludingLowConfidence"]!.GetValue<double>());
        Assert.Equal(7.697, progress["percentOfTarget"]!.GetValue<double>());
        Assert.Contains("without them the sum is 56,247,000 tCO2e, 3.750% of the target", Str(progress["explanation"]));
    }

    [Fact]
    public async Task The_fy2024_own_operations_figure_is_not_called_net()
    {
        var data = await api.CreateClient().DataAsync("""
            {
              figure: figures(first: 100, where: { fiscalYear: { eq: 2024 } }) { nodes { slug metric basis publishedValue } }
              target(slug: "alibaba-scope-1-2-carbon-neutrality-2030") { progress { method basis explanation inputs { slug } } }
            }
            """);

        var fy2024 = data["figure"]!["nodes"]!.AsArray();
        var own = fy2024.Single(f => Str(f!["slug"]) == "fy2024-own-operations-emissions")!;
        Assert.Equal(("SCOPE_1_2_EMISSIONS", "NOT_STATED", "4.45"), (Str(own["metric"]), Str(own["basis"]), Str(own["publishedValue"])));
        var change = fy2024.Single(f => Str(f!["slug"]) == "fy2024-own-operations-emissions-change")!;
        Assert.Equal(("SCOPE_1_2_EMISSIONS_CHANGE", "NOT_STATED"), (Str(change["metric"]), Str(change["basis"])));
        Assert.DoesNotContain(fy2024, f => Str(f!["slug"]) is "fy2024-net-scope-1-2-emissions" or "fy2024-net-scope-1-2-emissions-change");

        var progress = data["target"]!["progress"]!;
        Assert.Equal(("LATEST_REMAINING", "NOT_STATED"), (Str(progress["method"]), Str(progress["basis"])));
        Assert.Equal(["fy2024-own-operations-emissions"], progress["inputs"]!.AsArray().Select(i => Str(i!["slug"])));
        Assert.Contains("FY2024, basis not stated", Str(progress["explanation"]));
    }

    [Fact]
    public async Task Node_of_an_old_id_returns_the_renamed_figure()
    {
        var old = Disclosure.Api.GraphQL.NodeId.Encode("Figure", "fy2024-net-scope-1-2-emissions");
        var renamed = Disclosure.Api.GraphQL.NodeId.Encode("Figure", "fy2024-own-operations-emissions");
        Assert.Contains(Seed.Renames, r => (r.Type, r.OldId, r.NewId) == ("Figure", "fy2024-net-scope-1-2-emissions", "fy2024-own-operations-emissions"));

        var data = await api.CreateClient().DataAsync("query($id: ID!, $ids: [ID!]!) { node(id: $id) { id ... on Figure { slug metric basis publishedValue } } nodes(ids: $ids) { id } }",
            new { id = old, ids = new[] { old, renamed, Disclosure.Api.GraphQL.NodeId.Encode("Figure", "never-was") } });

        var node = data["node"]!;
        Assert.Equal((renamed, "fy2024-own-operations-emissions", "SCOPE_1_2_EMISSIONS", "NOT_STATED", "4.45"),
            (Str(node["id"]), Str(node["slug"]), Str(node["metric"]), Str(node["basis"]), Str(node["publishedValue"])));
        Assert.Equal($"[{{\"id\":\"{renamed}\"}},{{\"id\":\"{renamed}\"}},null]", data["nodes"]!.ToJsonString());
    }

    [Fact]
    public async Task No_target_status_is_claimed_that_no_source_states()
    {
        var data = await api.CreateClient().DataAsync("{ targets(first: 20) { nodes { slug status } } }");

        Assert.All(data["targets"]!["nodes"]!.AsArray(), t => Assert.Equal("NOT_STATED", Str(t!["status"])));
    }

    [Fact]
    public async Task The_scope_3_categories_cite_the_scope_3_standard_from_our_research_notes()
    {
        var data = await api.CreateClient().DataAsync("{ scopes { kind direction citations { quote note source { slug title publisher url textHeld } } } }");

        var categories = data["scopes"]!.AsArray().Where(s => Str(s!["kind"]) == "CATEGORY").ToList();
        Assert.Equal(15, categories.Count);
        Assert.All(categories, c =>
        {
            var name = c!["citations"]![0]!;
            Assert.Equal(("ghg-protocol-scope-3-standard", "Corporate Value Chain (Scope 3) Standard", "GHG Protocol", "https://ghgprotocol.org/standards/scope-3-standard"),
                (Str(name["source"]!["slug"]), Str(name["source"]!["title"]), Str(name["source"]!["publisher"]), Str(name["source"]!["url"])));
            Assert.False(name["source"]!["textHeld"]!.GetValue<bool>());
            var boundary = c["citations"]![1]!;
            Assert.Equal(Str(c["direction"]) == "UPSTREAM" ? "Upstream (1–8)" : "Downstream (9–15)", Str(boundary["quote"]));
        });
        Assert.DoesNotContain(Seed.Sources, s => s.Id == "annualreporting-ifrs-s2-scope-3-categories");
    }

    [Fact]
    public async Task Verifiers_are_cited_from_passages_about_their_report_that_name_them()
    {
        var data = await api.CreateClient().DataAsync("{ reports(first: 20) { nodes { slug verifier verificationScope citations { quote note } } } }");
        var reports = data["reports"]!["nodes"]!.AsArray().ToDictionary(r => Str(r!["slug"]));

        // The Bureau Veritas passage we hold is from an article about the 2023 report: nothing we hold names the FY2022 verifier.
        Assert.Null(reports["esg-report-2022"]!["verifier"]);
        Assert.Null(reports["esg-report-2022"]!["verificationScope"]);
        Assert.DoesNotContain(reports["esg-report-2022"]!["citations"]!.AsArray(), c => Str(c!["quote"]).Contains("Bureau Veritas", StringComparison.Ordinal));
        var verifier = reports["esg-report-2023"]!["citations"]!.AsArray().Single(c => c!["note"]?.GetValue<string>() == "verifier")!;
        Assert.Contains("Bureau Veritas", Str(verifier["quote"]));
        Assert.All(reports.Values.Where(r => r!["verifier"] is not null), r =>
            Assert.Contains(r!["citations"]!.AsArray(), c => c!["note"]?.GetValue<string>() == "verifier"));
    }

    [Fact]
    public void A_figure_s_primary_citation_holds_its_number()
    {
        Assert.All(Seed.Figures.Where(f => f.Value is not null && f.Unit != Disclosure.Store.Data.Unit.Rank), f =>
        {
            // The published number (e.g. "529.4" of "approx. 529.4", "60" of "60 (out of 100)"); a rank is stated in words.
            var digits = System.Text.RegularExpressions.Regex.Match(f.PublishedValue, @"\d[\d,]*(\.\d+)?").Value;
            Assert.True(f.Citations[0].Quote.Contains(digits, StringComparison.Ordinal), $"{f.Id}: the primary quote lacks {digits}");
        });
        Assert.Contains("371.0", Seed.Figures.Single(f => f.Id == "cy2020-scope-2-emissions").Citations[0].Quote);
    }

    [Fact]
    public void No_quote_stands_for_two_passages_joined_by_an_ellipsis()
    {
        var quotes = Seed.Figures.SelectMany(f => f.Citations).Concat(Seed.Reports.SelectMany(r => r.Citations)).Concat(Seed.Scopes.SelectMany(s => s.Citations))
            .Concat(Seed.Targets.SelectMany(t => t.Citations)).Concat(Seed.Commitments.SelectMany(c => c.Citations)).Concat(Seed.Statements.SelectMany(s => s.Citations))
            .Concat(Seed.Organizations.SelectMany(o => o.Citations)).Concat(Seed.Governance.Bodies.SelectMany(b => b.Citations))
            .Concat(Seed.Governance.People.SelectMany(p => p.Citations)).Concat(Seed.Governance.Memberships.SelectMany(m => m.Citations)).Select(c => c.Quote);

        Assert.All(quotes, q => Assert.False(q.Contains('…') || q.Contains("...", StringComparison.Ordinal), q));
        var cloud = Seed.Figures.Single(f => f.Id == "fy2024-alibaba-cloud-emission-reductions").Citations.Select(c => c.Quote);
        Assert.Equal(["has reduced its carbon emissions by 9.88 million tons, a 44 percent improvement year-on-year.", "Alibaba Cloud"], cloud);
    }

    [Fact]
    public async Task The_green_power_volume_holds_as_of_its_stated_date_without_an_inferred_start()
    {
        var id = Disclosure.Api.GraphQL.NodeId.Encode("Figure", "cy2023-green-power-traded");
        var data = await api.CreateClient().DataAsync("query($id: ID!) { node(id: $id) { ... on Figure { period { kind end } citations { quote } } } }", new { id });

        Assert.Equal(("AS_OF", "2023-11-10"), (Str(data["node"]!["period"]!["kind"]), Str(data["node"]!["period"]!["end"])));
        Assert.Contains(data["node"]!["citations"]!.AsArray(), c => Str(c!["quote"]).StartsWith("截至2023年11月10日", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_board_chairs_are_dated_only_as_their_sources_date_them()
    {
        var data = await api.CreateClient().DataAsync("{ governanceBodies(first: 10) { nodes { slug memberships(first: 20) { nodes { slug person { name } role title since until endedBy note quote } } } } }");
        var board = data["governanceBodies"]!["nodes"]!.AsArray().Single(b => Str(b!["slug"]) == "board-of-directors")!["memberships"]!["nodes"]!.AsArray()
            .Where(m => Str(m!["role"]) == "CHAIR").ToDictionary(m => Str(m!["person"]!["name"]));

        var zhang = board["Daniel Zhang"]!;
        Assert.Equal(("Chairman and CEO of Alibaba Group", "2021-12-17"), (Str(zhang["title"]), Str(zhang["since"])));
        Assert.Equal("Daniel Zhang, Chairman and CEO of Alibaba Group", Str(zhang["quote"]));
        var tsai = board["Joe Tsai"]!;
        Assert.Null(tsai["since"]);
        Assert.Null(tsai["until"]);
        Assert.StartsWith("Dates not stated", Str(tsai["note"]));
    }

    [Fact]
    public void A_reposted_article_names_the_site_that_published_it()
    {
        var repost = Seed.Sources.Single(s => s.Id == "bobobk-2023-cop28-xu-hong");

        Assert.Equal("blog.bobobk.com", repost.Publisher);
        Assert.StartsWith("https://blog.bobobk.com/", repost.Url);
        Assert.Contains("中新网", repost.Title);
    }

    [Fact]
    public async Task The_release_s_scope_3_plus_measurement_and_disclosure_commitments_are_there()
    {
        var data = await api.CreateClient().DataAsync("{ commitments(first: 100) { nodes { slug kind quote madeOn } } }");
        var commitments = data["commitments"]!["nodes"]!.AsArray().ToDictionary(c => Str(c!["slug"]));

        Assert.Equal("Alibaba will continue to improve its carbon reduction measurement and metrics in Scope 3+ by working and partnering with leading expert organizations globally.",
            Str(commitments["scope-3-plus-measurement"]!["quote"]));
        Assert.Equal("Meanwhile, Alibaba aims to continue to improve information and data disclosure and reporting mechanism.",
            Str(commitments["disclosure-and-reporting-improvement"]!["quote"]));
        Assert.Equal("2021-12-17", Str(commitments["scope-3-plus-measurement"]!["madeOn"]));
        Assert.Equal("2021-12-17", Str(commitments["disclosure-and-reporting-improvement"]!["madeOn"]));
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
