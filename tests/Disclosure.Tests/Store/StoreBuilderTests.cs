using System.Text.Json.Nodes;
using Disclosure.Store.Building;
using Disclosure.Store.Data;
using Disclosure.Store.Seeding;
using Disclosure.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Tests.Store;

/// <summary>The store builder, on the suite's database (<see cref="TestStore"/>: a SQLite file, or a PostgreSQL database).</summary>
public sealed class StoreBuilderTests : IDisposable
{
    private readonly List<TestStore> _stores = [];

    public void Dispose() => _stores.ForEach(s => s.Dispose());

    [Fact]
    public async Task Build_writes_every_fact_with_its_citations()
    {
        var store = NewStore();

        var result = await store.BuildAsync(RepoPaths.SeedData);

        Assert.True(result.Built);
        await using var db = store.Open();
        var seed = SeedLoader.Load(RepoPaths.SeedData);
        Assert.Equal(seed.Figures.Count, await db.Figures.CountAsync(f => f.DatasetId == ImportedDataset.CuratedId));
        Assert.Equal(seed.Targets.Count, await db.Targets.CountAsync(t => t.DatasetId == ImportedDataset.CuratedId));
        Assert.Equal(seed.Governance.Memberships.Count, await db.Memberships.CountAsync());
        Assert.Equal(result.Dataset.CitationCount, await db.Citations.CountAsync());
        Assert.Equal(DatasetVersion.Compute(RepoPaths.SeedData), (await db.DatasetInfo.SingleAsync()).Version);
        Assert.Empty(await store.LeftoversAsync(datasetSchemasExpected: 1));
    }

    [Fact]
    public async Task Figures_are_normalised_by_exact_unit_conversion_and_periods_get_their_dates()
    {
        var store = NewStore();
        await store.BuildAsync(RepoPaths.SeedData);
        await using var db = store.Open();

        var total2020 = await db.Figures.SingleAsync(f => f.Metric == Metric.TotalEmissions && f.CalendarYear == 2020);
        Assert.Equal((951.4, Unit.WanTco2e, 9_514_000d, "tCO2e"), (total2020.Value!.Value, total2020.Unit, total2020.NormalizedValue!.Value, total2020.NormalizedUnit));
        Assert.Equal((new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31), "CY2020"), (total2020.PeriodStart, total2020.PeriodEnd, total2020.PeriodLabel));

        var net2023 = await db.Figures.SingleAsync(f => f.Metric == Metric.NetScope12Emissions && f.FiscalYear == 2023);
        Assert.Equal(4_681_000d, net2023.NormalizedValue);
        Assert.Equal((new DateOnly(2022, 4, 1), new DateOnly(2023, 3, 31), PeriodKind.FiscalYear), (net2023.PeriodStart, net2023.PeriodEnd, net2023.PeriodKind));
    }

    /// <summary>SQLite: the previous file is byte-identical. PostgreSQL: the same schema is current, with the same version and rows, and no new schema is left.</summary>
    [Fact]
    public async Task A_broken_seed_leaves_the_previous_store_untouched()
    {
        var store = NewStore();
        await store.BuildAsync(RepoPaths.SeedData);
        var before = await store.FingerprintAsync();
        var seed = RepoPaths.CopySeedData();
        await File.WriteAllTextAsync(Path.Combine(seed, "figures.json"), "{ \"figures\": [");

        var error = await Assert.ThrowsAsync<SeedValidationException>(() => store.BuildAsync(seed));

        Assert.Equal("figures.json", Assert.Single(error.Errors).File);
        Assert.Equal(before, await store.FingerprintAsync());
        Assert.Empty(await store.LeftoversAsync(datasetSchemasExpected: 1));
    }

    [Fact]
    public async Task Ids_are_stable_across_rebuilds_and_reordered_seed_files()
    {
        var seed = RepoPaths.CopySeedData();
        var first = NewStore();
        await first.BuildAsync(seed);
        var path = Path.Combine(seed, "figures.json");
        var root = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        var reversed = new JsonArray([.. root["figures"]!.AsArray().Reverse().Select(n => n!.DeepClone())]);
        root["figures"] = reversed;
        await File.WriteAllTextAsync(path, root.ToJsonString());
        var second = NewStore();
        await second.BuildAsync(seed);

        await using var a = first.Open();
        await using var b = second.Open();
        var before = await a.Figures.Select(f => new { f.Id, f.Metric, f.PeriodLabel, f.Value }).OrderBy(f => f.Id).ToListAsync();
        var after = await b.Figures.Select(f => new { f.Id, f.Metric, f.PeriodLabel, f.Value }).OrderBy(f => f.Id).ToListAsync();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Ensure_keeps_a_current_store_and_rebuilds_a_stale_or_missing_one()
    {
        var seed = RepoPaths.CopySeedData();
        var store = NewStore();

        var missing = await store.EnsureAsync(seed);
        var unchanged = await store.FingerprintAsync();
        var current = await store.EnsureAsync(seed);
        Assert.Equal(unchanged, await store.FingerprintAsync()); // nothing rebuilt, not even the dataset row
        await File.AppendAllTextAsync(Path.Combine(seed, "README.md"), "\nEdited.\n");
        var stale = await store.EnsureAsync(seed);
        await store.CorruptAsync();
        var corrupt = await store.EnsureAsync(seed);

        Assert.Equal((true, false, true, true), (missing.Built, current.Built, stale.Built, corrupt.Built));
        Assert.NotEqual(missing.Dataset.Version, stale.Dataset.Version);
        Assert.Equal(stale.Dataset.Version, corrupt.Dataset.Version);
        Assert.Equal(corrupt.Dataset.Version, (await store.ReadCurrentAsync())!.Version);
    }

    [Fact]
    public void The_dataset_version_depends_on_content_only()
    {
        var copy = RepoPaths.CopySeedData();

        Assert.Equal(DatasetVersion.Compute(RepoPaths.SeedData), DatasetVersion.Compute(copy));
        File.AppendAllText(Path.Combine(copy, "sources.json"), " ");
        Assert.NotEqual(DatasetVersion.Compute(RepoPaths.SeedData), DatasetVersion.Compute(copy));
    }

    private TestStore NewStore()
    {
        var store = new TestStore();
        _stores.Add(store);
        return store;
    }
}
