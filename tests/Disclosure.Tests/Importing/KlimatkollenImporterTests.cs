using Disclosure.Store.Importing;
using Disclosure.Store.Importing.Klimatkollen;

namespace Disclosure.Tests.Importing;

public sealed class KlimatkollenImporterTests
{
    private const string Companies = "companies_2024-10-09.json";

    private static ImportBatch<KlimatkollenCompany> ReadCompaniesFixture(string file) =>
        KlimatkollenImporter.ReadCompanies(Fixture.Path("Klimatkollen", file));

    private static KlimatkollenFigure Figure(KlimatkollenCompany company, int year, KlimatkollenMetric metric, int? category = null) =>
        Assert.Single(company.Figures, f => f.Year == year && f.Metric == metric && f.Category == category);

    [Fact]
    public void The_sample_reads_each_company_with_its_labels_figures_and_goals()
    {
        var batch = ReadCompaniesFixture("companies-sample.json");

        Assert.Equal(4, batch.RowsRead);
        Assert.Empty(batch.Rejections);
        Assert.Equal(["Lundbergs Fastigheter", "Modern Times Group MTG AB", "AddLife", "Sampo Group"], batch.Records.Select(c => c.Name));
        var lundbergs = batch.Records[0];
        Assert.Equal(new RecordLocation("companies-sample.json", "$[0]"), lundbergs.At);
        Assert.Equal("Q126366671", lundbergs.WikidataId);
        Assert.Equal("https://cms.lundbergsfastigheter.se/wp-content/uploads/2024/03/Arsredovisning_2023.pdf", lundbergs.ReportUrl);
        Assert.Equal(2019, lundbergs.BaseYear);
        Assert.StartsWith("Lundbergs Fastigheter är ett svenskt fastighetsbolag", lundbergs.Description, StringComparison.Ordinal);
        Assert.Equal(
            [
                new RecordedLabel("GICS sector", "Finans och fastighet", "60"),
                new RecordedLabel("GICS industry group", "Fastighetsinvesteringsbolag (REITs)", "6010"),
                new RecordedLabel("GICS industry", "Kontors-REITs", "601040"),
                new RecordedLabel("GICS sub-industry", "Kontors-REITs", "60104010"),
            ],
            lundbergs.Industry);
        Assert.Equal([2019, 2021, 2022, 2023], lundbergs.Years);
        Assert.Equal([25, 20, 10, 26], batch.Records.Select(c => c.Figures.Count));
        Assert.Equal(
            new KlimatkollenFigure
            {
                At = new("companies-sample.json", "$[0].emissions.2023.scope1", "emissions"),
                Year = 2023, Metric = KlimatkollenMetric.Scope1, Published = "30", Value = 30m, Unit = "tCO2e",
                VerifiedUrl = "https://www.wikidata.org/wiki/Q124883250",
            },
            Figure(lundbergs, 2023, KlimatkollenMetric.Scope1));
        Assert.Equal(
            new KlimatkollenFigure
            {
                At = new("companies-sample.json", "$[0].emissions.2023.scope3.categories", "13_downstreamLeasedAssets"),
                Year = 2023, Metric = KlimatkollenMetric.Scope3Category, Category = 13, CategoryKey = "13_downstreamLeasedAssets",
                Published = "8318", Value = 8318m, Unit = "tCO2e",
            },
            Figure(lundbergs, 2023, KlimatkollenMetric.Scope3Category, 13));
        Assert.Equal(
            new KlimatkollenGoal { At = new("companies-sample.json", "$[0].goals[0]"), Description = "Klimatneutral verksamhet i hela värdekedjan", Year = 2030, Target = 100m, BaseYear = 2019 },
            lundbergs.Goals[0]);
        Assert.Equal(new KlimatkollenGoal { At = new("companies-sample.json", "$[0].goals[1]"), Description = "Öka andelen förnybar eller återvunnen energi", BaseYear = 2019 }, lundbergs.Goals[1]);
        // AddLife's "" goal base year is not given; Sampo Group's 42.5 % target is kept as recorded.
        Assert.All(batch.Records[2].Goals, g => Assert.Null(g.BaseYear));
        Assert.Equal(42.5m, batch.Records[3].Goals[2].Target);
    }

