using System.Text.RegularExpressions;
using Disclosure.Store.Importing;
using Disclosure.Store.Importing.NetZeroTracker;

namespace Disclosure.Tests.Importing;

public sealed class NetZeroTrackerImporterTests
{
    private const string Snapshot = "snapshot_2022-12-20_13-07-14.xlsx";

    private static ImportBatch<NztCompany> ReadFixture(string name) => NetZeroTrackerImporter.Read(Fixture.Path("NetZeroTracker", name));

    [Fact]
    public void The_sample_reads_companies_and_skips_cities_regions_and_countries()
    {
        var batch = ReadFixture("nzt-sample.xlsx");

        Assert.Equal(15, batch.RowsRead);
        Assert.DoesNotContain(batch.Rejections, r => r.At.Row != "row 2166");
        Assert.Equal(new Dictionary<string, int> { ["actor_type City"] = 1, ["actor_type Country"] = 1, ["actor_type Region"] = 1 }, batch.Skipped);
        Assert.Equal(12, batch.Records.Count);
        Assert.All(batch.Records, c => Assert.StartsWith("COM-", c.IdCode, StringComparison.Ordinal));
    }

    [Fact]
    public void Alibaba_has_its_targets_scopes_status_and_assessment_as_recorded()
    {
        var alibaba = ReadFixture("nzt-sample.xlsx").Records.Single(c => c.IdCode == "COM-0478");

        Assert.Equal("Alibaba", alibaba.Name);
        Assert.Equal(new RecordLocation("nzt-sample.xlsx", "row 2567"), alibaba.At);
        Assert.Equal("CHN", alibaba.Country);
        var end = alibaba.EndTarget!;
        Assert.True(end.IsEndTarget);
        Assert.Equal("Carbon neutral(ity)", end.Category);
        Assert.Equal(2030, end.TargetYear);
        Assert.Equal([1, 2], end.Scopes);
        Assert.Equal(NztTextKind.QuotedWithPage, end.TextKind);
        Assert.Equal(new RecordLocation("nzt-sample.xlsx", "row 2567", "end_target"), end.At);
        var interim = alibaba.InterimTarget!;
        Assert.False(interim.IsEndTarget);
        Assert.Equal([3], interim.Scopes);
        Assert.NotNull(alibaba.Status);
        Assert.Contains(alibaba.Assessment, f => f.Column == "coverage_notes" && f.Value.Contains("Scope: end target covers 1+2; interim target covers 3 (p9)", StringComparison.Ordinal));
        Assert.DoesNotContain(alibaba.Assessment, f => f.Column is "name" or "end_target_text" or "industry");
        Assert.All(alibaba.Assessment, f => Assert.NotEqual("", f.Value));
        var order = alibaba.Assessment.Select(f => NetZeroTrackerImporter.Header.ToList().IndexOf(f.Column)).ToList();
        Assert.Equal(order.Order(), order);
    }

    [Theory]
    [InlineData("COM-0475", null, new[] { 1, 2 })] // "interim target covers scope 1&2 (p51); 2050 net zero target covers scope 3": the end target is not named as such
    [InlineData("COM-1192", null, new[] { 1, 2, 3 })] // "interim targets cover scope 1-3;"
    [InlineData("COM-1471", null, new[] { 1, 2, 3 })] // "interim target covers 1-3 (p9)"
    [InlineData("COM-0032", null, new[] { 1, 2 })] // "Interim target covers scopes 1 and 2 - https://..."
    [InlineData("COM-0062", null, null)] // "Interim target covers scopes ! and 2 only": not read
    public void Scopes_are_read_only_from_explicit_coverage_notes(string id, int[]? end, int[]? interim)
    {
        var company = ReadFixture("nzt-sample.xlsx").Records.Single(c => c.IdCode == id);

        Assert.Equal(end, company.EndTarget?.Scopes);
        Assert.Equal(interim, company.InterimTarget?.Scopes);
    }

    [Theory]
    [InlineData("Interim target covers scopes 1 and 2 only", null, new[] { 1, 2 })]
    [InlineData("Scope: end target covers 1+2; interim target covers 3 (p9)", new[] { 1, 2 }, new[] { 3 })]
    [InlineData("interim target covers scope 1, 2 and business travel", null, null)]
    [InlineData("End target covers all 3 scopes", null, null)]
    [InlineData("end target covers 1+2; end target covers 3", null, null)]
    [InlineData("end target covers 3-1", null, null)]
    public void Scope_clauses(string notes, int[]? end, int[]? interim)
    {
        var (e, i) = NztScopes.FromCoverageNotes(notes);

        Assert.Equal(end, e);
        Assert.Equal(interim, i);
    }

