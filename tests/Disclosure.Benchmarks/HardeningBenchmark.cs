using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Disclosure.Benchmarks;

/// <summary>
/// Two runs of the hardening issue, both against the API on Kestrel at 127.0.0.1 (random port, Production
/// environment) over real loopback HTTP:
/// <list type="bullet">
/// <item><c>hostile --seed DIR --store FILE [--repeat N]</c>: every request of <see cref="HostileRequests"/>, N times each
/// after a warm-up, one at a time: its status, error code, and p50/max latency against a bound of 100 ms.</item>
/// <item><c>soak --seed DIR --store FILE [--seconds N] [--concurrency N] [--cache-mib N]</c>: full load for N seconds with a mix of
/// cached GETs by documentId, POSTs that page through figures with changing variables (new output-cache entries
/// all the time), ad-hoc documents that churn the document cache, node lookups, and one hostile request in 20.
/// Counts errors (a transport failure, a 5xx, a valid request that does not get a clean 200, a hostile one that does)
/// and samples memory every 5 s; exits 1 on any error or when memory keeps growing.</item>
/// </list>
/// </summary>
internal static class HardeningBenchmark
{
    private static readonly TimeSpan Bound = TimeSpan.FromMilliseconds(100);

    public static async Task<int> HostileAsync(string seed, string store, int repeat)
    {
        (seed, store) = (Path.GetFullPath(seed), Path.GetFullPath(store));
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        await using var api = CacheBenchmark.StartApi(seed, store, serverCache: true);
        var url = CacheBenchmark.Address(api.Services) + "/graphql";
        using var client = new HttpClient();

        Console.WriteLine($"{HostileRequests.All.Count} hostile requests, each {repeat} times after 3 warm-ups, one at a time; bound {Bound.TotalMilliseconds} ms; {Environment.ProcessorCount} cores shared with the client");
        Console.WriteLine($"{"request",-44} {"status",6} {"code",-30} {"p50 ms",7} {"max ms",7}");
        var failures = 0;
        foreach (var (what, body) in HostileRequests.All)
        {
            for (var i = 0; i < 3; i++)
            {
                await SendAsync(client, url, body);
            }
            var times = new List<double>();
            var (status, code) = (0, "");
            for (var i = 0; i < repeat; i++)
            {
                var start = Stopwatch.GetTimestamp();
                (status, code) = await SendAsync(client, url, body);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            times.Sort();
            var (p50, max) = (times[times.Count / 2], times[^1]);
            var clean = status is >= 400 and < 500 || (status == 200 && code.Length > 0);
            if (!clean || p50 > Bound.TotalMilliseconds)
            {
                failures++;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{what,-44} {status,6} {code,-30} {p50,7:F2} {max,7:F2}{(clean ? "" : "  NOT REFUSED CLEANLY")}{(p50 > Bound.TotalMilliseconds ? "  OVER THE BOUND" : "")}"));
        }
        var after = await SendAsync(client, url, JsonSerializer.Serialize(new { query = "{ __typename }" }));
        Console.WriteLine($"afterwards {{ __typename }}: {after.Status}{(after.Code.Length > 0 ? " " + after.Code : "")}");
        Console.WriteLine(failures == 0 && after is (200, "")
            ? $"every hostile request refused cleanly, p50 within {Bound.TotalMilliseconds} ms"
            : $"{failures} request(s) not refused cleanly or over the bound");
        return failures == 0 && after is (200, "") ? 0 : 1;
    }

    public static async Task<int> SoakAsync(string seed, string store, int seconds, int concurrency, int? cacheMiB)
    {
        (seed, store) = (Path.GetFullPath(seed), Path.GetFullPath(store));
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        // The soak is one client at full speed: the per-client rate limit would (rightly) stop it within a minute.
        var settings = new Dictionary<string, string> { ["RateLimit:PointsPerWindow"] = "2000000000" };
        if (cacheMiB is { } mib)
        {
            // Most answers of the mix are new (paging cursors, ad-hoc documents): the output cache fills up to its bound,
            // which a smaller bound reaches sooner.
            settings["Caching:ServerCacheSizeLimitBytes"] = (mib * 1048576L).ToString(CultureInfo.InvariantCulture);
        }
        await using var api = CacheBenchmark.StartApi(seed, store, serverCache: true, settings);
        var url = CacheBenchmark.Address(api.Services) + "/graphql";
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, AutomaticDecompression = DecompressionMethods.All });

        var mix = await SoakMix.CreateAsync(client, url);
        Console.WriteLine($"soak: {seconds} s at full load, {concurrency} concurrent workers, {Environment.ProcessorCount} cores shared with the client; " +
                          $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC; output cache bound {(cacheMiB is { } m ? $"{m} MiB" : "as configured (64 MiB by default)")}; mix: {mix.Describe()}");

        // A short warm-up, then a full collection: the baseline the end of the run is compared with.
        await RunAsync(client, mix, TimeSpan.FromSeconds(Math.Min(10, seconds / 6 + 1)), concurrency, new Counters());
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var baseline = Sample.Take(TimeSpan.Zero);

        var counters = new Counters();
        var samples = new List<Sample> { baseline };
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                var sample = Sample.Take(clock.Elapsed);
                lock (samples)
                {
                    samples.Add(sample);
                }
                Console.WriteLine($"{sample}  {counters}");
            }
        });
        await RunAsync(client, mix, TimeSpan.FromSeconds(seconds), concurrency, counters);
        await stop.CancelAsync();
        await sampler;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var end = Sample.Take(TimeSpan.FromSeconds(seconds));

        // Flat: the working set of the last third of the run is within 10% (or 32 MiB) of the middle third; caches
        // (output cache, documents, counts) fill during the first third and are bounded after.
        var during = samples.Skip(1).ToArray();
        var third = Math.Max(1, during.Length / 3);
        var middle = during.Skip(third).Take(third).Average(s => s.WorkingSetMiB);
        var last = during.Skip(2 * third).Average(s => s.WorkingSetMiB);
        var growth = last - middle;
        var flat = growth <= Math.Max(32, middle * 0.10);

        Console.WriteLine();
        Console.WriteLine(counters.Summary(seconds));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: managed after a full GC {baseline.ManagedMiB:F1} MiB at the start, {end.ManagedMiB:F1} MiB at the end; " +
            $"working set {baseline.WorkingSetMiB:F0} MiB at the start, {middle:F0} MiB over the middle third, {last:F0} MiB over the last third " +
            $"({(growth >= 0 ? "+" : "")}{growth:F0} MiB): {(flat ? "flat" : "GROWING")}"));
        foreach (var (kind, failure) in counters.Failures.Take(10))
        {
            Console.WriteLine($"  error ({kind}): {failure}");
        }
        return counters.Errors == 0 && flat ? 0 : 1;
    }

    private static async Task RunAsync(HttpClient client, SoakMix mix, TimeSpan duration, int concurrency, Counters counters)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var random = new Random(worker);
            while (clock.Elapsed < duration)
            {
                var (kind, request, hostile) = mix.Next(random, worker);
                try
                {
                    using var response = await client.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    var status = (int)response.StatusCode;
                    var failure = hostile
                        ? status >= 500 || (status == 200 && !HasErrors(body)) ? $"{status}: {Start(body)}" : null
                        : status != 200 || HasErrors(body) ? $"{status}: {Start(body)}" : null;
                    counters.Count(kind, failure);
                    if (!hostile && failure is null && kind == SoakMix.Paging)
                    {
                        mix.Advance(worker, body);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    counters.Count(kind, $"{e.GetType().Name}: {e.Message}");
                }
                finally
                {
                    request.Dispose();
                }
            }
        }));
    }

    private static async Task<(int Status, string Code)> SendAsync(HttpClient client, string url, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(url, content);
        var text = await response.Content.ReadAsStringAsync();
        var code = "";
        try
        {
            code = JsonNode.Parse(text)?["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>() ?? "";
        }
        catch (JsonException)
        {
            code = "(not JSON)";
        }
        return ((int)response.StatusCode, code);
    }

    private static bool HasErrors(string body) => body.Contains("\"errors\"", StringComparison.Ordinal);

    private static string Start(string body) => body.Length <= 160 ? body : body[..160] + "…";

    /// <summary>What the soak sends; paging workers remember their cursor.</summary>
    private sealed class SoakMix
    {
        public const string Paging = "POST paging figures";
        private const string PagingQuery = "query($n: Int!, $after: String) { figures(first: $n, after: $after) { pageInfo { hasNextPage endCursor } nodes { id slug metric publishedValue unit source { title } } } }";

        private readonly string _url;
        private readonly string[] _documentIds;
        private readonly string[] _ids;
        private readonly Dictionary<int, string?> _cursors = [];

        private SoakMix(string url, string[] documentIds, string[] ids) => (_url, _documentIds, _ids) = (url, documentIds, ids);

        public static async Task<SoakMix> CreateAsync(HttpClient client, string url)
        {
            using var examples = JsonDocument.Parse(await client.GetStringAsync(url + "/examples"));
            var documentIds = examples.RootElement.EnumerateArray().Select(e => e.GetProperty("documentId").GetString()!).ToArray();
            using var content = new StringContent(JsonSerializer.Serialize(new { query = "{ figures(first: 100) { nodes { id } } targets(first: 100) { nodes { id } } }" }), Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(url, content);
            var data = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!;
            var ids = data["figures"]!["nodes"]!.AsArray().Concat(data["targets"]!["nodes"]!.AsArray()).Select(n => n!["id"]!.GetValue<string>()).ToArray();
            return new SoakMix(url, documentIds, ids);
        }

        public string Describe() =>
            $"40% cached GET of {_documentIds.Length} persisted examples, 25% POST paging through figures (1–50 a page), " +
            $"15% ad-hoc GET documents (new text each time), 15% node(id:) over {_ids.Length} ids, 5% hostile ({HostileRequests.All.Count} kinds)";

        public (string Kind, HttpRequestMessage Request, bool Hostile) Next(Random random, int worker)
        {
            var roll = random.Next(100);
            if (roll < 40)
            {
                return ("GET persisted example", new HttpRequestMessage(HttpMethod.Get, $"{_url}?documentId={_documentIds[random.Next(_documentIds.Length)]}"), false);
            }
            if (roll < 65)
            {
                string? after; // each worker walks the connection page by page
                lock (_cursors)
                {
                    after = _cursors.GetValueOrDefault(worker);
                }
                return (Paging, Post(JsonSerializer.Serialize(new { query = PagingQuery, variables = new { n = random.Next(1, 51), after } })), false);
            }
            if (roll < 80)
            {
                // A new document text each time: the document cache turns over (it keeps 1,000).
                var query = $"{{ a{random.Next()}: figures(first: {random.Next(1, 20)}) {{ nodes {{ slug period {{ label }} }} }} }}";
                return ("GET ad-hoc document", new HttpRequestMessage(HttpMethod.Get, $"{_url}?query={Uri.EscapeDataString(query)}"), false);
            }
            if (roll < 95)
            {
                var body = JsonSerializer.Serialize(new { query = "query($id: ID!) { node(id: $id) { id ... on Figure { slug quote source { title } } ... on Target { slug name quote } } }", variables = new { id = _ids[random.Next(_ids.Length)] } });
                return ("POST node(id:)", Post(body), false);
            }
            var (what, hostile) = HostileRequests.All[random.Next(HostileRequests.All.Count)];
            return ($"hostile: {what}", Post(hostile), true);
        }

        public void Advance(int worker, string body)
        {
            var page = JsonNode.Parse(body)!["data"]!["figures"]!["pageInfo"]!;
            lock (_cursors)
            {
                _cursors[worker] = page["hasNextPage"]!.GetValue<bool>() ? page["endCursor"]!.GetValue<string>() : null;
            }
        }

        private HttpRequestMessage Post(string body)
        {
            var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return new HttpRequestMessage(HttpMethod.Post, _url) { Content = content };
        }
    }

    private sealed class Counters
    {
        private readonly Dictionary<string, (int Requests, int Errors)> _byKind = [];

        public List<(string Kind, string Failure)> Failures { get; } = [];

        public int Errors
        {
            get
            {
                lock (_byKind)
                {
                    return _byKind.Values.Sum(v => v.Errors);
                }
            }
        }

        public void Count(string kind, string? failure)
        {
            lock (_byKind)
            {
                var (requests, errors) = _byKind.GetValueOrDefault(kind);
                _byKind[kind] = (requests + 1, errors + (failure is null ? 0 : 1));
                if (failure is not null && Failures.Count < 100)
                {
                    Failures.Add((kind, failure));
                }
            }
        }

        public string Summary(int seconds)
        {
            lock (_byKind)
            {
                var requests = _byKind.Values.Sum(v => v.Requests);
                var lines = _byKind.Where(k => !k.Key.StartsWith("hostile", StringComparison.Ordinal)).OrderBy(k => k.Key)
                    .Select(k => $"  {k.Key,-26} {k.Value.Requests,9:N0} requests, {k.Value.Errors} errors");
                var hostile = _byKind.Where(k => k.Key.StartsWith("hostile", StringComparison.Ordinal)).ToArray();
                return string.Create(CultureInfo.InvariantCulture,
                    $"{requests:N0} requests in {seconds} s ({requests / (double)seconds:F0} req/s), {Errors} errors\n{string.Join('\n', lines)}\n" +
                    $"  {"hostile (refused cleanly)",-26} {hostile.Sum(k => k.Value.Requests),9:N0} requests, {hostile.Sum(k => k.Value.Errors)} errors");
            }
        }

        public override string ToString()
        {
            lock (_byKind)
            {
                return $"{_byKind.Values.Sum(v => v.Requests):N0} requests, {_byKind.Values.Sum(v => v.Errors)} errors";
            }
        }
    }

    private sealed record Sample(TimeSpan At, double ManagedMiB, double HeapMiB, double WorkingSetMiB, int Gen2)
    {
        public static Sample Take(TimeSpan at)
        {
            using var process = Process.GetCurrentProcess();
            return new Sample(at, GC.GetTotalMemory(false) / 1048576.0, GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0,
                process.WorkingSet64 / 1048576.0, GC.CollectionCount(2));
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{At.TotalSeconds,5:F0} s: managed {ManagedMiB,7:F1} MiB, GC heap {HeapMiB,7:F1} MiB, working set {WorkingSetMiB,6:F0} MiB, gen2 GCs {Gen2}");
    }
}
