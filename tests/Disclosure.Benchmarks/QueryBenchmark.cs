// Both this program and the API have a top-level Program: the API's is reached through its alias.
extern alias api;

using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Disclosure.Benchmarks;

/// <summary>
/// <c>query --seed DIR (--store FILE | --provider Postgres --connection CS) [--seconds N] [--concurrency N]</c>: runs the API in-process (the real
/// pipeline over an in-memory test server) on a built store, and reports in one run: requests/s and p50/p99 for a
/// fixed mix of the example operations, the same for <c>{ __typename }</c> (the engine's own ceiling) and their
/// ratio; the latency of a page deep in the largest connection against its first page; the SQL commands per
/// query; and memory at the end.
/// </summary>
internal static class QueryBenchmark
{
    public static async Task<int> RunAsync(string seed, BenchStore store, int seconds, int concurrency)
    {
        var commands = new CommandCounter();
        await using var factory = new WebApplicationFactory<api::Program>().WithWebHostBuilder(b =>
        {
            // Production-like: WebApplicationFactory defaults to Development (developer exception page, scope validation).
            b.UseEnvironment("Production");
            b.UseContentRoot(Path.GetDirectoryName(Path.GetDirectoryName(ExamplesFolder()))! is var repo ? Path.Combine(repo, "src", "Disclosure.Api") : "");
            b.UseSetting("Store:SeedDirectory", Path.GetFullPath(seed));
            foreach (var (key, value) in store.Settings)
            {
                b.UseSetting(key, value);
            }
            // The query layer itself is measured: the server's output cache would answer repeated requests from memory.
            b.UseSetting("Caching:ServerCacheEnabled", "false");
            // One client sends every request: the default per-client budget would answer 429 within the run.
            b.UseSetting("RateLimit:PointsPerWindow", int.MaxValue.ToString(CultureInfo.InvariantCulture));
            b.ConfigureLogging(l => l.ClearProviders());
            b.ConfigureServices(s => s.AddSingleton<IInterceptor>(commands));
        });
        var compilationsAtStart = QueryCompilations.Count;
        var client = factory.CreateClient();

        var organization = (await PostAsync(client, "{ organizations(first: 1, order: [{ name: DESC }]) { nodes { slug } } }", null))
            ["data"]!["organizations"]!["nodes"]![0]!["slug"]!.GetValue<string>();
        var mix = Mix(organization);
        if (Environment.GetEnvironmentVariable("BENCH_ONLY") is { Length: > 0 } only)
        {
            // Profiling aid: one operation alone (or the whole mix), then exit.
            Operation[] single = only == "mix" ? mix : [mix.Single(o => o.Name == only)];
            await WarmUpAsync(client, single, concurrency, only);
            Console.WriteLine($"{only}: {await RunAsync(client, single, TimeSpan.FromSeconds(seconds), concurrency)}");
            return 0;
        }
        var typename = new[] { new Operation("typename", "{ __typename }", null) };

        Console.WriteLine($"store: {store.Description} ({await store.SizeAsync() / 1048576.0:F0} MiB); {concurrency} concurrent clients, {seconds} s per run");
        Console.WriteLine("SQL commands per query (one run each):");
        foreach (var operation in mix)
        {
            await PostAsync(client, operation.Query, operation.Variables); // warm
            commands.Reset();
            commands.Print = Environment.GetEnvironmentVariable("BENCH_SQL") == "1";
            var started = Stopwatch.GetTimestamp();
            var response = await PostAsync(client, operation.Query, operation.Variables);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            commands.Print = false;
            if (response["errors"] is { } errors)
            {
                throw new InvalidOperationException($"{operation.Name} failed: {errors.ToJsonString()}");
            }
            Console.WriteLine($"  {operation.Name,-24} {commands.Count,3} commands, {response.ToJsonString().Length,8} bytes, {elapsed,8:F1} ms");
        }

        Console.WriteLine($"EF query compilations so far (the first run of each query shape): {QueryCompilations.Count - compilationsAtStart}");
        await WarmUpAsync(client, mix, concurrency, "query mix");
        var mixResult = await RunAsync(client, mix, TimeSpan.FromSeconds(seconds), concurrency);
        await WarmUpAsync(client, typename, concurrency, "{ __typename }");
        var ceiling = await RunAsync(client, typename, TimeSpan.FromSeconds(seconds), concurrency);
        Console.WriteLine($"query mix:      {mixResult}");
        Console.WriteLine($"{{ __typename }}: {ceiling}");
        Console.WriteLine($"mix / __typename rate: {mixResult.Rate / ceiling.Rate:P1}");
        Console.WriteLine($"mix / __typename CPU per request: {mixResult.CpuPerRequest / ceiling.CpuPerRequest:F1}x (process CPU time over requests; less sensitive to other load on the machine)");
        if (Environment.GetEnvironmentVariable("BENCH_PER_OPERATION") == "1")
        {
            // Each operation of the mix alone: where the mix's time goes.
            foreach (var operation in mix)
            {
                await RunAsync(client, [operation], TimeSpan.FromSeconds(1), concurrency);
                Console.WriteLine($"  {operation.Name,-24} {await RunAsync(client, [operation], TimeSpan.FromSeconds(Math.Max(1, seconds / 3.0)), concurrency)}");
            }
        }

        // A page deep in the figures connection (the largest) against the first page, same ordering and size.
        var deep = await DeepCursorAsync(client);
        var first = new Operation("first page", "{ figures(first: 20) { nodes { slug publishedValue } } }", null);
        var deepPage = new Operation("deep page", "query($after: String) { figures(first: 20, after: $after) { nodes { slug publishedValue } } }", new { after = deep.Cursor });
        await RunAsync(client, [first], TimeSpan.FromSeconds(2), 1);
        var firstResult = await RunAsync(client, [first], TimeSpan.FromSeconds(seconds / 2.0), 1);
        await RunAsync(client, [deepPage], TimeSpan.FromSeconds(2), 1);
        var deepResult = await RunAsync(client, [deepPage], TimeSpan.FromSeconds(seconds / 2.0), 1);
        Console.WriteLine($"first page of figures:        {firstResult}");
        Console.WriteLine($"page after row {deep.Position:N0} of {deep.Total:N0}: {deepResult}");
        Console.WriteLine($"deep / first page p50: {deepResult.P50 / firstResult.P50:F2}x");

        GC.Collect();
        var process = Process.GetCurrentProcess();
        Console.WriteLine($"memory at end: managed {GC.GetTotalMemory(false) / 1048576.0:F0} MiB, working set {process.WorkingSet64 / 1048576.0:F0} MiB, peak {process.PeakWorkingSet64 / 1048576.0:F0} MiB{FilePages()}");
        return 0;
    }

