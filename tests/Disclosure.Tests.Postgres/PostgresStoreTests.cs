using Disclosure.Store.Building;
using Disclosure.Store.Data;
using Disclosure.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Disclosure.Tests.Postgres;

/// <summary>What only the PostgreSQL store has: one builder at a time, the schema switch, the clean-up of old schemas.</summary>
public sealed class PostgresStoreTests : IDisposable
{
    private readonly PostgresTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Replicas_starting_at_once_build_the_store_once()
    {
        var seed = RepoPaths.CopySeedData();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            PostgresStoreBuilder.EnsureAsync(seed, _database.ConnectionString, TimeProvider.System, CancellationToken.None))));

        Assert.Single(results, r => r.Built);
        Assert.Single(results.Select(r => r.Dataset.Version).Distinct());
        Assert.Single(await PostgresStoreBuilder.ListDatasetSchemasAsync(_database.ConnectionString, CancellationToken.None));
    }

    [Fact]
    public async Task A_build_switches_to_a_new_schema_and_keeps_only_the_one_it_replaced()
    {
        var schemas = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await PostgresStoreBuilder.BuildAsync(RepoPaths.SeedData, _database.ConnectionString, TimeProvider.System, CancellationToken.None);
            schemas.Add((await PostgresStoreBuilder.ReadCurrentAsync(_database.ConnectionString, CancellationToken.None))!.Schema);
        }

        Assert.Equal(3, schemas.Distinct().Count());
        Assert.Equal(schemas[1..].Order(StringComparer.Ordinal),
            await PostgresStoreBuilder.ListDatasetSchemasAsync(_database.ConnectionString, CancellationToken.None));
    }

    [Fact]
    public async Task A_build_waits_for_the_build_lock()
    {
        await using var holder = new NpgsqlConnection(_database.ConnectionString);
        await holder.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({PostgresStoreBuilder.BuildLock})", holder))
        {
            await take.ExecuteNonQueryAsync();
        }

        var build = PostgresStoreBuilder.BuildAsync(RepoPaths.SeedData, _database.ConnectionString, TimeProvider.System, CancellationToken.None);
        await Task.WhenAny(build, Task.Delay(TimeSpan.FromSeconds(3)));
        Assert.False(build.IsCompleted);
        Assert.Null(await PostgresStoreBuilder.ReadCurrentAsync(_database.ConnectionString, CancellationToken.None));

        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({PostgresStoreBuilder.BuildLock})", holder))
        {
            await release.ExecuteNonQueryAsync();
        }
        Assert.True((await build.WaitAsync(TimeSpan.FromSeconds(60))).Built);
    }

    [Fact]
    public async Task Both_providers_store_the_same_rows()
    {
        using var sqlite = new TestSqliteStore();
        await StoreBuilder.BuildAsync(RepoPaths.SeedData, sqlite.Path, TimeProvider.System, CancellationToken.None);
        await PostgresStoreBuilder.BuildAsync(RepoPaths.SeedData, _database.ConnectionString, TimeProvider.System, CancellationToken.None);
        var current = (await PostgresStoreBuilder.ReadCurrentAsync(_database.ConnectionString, CancellationToken.None))!;

        await using var a = new DisclosureDbContext(new DbContextOptionsBuilder<DisclosureDbContext>()
            .UseSqlite(StoreBuilder.ReadOnlyConnectionString(sqlite.Path, pooling: false)).Options);
        await using var b = new DisclosureDbContext(new DbContextOptionsBuilder<DisclosureDbContext>()
            .UseNpgsql(PostgresStoreBuilder.ReaderConnectionString(_database.ConnectionString, current.Schema)).Options);

        Assert.Equal(await Rows(a.Figures), await Rows(b.Figures));
        Assert.Equal(await Rows(a.Targets), await Rows(b.Targets));
        Assert.Equal(await Rows(a.Organizations), await Rows(b.Organizations));
        Assert.Equal(await Rows(a.Citations), await Rows(b.Citations));
        Assert.Equal(await Rows(a.Statements), await Rows(b.Statements));
        Assert.Equal(await Rows(a.Memberships), await Rows(b.Memberships));
        // Strings order by code point on both (PostgreSQL columns use the "C" collation).
        Assert.Equal(await a.Organizations.OrderBy(o => o.Name).Select(o => o.Id).ToListAsync(),
            await b.Organizations.OrderBy(o => o.Name).Select(o => o.Id).ToListAsync());
    }

    private static async Task<List<string>> Rows<T>(IQueryable<T> rows) where T : class =>
        [.. (await rows.AsNoTracking().ToListAsync()).Select(r => System.Text.Json.JsonSerializer.Serialize(r)).Order(StringComparer.Ordinal)];

    private sealed class TestSqliteStore : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "disclosure-tests", Guid.NewGuid().ToString("N"), "disclosure.db");

        public void Dispose() => Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
    }
}