    [Fact]
    public void Scope_2_market_and_location_based_are_kept_apart_and_the_stated_total_only_when_both_are_empty()
    {
        var batch = ReadCompaniesFixture("companies-sample.json");
        var (lundbergs, mtg, sampo) = (batch.Records[0], batch.Records[1], batch.Records[3]);

        // Lundbergs 2022: mb and lb null, emissions 5791: basis not stated. 2023: mb 6114: only the market-based figure.
        var notStated = Figure(lundbergs, 2022, KlimatkollenMetric.Scope2NotStated);
        Assert.Equal(("5791", 5791m, new RecordLocation("companies-sample.json", "$[0].emissions.2022.scope2", "emissions")), (notStated.Published, notStated.Value, notStated.At));
        Assert.Equal(
            [KlimatkollenMetric.Scope2MarketBased],
            lundbergs.Figures.Where(f => f.Year == 2023 && f.Metric is KlimatkollenMetric.Scope2MarketBased or KlimatkollenMetric.Scope2LocationBased or KlimatkollenMetric.Scope2NotStated).Select(f => f.Metric));
        // MTG 2022: mb 312.2, lb 402.9 (floats kept as written); its emissions 312.2 is not a third figure.
        Assert.Equal(("312.2", 312.2m), (Figure(mtg, 2022, KlimatkollenMetric.Scope2MarketBased).Published, Figure(mtg, 2022, KlimatkollenMetric.Scope2MarketBased).Value));
        Assert.Equal(("402.9", 402.9m), (Figure(mtg, 2022, KlimatkollenMetric.Scope2LocationBased).Published, Figure(mtg, 2022, KlimatkollenMetric.Scope2LocationBased).Value));
        Assert.DoesNotContain(mtg.Figures, f => f.Metric == KlimatkollenMetric.Scope2NotStated);
        // Sampo 2023: mb and lb null, emissions 3585; Sampo 2021: lb only.
        Assert.Equal(3585m, Figure(sampo, 2023, KlimatkollenMetric.Scope2NotStated).Value);
        Assert.Equal(2458.5m, Figure(sampo, 2021, KlimatkollenMetric.Scope2LocationBased).Value);
        Assert.DoesNotContain(sampo.Figures, f => f.Year == 2021 && f.Metric == KlimatkollenMetric.Scope2NotStated);
        // Category 16 "other" as recorded, and a recorded zero is a figure.
        Assert.Equal(("16_other", "6314.9"), (Figure(sampo, 2021, KlimatkollenMetric.Scope3Category, 16).CategoryKey, Figure(sampo, 2021, KlimatkollenMetric.Scope3Category, 16).Published));
        Assert.Equal(0m, Figure(sampo, 2023, KlimatkollenMetric.Scope3Category, 12).Value);
    }

    [Fact]
    public void AddLifes_totals_beside_its_years_are_skipped_not_figures_nor_rejections()
    {
        var batch = ReadCompaniesFixture("companies-sample.json");
        var addLife = batch.Records[2];

        Assert.Equal([2021, 2022, 2023], addLife.Years);
        Assert.Equal(2, batch.Skipped[KlimatkollenImporter.TotalsSkip]);
        Assert.Empty(batch.Rejections);
        Assert.DoesNotContain(addLife.Figures, f => f.Year == 2021);
        Assert.Equal([2022, 2023], addLife.Figures.Select(f => f.Year).Distinct());
        Assert.Equal(8491m, Figure(addLife, 2023, KlimatkollenMetric.Scope1).Value);
    }

