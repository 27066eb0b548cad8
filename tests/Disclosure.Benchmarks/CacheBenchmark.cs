// Both this program and the API have a top-level Program: the API's is reached through its alias.
extern alias api;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Disclosure.Benchmarks;

/// <summary>
/// <c>cache --seed DIR --store FILE [--seconds N] [--concurrency N] [--rounds N]</c>: the API on Kestrel at
/// 127.0.0.1 (random port), over real loopback HTTP, and in the same process a bare Kestrel endpoint
/// (<c>MapGet</c> returning the same bytes as the API's answer). One HttpClient for all, N concurrent workers,
/// each run bounded in time, no compression; every scenario is warmed up first, then measured in rounds. Scenarios, all the same operation (TargetsWithProgress): bare; cached GET
/// by documentId; cached GET with the query text; cached POST; uncached POST (a second API instance with its output
/// cache off). Reports requests/s, p50 and p99 of each, and their ratios to bare. The client competes with the
/// servers for the same cores.
/// </summary>
internal static class CacheBenchmark
{
    private const string Operation = "TargetsWithProgress";

    public static async Task<int> RunAsync(string seed, string store, int seconds, int concurrency, int rounds)
    {
        // WebApplicationFactory finds the API's content root through MvcTestingAppManifest.json in the *current*
        // directory: run from beside the binaries (the paths given are resolved first).
        (seed, store) = (Path.GetFullPath(seed), Path.GetFullPath(store));
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        await using var cached = StartApi(seed, store, serverCache: true);
        await using var uncached = StartApi(seed, store, serverCache: false);
        var cachedUrl = Address(cached.Services);
        var uncachedUrl = Address(uncached.Services);

        using var probe = new HttpClient();
        using var examples = JsonDocument.Parse(await probe.GetStringAsync(cachedUrl + "/graphql/examples"));
        var example = examples.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == Operation);
        var query = example.GetProperty("query").GetString()!;
        var documentId = example.GetProperty("documentId").GetString()!;
        var postBody = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query }));
        var answer = await probe.GetByteArrayAsync(cachedUrl + "/graphql?documentId=" + documentId);

        await using var bare = await StartBareAsync(answer);
        var bareUrl = bare.Urls.Single();

        var scenarios = new Scenario[]
        {
            new("bare Kestrel MapGet", () => new HttpRequestMessage(HttpMethod.Get, bareUrl + "/bare")),
            new("cached GET ?documentId=", () => new HttpRequestMessage(HttpMethod.Get, cachedUrl + "/graphql?documentId=" + documentId)),
            new("cached GET ?query=", () => new HttpRequestMessage(HttpMethod.Get, cachedUrl + "/graphql?query=" + Uri.EscapeDataString(query))),
            new("cached POST", () => Post(cachedUrl, postBody)),
            new("uncached POST", () => Post(uncachedUrl, postBody)),
        };

        Console.WriteLine($"store: {store} ({new FileInfo(store).Length / 1048576.0:F1} MiB); operation {Operation}, answer {answer.Length:N0} bytes");
        Console.WriteLine($"{Environment.ProcessorCount} logical cores shared by client and servers; {concurrency} concurrent workers; " +
                          $"a 3 s warm-up of each, then {rounds} round(s) of {seconds} s per scenario (after 1 s more warm-up); {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");

        var totals = scenarios.ToDictionary(s => s.Name, _ => new List<Result>());
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        });
        foreach (var scenario in scenarios)
        {
            await CheckAsync(client, scenario, answer.Length);
        }
        // Warm every path (JIT tiering of client and servers) before anything is measured.
        foreach (var scenario in scenarios)
        {
            await MeasureAsync(client, scenario, TimeSpan.FromSeconds(3), concurrency);
        }
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var scenario in scenarios)
            {
                await MeasureAsync(client, scenario, TimeSpan.FromSeconds(1), concurrency);
                var result = await MeasureAsync(client, scenario, TimeSpan.FromSeconds(seconds), concurrency);
                totals[scenario.Name].Add(result);
                Console.WriteLine($"round {round}: {scenario.Name,-24} {result}");
            }
        }

        // Ratios are taken per round (each scenario against the bare run of the same round, seconds apart), because
        // the machine's speed drifts between rounds more than the scenarios differ.
        var bareResults = totals[scenarios[0].Name];
        Console.WriteLine();
        Console.WriteLine($"{"scenario",-24} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"x bare (median of rounds, range)",34} {"CPU µs/req",10} {"bare CPU / CPU",15}");
        foreach (var scenario in scenarios)
        {
            var results = totals[scenario.Name];
            var ratios = results.Select((r, i) => r.Rate / bareResults[i].Rate).Order().ToArray();
            var median = ratios.Length % 2 == 1 ? ratios[ratios.Length / 2] : (ratios[ratios.Length / 2 - 1] + ratios[ratios.Length / 2]) / 2;
            // Process CPU time per request (client and servers together, all in this process): steadier than the rate
            // when other work shares the cores, and its ratio to bare's is what the rate ratio would be if CPU-bound.
            var cpuRatios = results.Select((r, i) => bareResults[i].CpuMicroseconds / r.CpuMicroseconds).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{scenario.Name,-24} {results.Average(r => r.Rate),9:F0} {results.Average(r => r.P50),8:F2} {results.Average(r => r.P99),8:F2} {median,14:F2} ({ratios[0]:F2}–{ratios[^1]:F2}) {results.Average(r => r.CpuMicroseconds),10:F0} {Median(cpuRatios),8:F2} ({cpuRatios[0]:F2}–{cpuRatios[^1]:F2})"));
        }
        return 0;
    }

    private static HttpRequestMessage Post(string baseUrl, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, baseUrl + "/graphql") { Content = content };
    }

    internal static WebApplicationFactory<api::Program> StartApi(string seed, string store, bool serverCache, IReadOnlyDictionary<string, string>? settings = null)
    {
        var factory = new WebApplicationFactory<api::Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production"); // as deployed: no developer exception page
            b.UseSetting("Store:SeedDirectory", Path.GetFullPath(seed));
            b.UseSetting("Store:Path", Path.GetFullPath(store));
            b.UseSetting("Caching:ServerCacheEnabled", serverCache ? "true" : "false");
            // One client sends every request: with the default per-client budget the uncached scenario would measure
            // 429 answers after a few hundred requests. Costs are still computed and charged.
            b.UseSetting("RateLimit:PointsPerWindow", int.MaxValue.ToString(CultureInfo.InvariantCulture));
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                b.UseSetting(key, value);
            }
            b.ConfigureLogging(l => l.ClearProviders());
        });
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return factory;
    }

    internal static string Address(IServiceProvider services) =>
        services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');

    /// <summary>The floor: Kestrel with one MapGet that writes the same bytes, nothing else in the pipeline.</summary>
    private static async Task<WebApplication> StartBareAsync(byte[] body)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/bare", () => Results.Bytes(body, "application/json; charset=utf-8"));
        await app.StartAsync();
        return app;
    }

    private static async Task CheckAsync(HttpClient client, Scenario scenario, int expectedLength)
    {
        using var response = await client.SendAsync(scenario.Request());
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK || body.Length != expectedLength)
        {
            throw new InvalidOperationException($"{scenario.Name}: {(int)response.StatusCode}, {body.Length} bytes (expected 200, {expectedLength})");
        }
    }

    private static async Task<Result> MeasureAsync(HttpClient client, Scenario scenario, TimeSpan duration, int concurrency)
    {
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (stop.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(scenario.Request());
                await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var elapsed = stop.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds * 1000;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), all.Length, errors, all.Length == 0 ? double.NaN : cpu / all.Length);
    }

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private sealed record Scenario(string Name, Func<HttpRequestMessage> Request);

    private sealed record Result(double Rate, double P50, double P99, int Requests, int Errors, double CpuMicroseconds)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Rate,9:F0} req/s, p50 {P50,7:F2} ms, p99 {P99,7:F2} ms, CPU {CpuMicroseconds,6:F0} µs/request ({Requests} requests, {Errors} errors)");
    }
}
