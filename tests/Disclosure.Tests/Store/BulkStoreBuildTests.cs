// The benchmark program is referenced under an alias: both it and the API have a top-level Program.
extern alias benchmarks;

using System.Globalization;
using benchmarks::Disclosure.Benchmarks;
using Disclosure.Store.Building;
using Disclosure.Store.Data;
using Disclosure.Store.Seeding;
using Disclosure.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Tests.Store;

/// <summary>
/// The builder's bulk path (prepared inserts, indexes after loading) and its streaming path (large seed folders)
/// write exactly the rows, values and indexes that EF Core's change tracker writes for the same seed.
/// </summary>
public sealed class BulkStoreBuildTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly StoreBuildOptions Streaming = new() { StreamingThresholdBytes = 0 };

    [Fact]
    public async Task The_bulk_store_holds_the_same_rows_as_the_change_tracker_would_write()
    {
        var reference = await ChangeTrackerStoreAsync(RepoPaths.SeedData);
        var bulk = TempStore();
        await StoreBuilder.BuildAsync(RepoPaths.SeedData, bulk, TimeProvider.System, None);

        var expected = Dump(reference);
        var actual = Dump(bulk);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var table in expected.Keys)
        {
            Assert.True(expected[table].Count > 0 || table == "DatasetInfo", $"{table} is empty");
            Assert.Equal(expected[table], actual[table]);
        }
        Assert.Equal(Schema(reference), Schema(bulk));
    }

    [Fact]
    public async Task The_streaming_path_builds_the_same_store_as_the_in_memory_path()
    {
        var inMemory = TempStore();
        var streamed = TempStore();
        var a = await StoreBuilder.BuildAsync(RepoPaths.SeedData, inMemory, TimeProvider.System, None);
        var b = await StoreBuilder.BuildAsync(RepoPaths.SeedData, streamed, TimeProvider.System, Streaming, None);

        Assert.Equal((a.Dataset.Version, a.Dataset.FactCount, a.Dataset.CitationCount), (b.Dataset.Version, b.Dataset.FactCount, b.Dataset.CitationCount));
        Assert.Equal(Dump(inMemory), Dump(streamed));
        Assert.Equal(Schema(inMemory), Schema(streamed));
    }

    [Fact]
    public async Task Figures_keep_their_normalised_values_periods_and_citations()
    {
        var store = TempStore();
        await StoreBuilder.BuildAsync(RepoPaths.SeedData, store, TimeProvider.System, Streaming, None);
        await using var db = Open(store);

        var total2020 = await db.Figures.SingleAsync(f => f.Metric == Metric.TotalEmissions && f.CalendarYear == 2020);
        Assert.Equal((9_514_000d, "tCO2e", new DateOnly(2020, 1, 1), PeriodKind.CalendarYear), (total2020.NormalizedValue, total2020.NormalizedUnit, total2020.PeriodStart, total2020.PeriodKind));
        var seed = SeedLoader.Load(RepoPaths.SeedData).Figures.Single(f => f.Id == total2020.Id);
        var citations = await db.Citations.Where(c => c.SubjectType == nameof(Figure) && c.SubjectId == total2020.Id).OrderBy(c => c.Ordinal).ToListAsync();
        Assert.Equal(seed.Citations.Select(c => (c.Source, c.Quote, c.Note)), citations.Select(c => (c.SourceId, c.Quote, c.Note)));
    }

    [Fact]
    public async Task A_synthetic_folder_builds_through_the_streaming_path()
    {
        var seed = Path.Combine(Path.GetTempPath(), "disclosure-tests", Guid.NewGuid().ToString("N"), "synthetic");
        SyntheticDataset.Generate(seed, 20, Path.Combine(RepoPaths.SeedData, "scopes.json"));
        var store = TempStore();

        var result = await StoreBuilder.BuildAsync(seed, store, TimeProvider.System, Streaming, None);

        await using var db = Open(store);
        Assert.Equal((20, 100, 400, 60, 100), (await db.Organizations.CountAsync(), await db.Targets.CountAsync(),
            await db.Figures.CountAsync(), await db.GovernanceBodies.CountAsync(), await db.Memberships.CountAsync()));
        Assert.Equal(result.Dataset.CitationCount, await db.Citations.CountAsync());
        Assert.True(await db.Figures.AllAsync(f => db.Citations.Any(c => c.SubjectType == nameof(Figure) && c.SubjectId == f.Id)));
    }

    [Fact]
    public async Task A_broken_large_seed_leaves_the_previous_store_untouched()
    {
        var store = TempStore();
        await StoreBuilder.BuildAsync(RepoPaths.SeedData, store, TimeProvider.System, Streaming, None);
        var before = await File.ReadAllBytesAsync(store);
        var seed = RepoPaths.CopySeedData();
        var figures = Path.Combine(seed, "figures.json");
        await File.WriteAllTextAsync(figures, (await File.ReadAllTextAsync(figures))[..^40]);

        var error = await Assert.ThrowsAsync<SeedValidationException>(() => StoreBuilder.BuildAsync(seed, store, TimeProvider.System, Streaming, None));

        Assert.Equal("figures.json", Assert.Single(error.Errors).File);
        Assert.Equal(before, await File.ReadAllBytesAsync(store));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(store)!, "*.building"));
    }

    /// <summary>The store as the previous builder wrote it: every row added to EF Core's change tracker, one SaveChanges.</summary>
    private static async Task<string> ChangeTrackerStoreAsync(string seedDirectory)
    {
        var store = TempStore();
        Directory.CreateDirectory(Path.GetDirectoryName(store)!);
        await using var db = new DisclosureDbContext(new DbContextOptionsBuilder<DisclosureDbContext>().UseSqlite($"Data Source={store};Pooling=False").Options);
        await db.Database.EnsureCreatedAsync();
        db.AddRange(StoreMapper.Rows(SeedContent.Of(SeedLoader.Load(seedDirectory))));
        await db.SaveChangesAsync();
        return store;
    }

    /// <summary>Every row of every table but DatasetInfo, with each value's SQLite storage class, sorted.</summary>
    private static SortedDictionary<string, List<string>> Dump(string store)
    {
        using var connection = new SqliteConnection(StoreBuilder.ReadOnlyConnectionString(store, pooling: false));
        connection.Open();
        var tables = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'DatasetInfo'"))
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i =>
                    $"{reader.GetName(i)}={reader.GetFieldType(i).Name}:{Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)}")));
            }
            rows.Sort(StringComparer.Ordinal);
            tables[table] = rows;
        }
        return tables;
    }

    private static List<string> Schema(string store)
    {
        using var connection = new SqliteConnection(StoreBuilder.ReadOnlyConnectionString(store, pooling: false));
        connection.Open();
        return Strings(connection, "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name");
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    private static string TempStore() =>
        Path.Combine(Path.GetTempPath(), "disclosure-tests", Guid.NewGuid().ToString("N"), "disclosure.db");

    private static DisclosureDbContext Open(string store) =>
        new(new DbContextOptionsBuilder<DisclosureDbContext>().UseSqlite(StoreBuilder.ReadOnlyConnectionString(store, pooling: false)).Options);
}