    [Fact]
    public void Broken_values_are_rejected_with_file_path_key_reason_and_value()
    {
        var batch = ReadCompaniesFixture("companies-broken-values.json");
        const string file = "companies-broken-values.json";

        Assert.Equal(
            [
                new ImportRejection(new(file, "$[0]", "wikidataId"), "not a Wikidata id (Q and a number)", "Q0126366671"),
                new ImportRejection(new(file, "$[0]", "baseYear"), "base year is not a four-digit year", "2021/22"),
                new ImportRejection(new(file, "$[1]", "companyName"), "missing company name", ""),
                new ImportRejection(new(file, "$[2].emissions.2023.scope3.categories", "17_extra"), "unknown Scope 3 category key (expected 1_ to 16_ and a name)", "17_extra"),
                new ImportRejection(new(file, "$[2].goals[0]", "year"), "goal year is not a four-digit year", "snart"),
                new ImportRejection(new(file, "$[3].emissions.2023.scope1", "emissions"), "not a JSON number", "4 321"),
            ],
            batch.Rejections);
        Assert.Equal(4, batch.RowsRead);
        Assert.Equal(["Lundbergs Fastigheter", "AddLife", "Sampo Group"], batch.Records.Select(c => c.Name));
        // The rest of a company with a rejected value is kept, without that value.
        Assert.Equal((null, null, 25), (batch.Records[0].WikidataId, batch.Records[0].BaseYear, batch.Records[0].Figures.Count));
        Assert.Equal((null, 2025), (batch.Records[1].Goals[0].Year, batch.Records[1].Goals[1].Year));
        Assert.Equal(25, batch.Records[2].Figures.Count);
        Assert.DoesNotContain(batch.Records[2].Figures, f => f.Year == 2023 && f.Metric == KlimatkollenMetric.Scope1);
    }

    [Fact]
    public void A_missing_emissions_key_stops_the_build()
    {
        var e = Assert.Throws<ImportFormatException>(() => ReadCompaniesFixture("companies-renamed-key.json"));

        Assert.Equal("companies-renamed-key.json: $[1]: key \"emissions\" is missing. The importer was written for another layout; the build stops.", e.Message);
    }

    [Fact]
    public void The_real_companies_file()
    {
        var batch = KlimatkollenImporter.ReadCompanies(Fixture.Real("klimatkollen-2024-10", Companies));

        Assert.Equal(146, batch.RowsRead);
        Assert.Equal(146, batch.Records.Count);
        // A company-year is a year key of a company's emissions (AddLife's totalEmissions/totalUnit are not years),
        // whether or not any figure of it is disclosed; every figure's year is one of them.
        Assert.Equal(473, batch.Records.Sum(c => c.Years.Count));
        Assert.All(batch.Records, c => Assert.Subset(c.Years.ToHashSet(), c.Figures.Select(f => f.Year).ToHashSet()));
        // 473 = 439 company-years with at least one disclosed figure + 34 with none (all values null).
        Assert.Equal(439, batch.Records.Sum(c => c.Figures.Select(f => f.Year).Distinct().Count()));
        Assert.Equal(2986, batch.Records.Sum(c => c.Figures.Count));
        Assert.Equal(2, batch.Skipped[KlimatkollenImporter.TotalsSkip]);
        var addLife = Assert.Single(batch.Records, c => c.Name == "AddLife");
        Assert.Equal([2021, 2022, 2023], addLife.Years);
        // Base years written as fiscal years ("2021/22", "2020/2021") are the only rejections.
        Assert.Equal(
            [("goal base year is not a four-digit year", 4), ("base year is not a four-digit year", 1)],
            ImportSummary.TopReasons(batch.Rejections, 10));
        var aak = Assert.Single(batch.Records, c => c.WikidataId == "Q10397786");
        Assert.Equal(("260834", 260834m), (Figure(aak, 2023, KlimatkollenMetric.Scope1).Published, Figure(aak, 2023, KlimatkollenMetric.Scope1).Value));
    }

