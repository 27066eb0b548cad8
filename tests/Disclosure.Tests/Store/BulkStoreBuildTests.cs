// The benchmark program is referenced under an alias: both it and the API have a top-level Program.
extern alias benchmarks;

using benchmarks::Disclosure.Benchmarks;
using Disclosure.Store.Building;
using Disclosure.Store.Data;
using Disclosure.Store.Seeding;
using Disclosure.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Tests.Store;

/// <summary>
/// The builder's bulk path (SQLite: prepared inserts; PostgreSQL: binary COPY; indexes after loading on both) and its
/// streaming path (large seed folders) write exactly the rows, values and indexes that EF Core's change tracker
/// writes for the same seed, on the suite's database (<see cref="TestStore"/>).
/// </summary>
public sealed class BulkStoreBuildTests : IDisposable
{
    private static readonly StoreBuildOptions Streaming = new() { StreamingThresholdBytes = 0 };
    private readonly List<TestStore> _stores = [];

    public void Dispose() => _stores.ForEach(s => s.Dispose());

    [Fact]
    public async Task The_bulk_store_holds_the_same_rows_as_the_change_tracker_would_write()
    {
        var (expected, expectedShape) = await ChangeTrackerStoreAsync(RepoPaths.SeedData);
        var bulk = NewStore();
        await bulk.BuildAsync(RepoPaths.SeedData);

        var actual = bulk.Dump();
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var table in expected.Keys)
        {
            Assert.True(expected[table].Count > 0, $"{table} is empty");
            Assert.Equal(expected[table], actual[table]);
        }
        Assert.Equal(expectedShape, bulk.Shape());
    }

    [Fact]
    public async Task The_streaming_path_builds_the_same_store_as_the_in_memory_path()
    {
        var inMemory = NewStore();
        var streamed = NewStore();
        var a = await inMemory.BuildAsync(RepoPaths.SeedData);
        var b = await streamed.BuildAsync(RepoPaths.SeedData, Streaming);

        Assert.Equal((a.Dataset.Version, a.Dataset.FactCount, a.Dataset.CitationCount), (b.Dataset.Version, b.Dataset.FactCount, b.Dataset.CitationCount));
        Assert.Equal(inMemory.Dump(), streamed.Dump());
        Assert.Equal(inMemory.Shape(), streamed.Shape());
    }

    [Fact]
    public async Task Figures_keep_their_normalised_values_periods_and_citations()
    {
        var store = NewStore();
        await store.BuildAsync(RepoPaths.SeedData, Streaming);
        await using var db = store.Open();

        var total2020 = await db.Figures.SingleAsync(f => f.Metric == Metric.TotalEmissions && f.CalendarYear == 2020);
        Assert.Equal((9_514_000d, "tCO2e", new DateOnly(2020, 1, 1), PeriodKind.CalendarYear), (total2020.NormalizedValue, total2020.NormalizedUnit, total2020.PeriodStart, total2020.PeriodKind));
        var seed = SeedLoader.Load(RepoPaths.SeedData).Figures.Single(f => f.Id == total2020.Id);
        var citations = await db.Citations.Where(c => c.SubjectType == nameof(Figure) && c.SubjectId == total2020.Id).OrderBy(c => c.Ordinal).ToListAsync();
        Assert.Equal(seed.Citations.Select(c => (c.Source, (string?)c.Quote, c.Note)), citations.Select(c => (c.SourceId, c.Quote, c.Note)));
    }

    [Fact]
    public async Task A_synthetic_folder_builds_through_the_streaming_path()
    {
        var seed = Path.Combine(Path.GetTempPath(), "disclosure-tests", Guid.NewGuid().ToString("N"), "synthetic");
        SyntheticDataset.Generate(seed, 20, Path.Combine(RepoPaths.SeedData, "scopes.json"));
        var store = NewStore();

        var result = await store.BuildAsync(seed, Streaming);

        await using var db = store.Open();
        Assert.Equal((20, 100, 400, 60, 100), (await db.Organizations.CountAsync(), await db.Targets.CountAsync(),
            await db.Figures.CountAsync(), await db.GovernanceBodies.CountAsync(), await db.Memberships.CountAsync()));
        Assert.Equal(result.Dataset.CitationCount, await db.Citations.CountAsync());
        Assert.True(await db.Figures.AllAsync(f => db.Citations.Any(c => c.SubjectType == nameof(Figure) && c.SubjectId == f.Id)));
    }

    /// <summary>SQLite: the previous file is byte-identical. PostgreSQL: the same schema is current, with the same version and rows, and no new schema is left.</summary>
    [Fact]
    public async Task A_broken_large_seed_leaves_the_previous_store_untouched()
    {
        var store = NewStore();
        await store.BuildAsync(RepoPaths.SeedData, Streaming);
        var before = await store.FingerprintAsync();
        var seed = RepoPaths.CopySeedData();
        var figures = Path.Combine(seed, "figures.json");
        await File.WriteAllTextAsync(figures, (await File.ReadAllTextAsync(figures))[..^40]);

        var error = await Assert.ThrowsAsync<SeedValidationException>(() => store.BuildAsync(seed, Streaming));

        Assert.Equal("figures.json", Assert.Single(error.Errors).File);
        Assert.Equal(before, await store.FingerprintAsync());
        Assert.Empty(await store.LeftoversAsync(datasetSchemasExpected: 1));
    }

    /// <summary>The store as the previous builder wrote it: every row added to EF Core's change tracker, one SaveChanges.</summary>
    private async Task<(SortedDictionary<string, List<string>> Rows, List<string> Shape)> ChangeTrackerStoreAsync(string seedDirectory)
    {
        var store = NewStore();
        var options = new DbContextOptionsBuilder<DisclosureDbContext>();
        if (TestProvider.IsPostgres)
        {
            options.UseNpgsql(store.ConnectionString); // a fresh database: the tables go into its public schema
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(store.Path)!);
            options.UseSqlite($"Data Source={store.Path};Pooling=False");
        }
        await using (var db = new DisclosureDbContext(options.Options))
        {
            await db.Database.EnsureCreatedAsync();
            var content = SeedContent.Of(SeedLoader.Load(seedDirectory));
            content.Imports = Disclosure.Store.Importing.ImportLoader.Load(seedDirectory);
            db.AddRange(StoreMapper.Rows(content));
            await db.SaveChangesAsync();
        }
        return TestProvider.IsPostgres
            ? (TestStore.DumpPostgres(store.ConnectionString, "public"), TestStore.PostgresShape(store.ConnectionString, "public"))
            : (store.Dump(), store.Shape());
    }

    private TestStore NewStore()
    {
        var store = new TestStore();
        _stores.Add(store);
        return store;
    }
}
