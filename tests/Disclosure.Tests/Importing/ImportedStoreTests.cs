using Disclosure.Store.Data;
using Disclosure.Store.Seeding;
using Disclosure.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Tests.Importing;

/// <summary>
/// The imported datasets in a store built from the repository's seed-data/ (on the suite's database): every row
/// read is imported or reported, every fact says where it came from and how far it was checked, IDs survive a
/// rebuild, and a changed publisher file stops the build with the previous store untouched.
/// </summary>
public sealed class ImportedStoreTests : IDisposable
{
    private readonly List<TestStore> _stores = [];

    public void Dispose() => _stores.ForEach(s => s.Dispose());

    [Fact]
    public async Task Every_dataset_is_served_with_its_licence_attribution_files_and_counts()
    {
        var store = await BuiltAsync(RepoPaths.SeedData);
        await using var db = store.Open();

        var datasets = await db.ImportedDatasets.OrderBy(d => d.Ordinal).ToListAsync();
        Assert.Equal([ImportedDataset.CuratedId, "carbon-gap-2021", "klimatkollen-2024-10", "net-zero-tracker-2022-12-20", "openclimate-lei-crosswalk"],
            datasets.Select(d => d.Id));
        foreach (var d in datasets.Where(d => d.Kind == DatasetKind.Imported))
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Licence));
            Assert.False(string.IsNullOrWhiteSpace(d.Attribution));
            Assert.True(d.RowsRead > 0, d.Id);
            Assert.Equal(d.RowsRejected, await db.ImportReport.CountAsync(r => r.DatasetId == d.Id && r.Kind == ImportReportKind.Rejected));
            Assert.NotEmpty(await db.DatasetFiles.Where(f => f.DatasetId == d.Id).ToListAsync());
        }
        var nzt = datasets.Single(d => d.Id == "net-zero-tracker-2022-12-20");
        Assert.Equal((4089, 2001), (nzt.RowsRead, nzt.RowsImported));
        Assert.Equal(2001, await db.Assessments.CountAsync());
        Assert.Equal(179, datasets.Single(d => d.Id == "carbon-gap-2021").RowsImported);
    }

    [Fact]
    public async Task Every_fact_has_a_dataset_a_verification_level_and_a_quote_or_what_was_recorded()
    {
        var store = await BuiltAsync(RepoPaths.SeedData);
        await using var db = store.Open();

        Assert.Equal(0, await db.Citations.CountAsync(c => c.Quote == null && c.Recorded == null));
        Assert.Equal(0, await db.Citations.CountAsync(c => c.DatasetId != ImportedDataset.CuratedId && c.DatasetLocation == null));
        var levels = await db.Citations.GroupBy(c => new { c.DatasetId, c.Verification }).Select(g => new { g.Key.DatasetId, g.Key.Verification }).ToListAsync();
        Assert.Contains(levels, l => l.DatasetId == ImportedDataset.CuratedId && l.Verification == Verification.CheckedVerbatim);
        Assert.Contains(levels, l => l.DatasetId == ImportedDataset.CuratedId && l.Verification == Verification.ResearchNotes);
        Assert.Contains(levels, l => l.DatasetId == "net-zero-tracker-2022-12-20" && l.Verification == Verification.QuotedAsRecorded);
        Assert.Contains(levels, l => l.DatasetId == "carbon-gap-2021" && l.Verification == Verification.ValueAsRecorded);
        Assert.Contains(levels, l => l.DatasetId == "klimatkollen-2024-10" && l.Verification == Verification.CheckedByPublisher);
        // Every quote of the release is checked verbatim against the text we hold; the Scope 3 categories, whose
        // standard we hold only as research notes, say so.
        var release = await db.Sources.Where(s => s.TextFile != null).Select(s => s.Id).ToListAsync();
        Assert.Equal(0, await db.Citations.CountAsync(c => release.Contains(c.SourceId) && c.Verification != Verification.CheckedVerbatim));
        var categories = await db.Scopes.Where(s => s.Kind == ScopeKind.Category).Select(s => s.Id).ToListAsync();
        Assert.All(await db.Citations.Where(c => c.SubjectType == nameof(Scope) && categories.Contains(c.SubjectId)).ToListAsync(),
            c => Assert.Equal(Verification.ResearchNotes, c.Verification));
        // Facts carry the level of their primary citation, for filtering.
        var figureLevels = await db.Figures.Join(db.Citations.Where(c => c.SubjectType == nameof(Figure) && c.Ordinal == 0), f => f.Id, c => c.SubjectId,
            (f, c) => new { Fact = f.Verification, Citation = c.Verification }).ToListAsync();
        Assert.All(figureLevels, x => Assert.Equal(x.Citation, x.Fact));
    }

    [Fact]
    public async Task Alibaba_in_Net_Zero_Tracker_is_the_curated_alibaba_group_by_a_documented_manual_link()
    {
        var store = await BuiltAsync(RepoPaths.SeedData);
        await using var db = store.Open();

        var record = await db.OrganizationRecords.SingleAsync(r => r.DatasetId == "net-zero-tracker-2022-12-20" && r.RecordKey == "COM-0478");
        Assert.Equal(("alibaba-group", "Alibaba", LinkMethod.ManualOverride), (record.OrganizationId, record.RecordName, record.Method));
        Assert.Contains("Carbon Neutrality Action Report", record.Note);
        Assert.Equal("CHN", (await db.Organizations.SingleAsync(o => o.Id == "alibaba-group")).Country);
        // Net Zero Tracker's reading of the targets is kept beside the press release's, each cited, never merged.
        var targets = await db.Targets.Where(t => t.OrganizationId == "alibaba-group" && t.TargetYear == 2030).ToListAsync();
        Assert.Contains(targets, t => t.DatasetId == ImportedDataset.CuratedId);
        Assert.Contains(targets, t => t.DatasetId == "net-zero-tracker-2022-12-20" && t.Kind == TargetKind.CarbonNeutrality);
        var end = await db.TargetScopes.Where(ts => ts.TargetId == "nzt-com-0478-end-target").Select(ts => ts.ScopeId).ToListAsync();
        Assert.Equal(["scope-1", "scope-2"], end.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Klimatkollen_and_its_checked_values_are_kept_side_by_side_when_they_disagree()
    {
        var store = await BuiltAsync(RepoPaths.SeedData);
        await using var db = store.Open();

        var measures = await db.Figures.Where(f => f.DatasetId == "klimatkollen-2024-10" && f.Year == 2023)
            .GroupBy(f => f.MeasureKey)
            .Where(g => g.Count() > 1 && g.Select(f => f.NormalizedValue).Distinct().Count() > 1)
            .Select(g => g.Key).Take(5).ToListAsync();
        Assert.NotEmpty(measures);
        foreach (var key in measures)
        {
            var figures = await db.Figures.Where(f => f.MeasureKey == key).ToListAsync();
            Assert.Contains(figures, f => f.Verification == Verification.CheckedByPublisher);
            Assert.Contains(figures, f => f.Verification == Verification.ValueAsRecorded);
        }
    }

    [Fact]
    public async Task Ids_are_the_same_after_a_rebuild()
    {
        var first = await BuiltAsync(RepoPaths.SeedData);
        var second = await BuiltAsync(RepoPaths.CopySeedData());
        await using var a = first.Open();
        await using var b = second.Open();

        Assert.Equal(await a.Organizations.Select(o => o.Id).OrderBy(i => i).ToListAsync(), await b.Organizations.Select(o => o.Id).OrderBy(i => i).ToListAsync());
        Assert.Equal(await a.Targets.Select(t => t.Id + " " + t.OrganizationId).OrderBy(i => i).ToListAsync(), await b.Targets.Select(t => t.Id + " " + t.OrganizationId).OrderBy(i => i).ToListAsync());
        Assert.Equal(await a.Figures.Select(f => f.Id + " " + f.OrganizationId).OrderBy(i => i).ToListAsync(), await b.Figures.Select(f => f.Id + " " + f.OrganizationId).OrderBy(i => i).ToListAsync());
        Assert.Equal(await a.Citations.CountAsync(), await b.Citations.CountAsync());
    }

    [Fact]
    public async Task A_changed_publisher_file_stops_the_build_naming_it_and_the_previous_store_is_untouched()
    {
        var store = await BuiltAsync(RepoPaths.SeedData);
        var before = await store.FingerprintAsync();
        var seed = RepoPaths.CopySeedData();
        var csv = Path.Combine(seed, "imports", "carbon-gap-2021", "profit_and_emissions_database.csv");
        var bytes = await File.ReadAllBytesAsync(csv);
        bytes[^3] ^= 0x01;
        await File.WriteAllBytesAsync(csv, bytes);

        var error = await Assert.ThrowsAsync<SeedValidationException>(() => store.BuildAsync(seed));

        Assert.Contains("profit_and_emissions_database.csv", error.Message);
        Assert.Contains("SHA-256", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await store.FingerprintAsync());
    }

    [Fact]
    public async Task A_renamed_publisher_column_stops_the_build_naming_the_column()
    {
        var store = NewStore();
        var seed = RepoPaths.CopySeedData();
        var folder = Path.Combine(seed, "imports", "carbon-gap-2021");
        var csv = Path.Combine(folder, "profit_and_emissions_database.csv");
        var text = await File.ReadAllTextAsync(csv);
        await File.WriteAllTextAsync(csv, text.Replace("Company Name", "Company", StringComparison.Ordinal));
        // A deliberate change of a publisher file: its manifest is updated, as it would be for a new snapshot.
        var manifest = Path.Combine(folder, "manifest.json");
        var json = await File.ReadAllTextAsync(manifest);
        var oldHash = Disclosure.Store.Importing.DatasetManifests.Sha256Of(Path.Combine(RepoPaths.SeedData, "imports", "carbon-gap-2021", "profit_and_emissions_database.csv"));
        await File.WriteAllTextAsync(manifest, json.Replace(oldHash, Disclosure.Store.Importing.DatasetManifests.Sha256Of(csv), StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<SeedValidationException>(() => store.BuildAsync(seed));

        Assert.Contains("Company Name", error.Message);
        Assert.Null(await store.ReadCurrentAsync());
    }

    [Fact]
    public async Task A_correction_of_ours_replaces_one_publisher_cell_and_is_reported_and_a_stale_one_stops_the_build()
    {
        var seed = RepoPaths.CopySeedData();
        var corrections = Path.Combine(seed, "overrides", "corrections.json");
        const string Template = """
            { "corrections": [ { "dataset": "carbon-gap-2021", "file": "profit_and_emissions_database.csv", "row": 3,
              "column": "Scope 1 GHG emissions tons CO₂e", "old": "OLD", "new": "81656", "why": "a test correction" } ] }
            """;
        await File.WriteAllTextAsync(corrections, Template.Replace("OLD", "81655", StringComparison.Ordinal));
        var store = await BuiltAsync(seed);
        await using (var db = store.Open())
        {
            var figure = await db.Figures.SingleAsync(f => f.Id == "cg-jpmorgan-chase-2019-scope-1");
            Assert.Equal(("81656", 81656d), (figure.PublishedValue, figure.Value));
            var entry = await db.ImportReport.SingleAsync(r => r.Kind == ImportReportKind.Corrected);
            Assert.Equal(("carbon-gap-2021", "row 3"), (entry.DatasetId, entry.Row));
            Assert.Contains("'81655' -> '81656': a test correction", entry.Reason);
        }

        await File.WriteAllTextAsync(corrections, Template.Replace("OLD", "12345", StringComparison.Ordinal));
        var error = await Assert.ThrowsAsync<SeedValidationException>(() => NewStore().BuildAsync(seed));
        Assert.Contains("no longer applies", error.Message);
    }

    private async Task<TestStore> BuiltAsync(string seed)
    {
        var store = NewStore();
        await store.BuildAsync(seed);
        return store;
    }

    private TestStore NewStore()
    {
        var store = new TestStore();
        _stores.Add(store);
        return store;
    }
}