    [Fact]
    public void The_facit_sample_reads_the_checked_2023_values_only()
    {
        var batch = KlimatkollenImporter.ReadFacit(Fixture.Path("Klimatkollen", "facit-sample.csv"));

        Assert.Equal(4, batch.RowsRead);
        Assert.Empty(batch.Rejections);
        var aak = batch.Records[0];
        Assert.Equal(("AAK", "Q10397786", new RecordLocation("facit-sample.csv", "row 2")), (aak.Name, aak.WikidataId, aak.At));
        Assert.Equal(
            [
                new KlimatkollenFigure { At = new("facit-sample.csv", "row 2", "23_scope1"), Year = 2023, Metric = KlimatkollenMetric.Scope1, Published = "260,834", Value = 260834m },
                new KlimatkollenFigure { At = new("facit-sample.csv", "row 2", "23_scope2MB"), Year = 2023, Metric = KlimatkollenMetric.Scope2MarketBased, Published = "40,437", Value = 40437m },
                new KlimatkollenFigure { At = new("facit-sample.csv", "row 2", "23_scope2LB"), Year = 2023, Metric = KlimatkollenMetric.Scope2LocationBased, Published = "55,107", Value = 55107m },
                new KlimatkollenFigure { At = new("facit-sample.csv", "row 2", "23_scope3"), Year = 2023, Metric = KlimatkollenMetric.Scope3, Published = "6817620", Value = 6817620m },
            ],
            aak.Figures);
        // ABB: its 23_scope3 is empty (not disclosed); the categories are figures, the sums and turnover are not.
        var abb = batch.Records[1];
        Assert.DoesNotContain(abb.Figures, f => f.Metric == KlimatkollenMetric.Scope3);
        Assert.Equal(
            new KlimatkollenFigure { At = new("facit-sample.csv", "row 3", "23_scope3_11"), Year = 2023, Metric = KlimatkollenMetric.Scope3Category, Category = 11, CategoryKey = "23_scope3_11", Published = "418318000", Value = 418318000m },
            Assert.Single(abb.Figures, f => f.Category == 11));
        Assert.DoesNotContain(batch.Records.SelectMany(r => r.Figures), f => f.At.Column is "23_total" or "23_scope1_2Sum" or "23_scope3Sum" or "23_totalSum" or "23_biogenic" or "Turnover" or "no_employees");
        Assert.Equal(("5.5", 5.5m), (Assert.Single(batch.Records[2].Figures, f => f.Category == 8).Published, Assert.Single(batch.Records[2].Figures, f => f.Category == 8).Value));
        Assert.Equal(1240000m, Assert.Single(batch.Records[3].Figures, f => f.Metric == KlimatkollenMetric.Scope1).Value);
        Assert.All(batch.Records.SelectMany(r => r.Figures), f => Assert.Null(f.Unit));
    }

    [Fact]
    public void Broken_facit_cells_are_rejected_with_row_column_reason_and_value()
    {
        var batch = KlimatkollenImporter.ReadFacit(Fixture.Path("Klimatkollen", "facit-broken-cells.csv"));

        Assert.Equal(
            [
                new ImportRejection(new("facit-broken-cells.csv", "row 2", "23_scope1"), "not a number this file writes (plain digits, a decimal point, or commas grouping thousands): ambiguous", "260,83"),
                new ImportRejection(new("facit-broken-cells.csv", "row 3", "wiki_id"), "not a Wikidata id (Q and a number)", "52825"),
            ],
            batch.Rejections);
        Assert.Equal(4, batch.Records.Count);
        Assert.DoesNotContain(batch.Records[0].Figures, f => f.Metric == KlimatkollenMetric.Scope1);
        Assert.Null(batch.Records[1].WikidataId);
    }

