using Disclosure.Store.Importing;
using Disclosure.Store.Importing.CarbonGap;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Importing;

public sealed class CarbonGapImporterTests
{
    private static string CountryTable => Path.Combine(RepoPaths.SeedData, "mappings", "country-names.csv");

    private static ImportBatch<CarbonGapCompany> ReadFixture(string name) => CarbonGapImporter.Read(Fixture.Path("CarbonGap", name), CountryTable);

    [Fact]
    public void The_sample_reads_disclosed_figures_only_by_position()
    {
        var batch = ReadFixture("carbon-gap-sample.csv");

        Assert.Equal(6, batch.RowsRead);
        Assert.Empty(batch.Rejections);
        var jpm = batch.Records[0];
        Assert.Equal((2, "JPMorgan Chase", "United States", "USA"), (jpm.ForbesRank, jpm.Name, jpm.CountryName, jpm.Country));
        Assert.Equal(new RecordLocation("carbon-gap-sample.csv", "row 3"), jpm.At);
        Assert.Equal(
            [(2019, 1, 81655L, (Scope2Basis?)null), (2019, 2, 692299L, Scope2Basis.NotStated), (2019, 3, 181004L, null),
             (2020, 1, 69570L, null), (2020, 2, 660601L, Scope2Basis.LocationBasedWhereAvailable), (2020, 3, 36169L, null)],
            jpm.Figures.Select(f => (f.Year, f.Scope, f.Value, f.Scope2Basis)));
        Assert.Equal("Scope 2 emissions tons CO₂e (location based when available)", jpm.Figures[4].Header);
        Assert.Equal(new RecordLocation("carbon-gap-sample.csv", "row 3", "Scope 3 emissions tons CO₂e (2020)"), jpm.Figures[5].At);

        var ccb = batch.Records[1]; // 2019 Scope 3 "--", 2020 Scope 3 "--": not disclosed, no figure
        Assert.Equal([(2019, 1), (2019, 2), (2020, 1), (2020, 2)], ccb.Figures.Select(f => (f.Year, f.Scope)));
        var siemens = batch.Records[^1]; // empty 2019 cells
        Assert.All(siemens.Figures, f => Assert.Equal(2020, f.Year));
    }

    [Fact]
    public void The_datasource_cell_is_taken_apart()
    {
        var batch = ReadFixture("carbon-gap-sample.csv");

        var apple = batch.Records.Single(c => c.Name == "Apple").Source!;
        Assert.Equal(("Environmental Progress Report - Apple", "67", "https://www.apple.com/environment/pdf/Apple_Environmental_Progress_Report_2021.pdf", false),
            (apple.ReportName, apple.Page, apple.Url, apple.IsLocalFile));
        var local = batch.Records.Single(c => c.Name == "Bank of America").Source!;
        Assert.True(local.IsLocalFile);
        Assert.Equal("2019 Environmental, Social & Governance Performance Data Summary", local.ReportName);
        Assert.Equal("11", local.Page);
    }

    [Theory]
    [InlineData("2019, page 29 https://a.example/r.pdf ; 2020, page 1 https://b.example/s.pdf", null, "29", "https://a.example/r.pdf")]
    [InlineData("Global ESG Report, page 57 and 58 https://c.example/x.pdf?y=1", "Global ESG Report", "57 and 58", "https://c.example/x.pdf?y=1")]
    [InlineData("3,https://d.example/e.pdf", null, null, "https://d.example/e.pdf")]
    [InlineData("ESG Data, web page", "ESG Data, web page", null, null)]
    public void Datasource_cells(string cell, string? name, string? page, string? url)
    {
        var source = CarbonGapSources.Parse(cell);

        Assert.Equal((name, page, url), (source.ReportName, source.Page, source.Url));
    }

    [Fact]
    public void Broken_rows_are_rejected_with_file_row_column_reason_and_value()
    {
        var batch = ReadFixture("carbon-gap-broken-rows.csv");

        Assert.Equal(
            [
                new ImportRejection(new("carbon-gap-broken-rows.csv", "row 3", "Scope 1 GHG emissions tons CO₂e (2019)"), "emission cell is neither a whole number of tonnes nor \"--\" / \"-\" (not disclosed)", "81 655"),
                new ImportRejection(new("carbon-gap-broken-rows.csv", "row 4", "Company Name"), "missing company name", ""),
                new ImportRejection(new("carbon-gap-broken-rows.csv", "row 5", "Country/Territory"), "country name not in seed-data/mappings/country-names.csv", "Saudi-Arabia"),
            ],
            batch.Rejections);
        Assert.Equal(3, batch.Records.Count);
    }

    [Fact]
    public void A_renamed_column_stops_the_import()
    {
        var e = Assert.Throws<ImportFormatException>(() => ReadFixture("carbon-gap-renamed-column.csv"));

        Assert.Equal(
            "carbon-gap-renamed-column.csv: row 2 (header): column 9 is \"Scope 2 emissions tons CO₂e (market based)\": expected \"Scope 2 emissions tons CO₂e (location based when available)\". The importer was written for another layout; the build stops.",
            e.Message);
    }

    [Fact]
    public void The_real_database()
    {
        var batch = CarbonGapImporter.Read(Fixture.Real("carbon-gap-2021", "profit_and_emissions_database.csv"), CountryTable);

        Assert.Equal(179, batch.RowsRead);
        Assert.Empty(batch.Rejections);
        Assert.Equal(179, batch.Records.Count);
        Assert.Equal(16, batch.Records.Count(c => c.Source?.IsLocalFile == true));
        Assert.Equal(178, batch.Records.Count(c => c.Figures.Any(f => f.Year == 2019)));
        Assert.Equal(179, batch.Records.Count(c => c.Figures.Any(f => f.Year == 2020)));
        Assert.Equal(26, batch.Records.Select(c => c.Country).Distinct().Count());
    }

    [Fact]
    public void The_country_table_names_only_countries_of_the_database()
    {
        var used = CarbonGapImporter.Read(Fixture.Real("carbon-gap-2021", "profit_and_emissions_database.csv"), CountryTable)
            .Records.Select(c => c.CountryName).ToHashSet();

        Assert.Equal(used.Order(StringComparer.Ordinal), CountryNames.Read(CountryTable).Keys.Order(StringComparer.Ordinal));
    }
}