    [Theory]
    [InlineData("'Net zero by 2050' (p10)", NztTextKind.QuotedWithPage, new[] { "10" })]
    [InlineData("\"... across the full value chain by 2040\" (Pg. 41).", NztTextKind.QuotedWithPage, new[] { "41" })]
    [InlineData("'a' (p16/17, 2020) and 'b' (Pg. 16& 29)", NztTextKind.QuotedWithPage, new[] { "16", "17", "29" })]
    [InlineData("'a' (p6-7)", NztTextKind.QuotedWithPage, new[] { "6-7" })]
    [InlineData("'a' (p1.1)", NztTextKind.Quoted, new string[0])]
    [InlineData("\"net zero by 2030\"", NztTextKind.Quoted, new string[0])]
    [InlineData("See above", NztTextKind.SeeOther, new string[0])]
    [InlineData("see end target", NztTextKind.SeeOther, new string[0])]
    [InlineData("Race to Zero: Net Zero 2050 (power-related)", NztTextKind.Summary, new string[0])]
    [InlineData("Net zero by 2050 (p3)", NztTextKind.Summary, new[] { "3" })]
    [InlineData(null, NztTextKind.None, new string[0])]
    public void Text_kinds_and_pages(string? text, NztTextKind kind, string[] pages)
    {
        Assert.Equal(kind, NztText.Kind(text));
        Assert.Equal(pages, NztText.Pages(text));
    }

    [Fact]
    public void Interim_values_without_an_interim_category_are_rejected_alone()
    {
        var batch = ReadFixture("nzt-sample.xlsx");

        var rejection = Assert.Single(batch.Rejections);
        Assert.Equal(new RecordLocation("nzt-sample.xlsx", "row 2166", "interim_target_text"), rejection.At);
        Assert.Equal("interim_target value without a interim_target category: not imported", rejection.Reason);
        var company = batch.Records.Single(c => c.At.Row == "row 2166");
        Assert.Null(company.InterimTarget);
        Assert.NotNull(company.EndTarget);
    }

    [Theory]
    [InlineData("nzt-renamed-column.xlsx", "column 16 is \"end_target_yr\": expected \"end_target_year\"")]
    [InlineData("nzt-reordered-columns.xlsx", "column 3 is \"country\": expected \"name\"")]
    public void A_changed_header_stops_the_import_naming_file_and_column(string file, string expected)
    {
        var e = Assert.Throws<ImportFormatException>(() => ReadFixture(file));

        Assert.StartsWith($"{file}: row 1 (header): ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_rows_are_rejected_with_file_row_column_reason_and_value()
    {
        var batch = ReadFixture("nzt-broken-rows.xlsx");

        var rejections = batch.Rejections.Where(r => r.At.Row != "row 2166").OrderBy(r => r.At.Row, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                new ImportRejection(new("nzt-broken-rows.xlsx", "row 2121", "isin_id"), "not an ISIN (shape or check digit)", "US9884981014"),
                new ImportRejection(new("nzt-broken-rows.xlsx", "row 2564", "end_target_year"), "not a year (four digits)", "20x0"),
                new ImportRejection(new("nzt-broken-rows.xlsx", "row 2567", "name"), "missing company name", null),
                new ImportRejection(new("nzt-broken-rows.xlsx", "row 3281", "actor_type"), "unknown actor type", "Firm"),
            ],
            rejections);
        Assert.Equal(8, batch.Records.Count);
        Assert.Equal(15, batch.RowsRead);
    }

    [Fact]
    public void The_real_snapshot()
    {
        var batch = NetZeroTrackerImporter.Read(Fixture.Real("net-zero-tracker-2022-12-20", Snapshot));

        Assert.Equal(4089, batch.RowsRead);
        Assert.Equal(new Dictionary<string, int> { ["actor_type City"] = 1177, ["actor_type Country"] = 198, ["actor_type Region"] = 713 }, batch.Skipped);
        Assert.Equal(2001, batch.Records.Count);
        Assert.Equal(1736, batch.Records.Count(c => c.Isin is not null));
        Assert.Equal(6, batch.Rejections.Count);
        Assert.All(batch.Rejections, r => Assert.StartsWith("interim_target_", r.At.Column, StringComparison.Ordinal));
        Assert.Equal(["row 2166", "row 2271", "row 2459", "row 3158", "row 4087"], batch.Rejections.Select(r => r.At.Row).Distinct());

        var alibaba = batch.Records.Single(c => c.IdCode == "COM-0478");
        Assert.Equal(("Carbon neutral(ity)", 2030), (alibaba.EndTarget!.Category, alibaba.EndTarget.TargetYear));
        Assert.Equal([1, 2], alibaba.EndTarget.Scopes);
        Assert.Equal([3], alibaba.InterimTarget!.Scopes);

        var endTexts = batch.Records.Select(c => c.EndTarget).Where(t => t?.Text is not null).ToList();
        Assert.Equal(982, endTexts.Count);
        Assert.Equal(135, endTexts.Count(t => Regex.IsMatch(t!.Text!, @"\(p\.?\s*\d")));
        Assert.Equal(163, endTexts.Count(t => t!.Pages.Count > 0));
        Assert.Equal(
            ["COM-0032", "COM-0124", "COM-0475", "COM-0478", "COM-1192", "COM-1471"],
            batch.Records.Where(c => c.EndTarget?.Scopes is not null || c.InterimTarget?.Scopes is not null).Select(c => c.IdCode));
        Assert.Equal(915, batch.Records.Count(c => c.EndTarget?.Category == "No target"));
    }
}
