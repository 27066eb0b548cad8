extern alias benchmarks;

using System.Diagnostics;
using benchmarks::Disclosure.Benchmarks;
using Disclosure.Store.Building;
using Disclosure.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Disclosure.Tests.Faults;

/// <summary>
/// <c>kill -9</c> of <c>store build</c> (a real child process) at several points, under a running API (a real child
/// process too): the API keeps serving the old dataset, and the next build succeeds and removes what the killed ones
/// left (SQLite: their <c>.building</c> files; PostgreSQL: their half-loaded dataset schemas).
/// </summary>
public sealed class KilledStoreBuildTests(ITestOutputHelper output) : IDisposable
{
    private const string DatabaseQuery = "{ organizations(first: 3) { nodes { name } } }";

    private readonly TestStore _store = new();
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task A_store_build_killed_at_any_point_leaves_the_old_dataset_served_and_the_next_build_removes_its_leftovers()
    {
        await _store.BuildAsync(RepoPaths.CuratedSeedData);
        var before = await _store.ReadCurrentAsync();
        var sqliteHash = TestProvider.IsPostgres ? null : Hash(_store.Path);
        // A synthetic seed large enough that a build takes a few seconds (and so can be killed while writing).
        var seed = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(_store.Path)!)!, Guid.NewGuid().ToString("N"), "seed-data");
        SyntheticDataset.Generate(seed, 300, Path.Combine(RepoPaths.SeedData, "scopes.json"));

        await using var api = ApiProcess.Serve([.. _store.ApiArguments, $"--Store:SeedDirectory={RepoPaths.CuratedSeedData}", "--Caching:ServerCacheEnabled=false"]);
        await api.WaitReadyAsync(_client, TimeSpan.FromSeconds(60));
        Assert.Equal(before!.Version, await api.DatasetVersionAsync(_client));

        string[] build = [.. _store.ApiArguments, $"--Store:SeedDirectory={seed}"];
        foreach (var point in new[] { "100 ms", "500 ms", "writing" })
        {
            await using var builder = ApiProcess.Build(build);
            var clock = Stopwatch.StartNew();
            if (point == "writing")
            {
                // Once the build has started writing: SQLite's temporary file exists; PostgreSQL's new schema exists.
                while (!await WritingAsync())
                {
                    Assert.False(builder.HasExited, $"the build ended before it could be killed:\n{builder.Output}");
                    Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), $"the build did not start writing within 40 s:\n{builder.Output}");
                    await Task.Delay(20);
                }
            }
            else
            {
                await Task.Delay(TimeSpan.FromMilliseconds(int.Parse(point.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)));
                Assert.False(builder.HasExited, $"the build ended before it could be killed:\n{builder.Output}");
            }
            builder.Kill();
            await builder.WaitForExitAsync(TimeSpan.FromSeconds(10));
            output.WriteLine($"killed after {point} ({clock.ElapsedMilliseconds} ms); leftovers: {string.Join(", ", await LeftoversAsync())}");

            // The old dataset is still served, from the untouched store.
            var (status, _, body) = await api.QueryAsync(_client, DatabaseQuery);
            Assert.True(status == 200 && !body.TryGetProperty("errors", out _), $"{status}: {body}\n{api.Output}");
            Assert.Equal(before.Version, await api.DatasetVersionAsync(_client));
            Assert.Equal(before.Version, (await _store.ReadCurrentAsync())?.Version);
            if (sqliteHash is not null)
            {
                Assert.Equal(sqliteHash, Hash(_store.Path));
            }
        }
        var left = await LeftoversAsync();
        Assert.NotEmpty(left); // the build killed while writing left something: that is what the next build must remove

        await using var next = ApiProcess.Build(build);
        var nextClock = Stopwatch.StartNew();
        Assert.True(await next.WaitForExitAsync(TimeSpan.FromSeconds(90)) == 0, next.Output);
        output.WriteLine($"next build: {nextClock.ElapsedMilliseconds} ms; removed: {string.Join(", ", left)}");

        Assert.Empty((await LeftoversAsync()).Intersect(left));
        var after = await _store.ReadCurrentAsync();
        Assert.NotEqual(before.Version, after!.Version);
        if (TestProvider.IsPostgres)
        {
            // The current schema and the one it replaced (kept for queries still running on it), nothing else.
            Assert.Empty(await _store.LeftoversAsync(datasetSchemasExpected: 2));
        }
        else
        {
            Assert.Empty(BuildLock.BuildingFiles(_store.Path));
        }
        // The running API picks up the new dataset without a restart.
        var switched = Stopwatch.StartNew();
        while (await api.DatasetVersionAsync(_client) != after.Version)
        {
            Assert.True(switched.Elapsed < TimeSpan.FromSeconds(20), $"the API still serves {before.Version}:\n{api.Output}");
            await Task.Delay(100);
        }
    }

    private async Task<bool> WritingAsync() => TestProvider.IsPostgres
        ? (await PostgresStoreBuilder.ListDatasetSchemasAsync(_store.ConnectionString, CancellationToken.None)).Count > 1
        : BuildLock.BuildingFiles(_store.Path).Length > 0;

    /// <summary>SQLite: the temporary files; PostgreSQL: every dataset schema that is not current.</summary>
    private async Task<List<string>> LeftoversAsync()
    {
        if (!TestProvider.IsPostgres)
        {
            return [.. BuildLock.BuildingFiles(_store.Path).Select(f => $"{Path.GetFileName(f)} ({new FileInfo(f).Length / 1024} KiB)")];
        }
        var current = await PostgresStoreBuilder.ReadCurrentAsync(_store.ConnectionString, CancellationToken.None);
        return [.. (await PostgresStoreBuilder.ListDatasetSchemasAsync(_store.ConnectionString, CancellationToken.None)).Where(s => s != current?.Schema)];
    }

    private static string Hash(string path) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    public void Dispose()
    {
        _client.Dispose();
        _store.Dispose();
    }
}
