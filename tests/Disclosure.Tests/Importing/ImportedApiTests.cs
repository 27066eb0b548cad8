using System.Text.Json.Nodes;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Importing;

/// <summary>The imported datasets through the API, on the whole seed-data/.</summary>
[Collection(FullDatasetGroup.Name)]
public sealed class ImportedApiTests(FullDatasetApiFactory api)
{
    [Fact]
    public async Task An_identifier_claimed_by_companies_whose_names_disagree_is_not_used_to_look_up()
    {
        // Ford and Formosa share one ISIN in Net Zero Tracker's snapshot.
        var response = await api.CreateClient().QueryAsync("{ organizationByIdentifier(value: \"US3453708600\") { slug } }");

        var error = response["errors"]![0]!;
        Assert.Equal("IDENTIFIER_CONFLICT", (string?)error["extensions"]!["code"]);
        Assert.Null(response["data"]!["organizationByIdentifier"]);
    }

    [Fact]
    public async Task An_organization_is_found_by_its_net_zero_tracker_id_and_shows_each_dataset_record()
    {
        var data = await api.CreateClient().DataAsync(
            "{ organizationByIdentifier(value: \"COM-0478\", scheme: NET_ZERO_TRACKER_ID) { slug country datasetRecords { recordKey method dataset { slug licence } } assessments { hasTarget endTargetCategory } } }");

        var org = data["organizationByIdentifier"]!;
        Assert.Equal(("alibaba-group", "CHN"), ((string?)org["slug"], (string?)org["country"]));
        var record = Assert.Single(org["datasetRecords"]!.AsArray());
        Assert.Equal(("COM-0478", "MANUAL_OVERRIDE", "CC BY 4.0"), ((string?)record!["recordKey"], (string?)record["method"], (string?)record["dataset"]!["licence"]));
        Assert.Equal((true, "Carbon neutral(ity)"), ((bool?)org["assessments"]![0]!["hasTarget"], (string?)org["assessments"]![0]!["endTargetCategory"]));
    }

    [Fact]
    public async Task An_organization_is_found_by_its_ticker()
    {
        var data = await api.CreateClient().DataAsync("{ organizationByIdentifier(value: \"BABA\", scheme: TICKER) { slug } }");

        Assert.Equal("alibaba-group", (string?)data["organizationByIdentifier"]!["slug"]);
    }

    [Fact]
    public async Task No_target_is_served_as_a_finding_and_companies_filter_by_country()
    {
        var data = await api.CreateClient().DataAsync("""
            {
              none: assessments(first: 5, where: { endTargetCategory: { eq: "No target" } }) { totalCount nodes { hasTarget endTargetCategory assessedOn } }
              german: organizations(first: 100, where: { country: { eq: "DEU" } }) { totalCount nodes { country } }
            }
            """);

        Assert.Equal(915, (int)data["none"]!["totalCount"]!);
        Assert.All(data["none"]!["nodes"]!.AsArray(), n => Assert.Equal((false, "No target", "2022-12-20"), ((bool?)n!["hasTarget"], (string?)n["endTargetCategory"], (string?)n["assessedOn"])));
        Assert.True((int)data["german"]!["totalCount"]! > 10);
        Assert.All(data["german"]!["nodes"]!.AsArray(), n => Assert.Equal("DEU", (string?)n!["country"]));
    }

    [Fact]
    public async Task A_value_recorded_without_a_passage_has_no_quote_but_shows_what_was_recorded()
    {
        var data = await api.CreateClient().DataAsync(
            "{ figures(first: 5, where: { dataset: { eq: \"carbon-gap-2021\" } }) { nodes { quote verification period { kind start year } citations { quote recorded datasetLocation dataset { attribution } } } } }");

        var nodes = data["figures"]!["nodes"]!.AsArray();
        Assert.Equal(5, nodes.Count);
        Assert.All(nodes, n =>
        {
            Assert.Null(n!["quote"]);
            Assert.Equal("VALUE_AS_RECORDED", (string?)n["verification"]);
            Assert.Equal(("REPORTING_YEAR", null), ((string?)n["period"]!["kind"], (string?)n["period"]!["start"]));
            var citation = n["citations"]![0]!;
            Assert.Contains("datasource", (string?)citation["recorded"]);
            Assert.Contains("Höglund", (string?)citation["dataset"]!["attribution"]);
        });
    }

    [Fact]
    public async Task Figures_of_the_same_measure_that_disagree_list_each_other()
    {
        var data = await api.CreateClient().DataAsync(
            "{ figures(first: 100, where: { dataset: { eq: \"klimatkollen-2024-10\" }, verification: { eq: CHECKED_BY_PUBLISHER }, metric: { eq: SCOPE_1_EMISSIONS } }) { nodes { slug value disagrees otherFigures { slug value verification } } } }");

        var disagreeing = data["figures"]!["nodes"]!.AsArray().Where(n => (bool)n!["disagrees"]!).ToList();
        Assert.NotEmpty(disagreeing);
        Assert.All(disagreeing, n => Assert.Contains(n!["otherFigures"]!.AsArray(),
            o => (string?)o!["verification"] == "VALUE_AS_RECORDED" && (double?)o["value"] != (double?)n["value"]));
    }

    [Fact]
    public async Task The_imported_datasets_are_listed_with_their_report()
    {
        var data = await api.CreateClient().DataAsync(
            "{ importedDatasets { slug kind licence rowsRead rowsRejected files { name sha256 } } importedDataset(slug: \"klimatkollen-2024-10\") { report(first: 3, where: { kind: { eq: REJECTED } }) { totalCount nodes { file row reason } } } }");

        var slugs = data["importedDatasets"]!.AsArray().Select(d => (string?)d!["slug"]).ToList();
        Assert.Equal("disclosure-curated", slugs[0]);
        Assert.Contains("net-zero-tracker-2022-12-20", slugs);
        var report = data["importedDataset"]!["report"]!;
        Assert.True((int)report["totalCount"]! > 0);
        Assert.All(report["nodes"]!.AsArray(), n => Assert.False(string.IsNullOrEmpty((string?)n!["reason"])));
    }
}