    /// <summary>
    /// How much of the working set is the process's own memory and how much is file pages (mapped assemblies and
    /// native libraries: the kernel's page cache, shared, dropped under memory pressure). Linux only (/proc/self/status).
    /// </summary>
    private static string FilePages()
    {
        if (!File.Exists("/proc/self/status"))
        {
            return "";
        }
        var fields = File.ReadLines("/proc/self/status").Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1].Trim(), StringComparer.Ordinal);
        static string MiB(string? kB) => kB is null ? "?" : $"{long.Parse(kB.Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0:F0}";
        return $" (of which {MiB(fields.GetValueOrDefault("RssAnon"))} MiB the process's own, {MiB(fields.GetValueOrDefault("RssFile"))} MiB file pages)";
    }

    /// <summary>The example operations of schema/examples/, pointed at an organization of the store being measured.</summary>
    internal static Operation[] Mix(string organization) =>
    [
        new("TargetsWithProgress", Example("TargetsWithProgress").Replace("targets(first: 100", "targets(first: 20", StringComparison.Ordinal), null),
        new("FiguresWithSources", Example("FiguresWithSources"), null),
        new("EmissionsByScope", Example("EmissionsByScope"), new { scope = "SCOPE_1" }),
        new("OrganizationOverview", Example("OrganizationOverview"), new { slug = organization }),
        new("GovernanceMemberships", Example("GovernanceMemberships"), null),
        new("ScopeDefinitions", Example("ScopeDefinitions"), null),
        new("OrganizationTargets", """
            query($slug: String!) { organization(slug: $slug) { name
              targets(first: 5) { nodes { name targetYear scopes { code } figures(first: 5) { nodes { publishedValue unit quote } } } }
              figures(first: 10, where: { scope: { eq: "SCOPE_1" } }) { totalCount nodes { period { label } publishedValue unit } } } }
            """, new { slug = organization }),
    ];

    private static string Example(string name) => File.ReadAllText(Path.Combine(ExamplesFolder(), name + ".graphql"));

    internal static string ExamplesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "schema", "examples");
            if (Directory.Exists(folder))
            {
                return folder;
            }
        }
        throw new DirectoryNotFoundException("schema/examples");
    }

    private static async Task<(string Cursor, long Position, long Total)> DeepCursorAsync(HttpClient client)
    {
        var total = (await PostAsync(client, "{ figures(first: 0) { totalCount } }", null))["data"]!["figures"]!["totalCount"]!.GetValue<int>();
        // Walk backward from the end a little, then take the cursor there: a row near the end of the ordering.
        var page = await PostAsync(client, "{ figures(last: 100) { pageInfo { startCursor } } }", null);
        return (page["data"]!["figures"]!["pageInfo"]!["startCursor"]!.GetValue<string>(), total - 100, total);
    }

    internal static async Task<Result> RunAsync(HttpClient client, Operation[] operations, TimeSpan duration, int concurrency)
    {
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var gcBefore = GC.CollectionCount(0);
        var gen2Before = GC.CollectionCount(2);
        var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var compilationsBefore = QueryCompilations.Count;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            // The client reads each answer into one buffer of its own: reading a 100 KB answer into a string would put
            // it on the large object heap, and the generation 2 collections that follow would be the client's cost
            // charged to the server (the two share this process).
            var buffer = new byte[4 << 20];
            for (var i = worker; stop.Elapsed < duration; i++)
            {
                var operation = operations[i % operations.Length];
                var start = Stopwatch.GetTimestamp();
                using var response = await client.PostAsJsonAsync("/graphql", new { query = operation.Query, variables = operation.Variables });
                var length = await ReadBodyAsync(response, buffer);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!response.IsSuccessStatusCode || buffer.AsSpan(0, length).IndexOf("\"errors\""u8) >= 0)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var elapsed = stop.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var collections = GC.CollectionCount(0) - gcBefore;
        var gen2 = GC.CollectionCount(2) - gen2Before;
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore;
        var compilations = QueryCompilations.Count - compilationsBefore;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(all.Length / elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99), all.Length, errors,
            all.Length == 0 ? double.NaN : cpu.TotalMilliseconds / all.Length, all.Length == 0 ? double.NaN : allocated / 1024.0 / all.Length, collections, gen2, jitted,
            all.Length == 0 ? double.NaN : (double)compilations / all.Length);
    }

    /// <summary>
    /// Runs the operations until the JIT has settled: the runtime recompiles hot methods in tiers (tier 0, then
    /// instrumented, then optimised) in the background, and a process measured while that still goes on is measured
    /// half-compiled (a 3 s warm-up left the mix compiling ~380 methods a second, its CPU per request doubled). Stops
    /// when a 2 s slice compiles fewer than 10 methods, or after 120 s (and says so).
    /// </summary>
    private static async Task WarmUpAsync(HttpClient client, Operation[] operations, int concurrency, string name)
    {
        var started = Stopwatch.StartNew();
        long jitted;
        do
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            await RunAsync(client, operations, TimeSpan.FromSeconds(2), concurrency);
            jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - before;
        }
        while (jitted >= 10 && started.Elapsed < TimeSpan.FromSeconds(120));
        Console.WriteLine(jitted < 10
            ? $"warm-up of {name}: {started.Elapsed.TotalSeconds:F0} s until the JIT settled ({jitted} methods compiled in the last 2 s)"
            : $"warm-up of {name}: stopped after {started.Elapsed.TotalSeconds:F0} s, the JIT still compiling ({jitted} methods in the last 2 s)");
    }

    private static async Task<int> ReadBodyAsync(HttpResponseMessage response, byte[] buffer)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        var length = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(length))) > 0)
        {
            length += read;
            if (length == buffer.Length)
            {
                throw new InvalidOperationException($"An answer is larger than the client's {buffer.Length} byte buffer.");
            }
        }
        return length;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    internal static async Task<JsonNode> PostAsync(HttpClient client, string query, object? variables)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    internal sealed record Operation(string Name, string Query, object? Variables);

    internal sealed record Result(double Rate, double P50, double P99, int Requests, int Errors, double CpuPerRequest, double KiBPerRequest, int Collections, int Gen2Collections, long Jitted, double CompilationsPerRequest)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Rate,9:F0} req/s, p50 {P50,7:F2} ms, p99 {P99,7:F2} ms, CPU {CpuPerRequest,7:F3} ms/request, {KiBPerRequest,7:F0} KiB allocated/request, {Collections} GCs ({Gen2Collections} of generation 2), {Jitted} methods JIT-compiled, {CompilationsPerRequest:F2} EF query compilations/request ({Requests} requests, {Errors} errors)");
    }

    /// <summary>Counts EF Core query compilations (cache misses of its compiled-query cache) in this process.</summary>
    private sealed class QueryCompilations : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        private static int _count;
        private static readonly QueryCompilations Instance = new();

        static QueryCompilations() => DiagnosticListener.AllListeners.Subscribe(Instance);

        public static int Count => Volatile.Read(ref _count);

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                listener.Subscribe(this, name => name == CoreEventId.QueryCompilationStarting.Name);
            }
        }

        public void OnNext(KeyValuePair<string, object?> value) => Interlocked.Increment(ref _count);

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public bool Print { get; set; }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (Print)
            {
                Console.WriteLine($"    {eventData.Duration.TotalMilliseconds,8:F1} ms  {command.CommandText.ReplaceLineEndings(" ")}");
            }
            return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
