using System.Diagnostics;
using System.Text.Json;
using Disclosure.Store.Building;
using Disclosure.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Disclosure.Tests.Faults;

/// <summary>
/// The store failing under a running API (a real child process): SQLite's file deleted or damaged; PostgreSQL stopped
/// and started again. Readiness turns 503 and says why, requests get a GraphQL-shaped 503 with Retry-After (fast: no
/// hang, no empty 500), and the API recovers by itself (a rebuild; PostgreSQL back) without a restart.
/// </summary>
public sealed class StoreOutageTests(ITestOutputHelper output) : IDisposable
{
    private const string DatabaseQuery = "{ organizations(first: 3) { nodes { name } } }";

    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(30) };

#if !DISCLOSURE_POSTGRES
    [Fact]
    public async Task The_store_file_deleted_or_damaged_under_the_API_answers_503_until_a_rebuild_recovers_it()
    {
        using var store = new TestStore();
        await store.BuildAsync(RepoPaths.CuratedSeedData);
        string[] settings = [.. store.ApiArguments, $"--Store:SeedDirectory={RepoPaths.CuratedSeedData}"];
        await using var api = ApiProcess.Serve([.. settings, "--Caching:ServerCacheEnabled=false"]);
        await api.WaitReadyAsync(_client, TimeSpan.FromSeconds(60));
        await AssertServesAsync(api);

        foreach (var (fault, expected, breakIt) in new (string, string, Action)[]
        {
            ("deleted", "missing", () => File.Delete(store.Path)),
            ("damaged", "damaged", () => File.WriteAllBytes(store.Path, [.. Enumerable.Range(0, 65536).Select(i => (byte)(i * 7))])),
        })
        {
            var clock = Stopwatch.StartNew();
            breakIt();
            var readiness = await WaitReadinessAsync(api, 503, TimeSpan.FromSeconds(10));
            output.WriteLine($"{fault}: readiness 503 after {clock.ElapsedMilliseconds} ms: {readiness}");
            Assert.Contains(expected, readiness, StringComparison.Ordinal);

            var requestClock = Stopwatch.StartNew();
            var (status, retryAfter, body) = await api.QueryAsync(_client, DatabaseQuery);
            output.WriteLine($"{fault}: request answered {status} in {requestClock.ElapsedMilliseconds} ms: {body}");
            AssertStoreUnavailable(status, retryAfter, body);
            Assert.True(requestClock.Elapsed < TimeSpan.FromSeconds(5), "a request on a broken store must fail fast");
            // The log says what and where.
            Assert.Contains($"The store {store.Path} is unavailable", api.Output, StringComparison.Ordinal);

            clock.Restart();
            await using (var rebuild = ApiProcess.Build(settings))
            {
                Assert.True(await rebuild.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, rebuild.Output);
            }
            await WaitReadinessAsync(api, 200, TimeSpan.FromSeconds(10));
            await AssertServesAsync(api);
            output.WriteLine($"{fault}: recovered {clock.ElapsedMilliseconds} ms after the rebuild started (no restart)");
        }
        Assert.False(api.HasExited);
    }

    [Fact]
    public async Task SIGTERM_under_load_turns_readiness_503_first_lets_requests_finish_and_exits_in_time()
    {
        using var store = new TestStore();
        await store.BuildAsync(RepoPaths.CuratedSeedData);
        await using var api = ApiProcess.Serve([.. store.ApiArguments, $"--Store:SeedDirectory={RepoPaths.CuratedSeedData}",
            "--Caching:ServerCacheEnabled=false", "--Shutdown:DrainDelay=00:00:01.5", "--Shutdown:Timeout=00:00:10"]);
        await api.WaitReadyAsync(_client, TimeSpan.FromSeconds(60));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var results = new System.Collections.Concurrent.ConcurrentBag<string>();
        var load = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && !api.HasExited)
            {
                try
                {
                    var (status, _, _) = await api.QueryAsync(_client, DatabaseQuery);
                    results.Add(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                catch (HttpRequestException)
                {
                    results.Add("refused"); // the listener closed after the drain delay
                    await Task.Delay(20);
                }
            }
        })).ToArray();
        await Task.Delay(500);

        var clock = Stopwatch.StartNew();
        api.Terminate();
        var readiness = await WaitReadinessAsync(api, 503, TimeSpan.FromSeconds(2));
        var readinessAfter = clock.ElapsedMilliseconds;
        var servedWhileDraining = results.Count(r => r == "200");
        Assert.Contains("shutting down", readiness, StringComparison.Ordinal);
        var exitCode = await api.WaitForExitAsync(TimeSpan.FromSeconds(20));
        var exitedAfter = clock.ElapsedMilliseconds;
        await stop.CancelAsync();
        await Task.WhenAll(load);
        output.WriteLine($"SIGTERM: readiness 503 after {readinessAfter} ms, exited ({exitCode}) after {exitedAfter} ms; " +
                         $"answers: {string.Join(", ", results.GroupBy(r => r).Select(g => $"{g.Key}×{g.Count()}"))}");

        Assert.Equal(0, exitCode);
        Assert.True(exitedAfter < 12_000, $"exited after {exitedAfter} ms");
        Assert.True(exitedAfter >= 1_400, $"exited after {exitedAfter} ms, before the drain delay ended");
        Assert.True(servedWhileDraining > 0);
        Assert.DoesNotContain(results, r => r.StartsWith('5')); // no request failed: each was answered or refused a connection
    }