    [Fact]
    public void A_renamed_facit_column_stops_the_build()
    {
        var e = Assert.Throws<ImportFormatException>(() => KlimatkollenImporter.ReadFacit(Fixture.Path("Klimatkollen", "facit-renamed-column.csv")));

        Assert.Equal("facit-renamed-column.csv: row 1 (header): column 8 is \"23_scope2_mb\": expected \"23_scope2MB\". The importer was written for another layout; the build stops.", e.Message);
    }

    [Fact]
    public void The_real_facit_file()
    {
        var batch = KlimatkollenImporter.ReadFacit(Fixture.Real("klimatkollen-2024-10", "facit.csv"));

        Assert.Equal(150, batch.RowsRead);
        Assert.Equal(150, batch.Records.Count);
        Assert.Empty(batch.Rejections);
        Assert.All(batch.Records.SelectMany(r => r.Figures), f => Assert.Equal(2023, f.Year));
        var aak = Assert.Single(batch.Records, r => r.Name == "AAK");
        var scope1 = Assert.Single(aak.Figures, f => f.Metric == KlimatkollenMetric.Scope1);
        Assert.Equal(("260,834", 260834m), (scope1.Published, scope1.Value));
        Assert.Equal(1005000m, Assert.Single(Assert.Single(batch.Records, r => r.Name == "Essity").Figures, f => f.Metric == KlimatkollenMetric.Scope2LocationBased).Value);
    }

    [Fact]
    public void The_wikidata_names_sample_and_a_malformed_qid()
    {
        var sample = KlimatkollenImporter.ReadWikidataNames(Fixture.Path("Klimatkollen", "wikidata-sample.json"));
        var broken = KlimatkollenImporter.ReadWikidataNames(Fixture.Path("Klimatkollen", "wikidata-broken.json"));

        Assert.Equal(4, sample.RowsRead);
        Assert.Empty(sample.Rejections);
        Assert.Equal((new RecordLocation("wikidata-sample.json", "$['AAK']"), "AAK", "Q10397786"), (sample.Records[0].At, sample.Records[0].Name, sample.Records[0].WikidataId));
        Assert.Equal(["large-cap"], sample.Records[0].Tags);
        Assert.Equal(("SJ", "Q52912"), (sample.Records[3].Name, sample.Records[3].WikidataId));
        Assert.Equal(["large-cap", "state-owned"], sample.Records[3].Tags);
        Assert.Equal(
            [new ImportRejection(new("wikidata-broken.json", "$['AB Akola Group']", "wikidataId"), "not a Wikidata id (Q and a number)", "q131825039")],
            broken.Rejections);
        Assert.Equal(["AAK", "AB KN ENERGIES", "SJ"], broken.Records.Select(r => r.Name));
    }

    [Fact]
    public void The_real_wikidata_names()
    {
        var batch = KlimatkollenImporter.ReadWikidataNames(Fixture.Real("klimatkollen-2024-10", "klimatkollen-company-wikidata.json"));
        var companies = KlimatkollenImporter.ReadCompanies(Fixture.Real("klimatkollen-2024-10", Companies));

        Assert.Equal(478, batch.RowsRead);
        Assert.Equal(478, batch.Records.Count);
        Assert.Empty(batch.Rejections);
        var names = companies.Records.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var qids = companies.Records.Select(c => c.WikidataId).ToHashSet(StringComparer.Ordinal);
        // The README says 331 name no company of the JSON; counted here: 363 by exact name, 332 by neither name nor QID.
        Assert.Equal(363, batch.Records.Count(r => !names.Contains(r.Name)));
        Assert.Equal(332, batch.Records.Count(r => !names.Contains(r.Name) && !qids.Contains(r.WikidataId)));
        var sj = Assert.Single(batch.Records, r => r.Name == "SJ");
        Assert.NotEqual(sj.WikidataId, Assert.Single(companies.Records, c => c.Name == "SJ").WikidataId);
    }
}