#else
    [Fact]
    public async Task PostgreSQL_stopped_under_load_answers_503_fast_and_the_API_recovers_when_it_returns()
    {
        using var server = ThrowawayPostgres.Start(); // its own server: stopping the shared one would fail other tests
        await PostgresStoreBuilder.BuildAsync(RepoPaths.CuratedSeedData, server.ConnectionString, TimeProvider.System, CancellationToken.None);
        await using var api = ApiProcess.Serve("--Database:Provider=Postgres", $"--ConnectionStrings:Disclosure={server.ConnectionString}",
            $"--Store:SeedDirectory={RepoPaths.CuratedSeedData}", "--Caching:ServerCacheEnabled=false", "--Database:PollInterval=00:00:00.5");
        await api.WaitReadyAsync(_client, TimeSpan.FromSeconds(60));
        await AssertServesAsync(api);

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var results = new System.Collections.Concurrent.ConcurrentQueue<(TimeSpan At, int Status, long Ms, string? RetryAfter, JsonElement Body)>();
        var clock = Stopwatch.StartNew();
        var load = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var started = clock.Elapsed;
                var (status, retryAfter, body) = await api.QueryAsync(_client, DatabaseQuery);
                results.Enqueue((started, status, (long)(clock.Elapsed - started).TotalMilliseconds, retryAfter, body));
                await Task.Delay(20);
            }
        })).ToArray();
        await Task.Delay(500);

        var stoppedAt = clock.Elapsed;
        server.Stop();
        var readiness = await WaitReadinessAsync(api, 503, TimeSpan.FromSeconds(10));
        output.WriteLine($"stopped: readiness 503 after {(clock.Elapsed - stoppedAt).TotalMilliseconds:0} ms: {readiness}");
        Assert.Contains("PostgreSQL", readiness, StringComparison.Ordinal);
        await Task.Delay(1500);

        var startedAt = clock.Elapsed;
        server.StartAgain();
        await WaitReadinessAsync(api, 200, TimeSpan.FromSeconds(20));
        var recovered = clock.Elapsed;
        await Task.Delay(1000);
        await stop.CancelAsync();
        await Task.WhenAll(load);
        var lastFailure = results.Where(r => r.Status != 200).Select(r => r.At).DefaultIfEmpty().Max();
        var down = results.Where(r => r.At > stoppedAt + TimeSpan.FromMilliseconds(300) && r.At < startedAt).ToList();
        output.WriteLine($"restarted: readiness 200 {(recovered - startedAt).TotalMilliseconds:0} ms after pg_ctl start returned; last failed request " +
                         $"{(lastFailure - startedAt).TotalMilliseconds:0} ms after it; answers: {string.Join(", ", results.GroupBy(r => r.Status).Select(g => $"{g.Key}×{g.Count()}"))}; " +
                         $"slowest while down: {down.Select(r => r.Ms).DefaultIfEmpty().Max()} ms");

        Assert.NotEmpty(down);
        foreach (var (_, status, ms, retryAfter, body) in down)
        {
            AssertStoreUnavailable(status, retryAfter, body);
            Assert.True(ms < 5000, $"a request took {ms} ms while PostgreSQL was down");
        }
        Assert.All(results, r => Assert.True(r.Status is 200 or 503, $"{r.Status}: {r.Body}"));
        Assert.True(results.Last().Status == 200, "requests succeed again once PostgreSQL is back");
        Assert.Contains("is unavailable", api.Output, StringComparison.Ordinal);
    }
#endif

    private static void AssertStoreUnavailable(int status, string? retryAfter, JsonElement body)
    {
        Assert.True(status == 503, $"{status}: {body}");
        Assert.Equal("5", retryAfter);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray().ToList());
        Assert.StartsWith("The store is unavailable: ", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("STORE_UNAVAILABLE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(body.TryGetProperty("data", out _));
    }

    private async Task AssertServesAsync(ApiProcess api)
    {
        var (status, _, body) = await api.QueryAsync(_client, DatabaseQuery);
        Assert.True(status == 200 && !body.TryGetProperty("errors", out _), $"{status}: {body}\n{api.Output}");
    }

    private async Task<string> WaitReadinessAsync(ApiProcess api, int expected, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var last = "";
        while (clock.Elapsed < timeout)
        {
            try
            {
                using var response = await _client.GetAsync(new Uri(api.BaseAddress!, "/health/ready"));
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                if ((int)response.StatusCode == expected)
                {
                    return last;
                }
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            await Task.Delay(50);
        }
        Assert.Fail($"readiness did not answer {expected} within {timeout.TotalSeconds:0} s (last: {last}):\n{api.Output}");
        return last;
    }

    public void Dispose() => _client.Dispose();
}
