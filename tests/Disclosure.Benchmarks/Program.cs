using System.Diagnostics;
using System.Globalization;
using Disclosure.Benchmarks;
using Disclosure.Store.Building;
using Disclosure.Store.Data;
using Microsoft.EntityFrameworkCore;

return await BenchmarkProgram.RunAsync(args);

/// <summary>
/// Scale tooling: <c>generate --organizations N --out DIR [--seed S]</c> writes a synthetic seed folder;
/// <c>build-store --seed DIR --store FILE</c> builds a store from it and reports time, rows, size and memory.
/// Every verb that reads a store takes <c>--provider Postgres --connection "Host=…;Database=…"</c> instead of
/// <c>--store FILE</c> to build or measure the PostgreSQL store (SQLite is the default).
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return args switch
            {
                ["generate", .. var rest] => Generate(Options(rest)),
                ["build-store", .. var rest] => await BuildStoreAsync(Options(rest)),
                ["read-seed", .. var rest] => ReadSeed(Options(rest)),
                ["export", .. var rest] => await ExportAsync(Options(rest)),
                ["query", .. var rest] => await QueryAsync(Options(rest)),
                ["cache", .. var rest] => await CacheAsync(Options(rest)),
                ["peer", .. var rest] => await PeerBenchmark.RunAsync(Options(rest)),
                ["projection", .. var rest] => await ProjectionBenchmark.RunAsync(Required(Options(rest), "store"),
                    Options(rest).TryGetValue("seconds", out var ps) ? int.Parse(ps, CultureInfo.InvariantCulture) : 10),
                ["hostile", .. var rest] => await HardeningBenchmark.HostileAsync(Required(Options(rest), "seed"), Required(Options(rest), "store"),
                    Options(rest).TryGetValue("repeat", out var n) ? int.Parse(n, CultureInfo.InvariantCulture) : 20),
                ["telemetry", .. var rest] => await TelemetryBenchmark.RunAsync(Required(Options(rest), "seed"), Required(Options(rest), "store"),
                    Options(rest).TryGetValue("seconds", out var ts) ? int.Parse(ts, CultureInfo.InvariantCulture) : 5,
                    Options(rest).TryGetValue("rounds", out var tr) ? int.Parse(tr, CultureInfo.InvariantCulture) : 2,
                    Options(rest).TryGetValue("concurrency", out var tc) ? int.Parse(tc, CultureInfo.InvariantCulture) : 4),
                ["soak", .. var rest] => await HardeningBenchmark.SoakAsync(Required(Options(rest), "seed"), Required(Options(rest), "store"),
                    Options(rest).TryGetValue("seconds", out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : 60,
                    Options(rest).TryGetValue("concurrency", out var c) ? int.Parse(c, CultureInfo.InvariantCulture) : 8,
                    Options(rest).TryGetValue("cache-mib", out var m) ? int.Parse(m, CultureInfo.InvariantCulture) : null),
                ["shutdown", .. var rest] => await ShutdownBenchmark.RunAsync(Required(Options(rest), "seed"), Required(Options(rest), "store"),
                    Options(rest).TryGetValue("concurrency", out var sc) ? int.Parse(sc, CultureInfo.InvariantCulture) : 8,
                    Options(rest).TryGetValue("drain-delay", out var dd) ? dd : "00:00:02"),
                _ => Usage(),
            };
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            usage:
              generate --organizations N --out DIR [--seed S]   write a SYNTHETIC seed folder (outside seed-data/)
              build-store --seed DIR --store FILE               build a store from a seed folder and report its cost
              export --store FILE --out DIR [--row-group N]     write a SQLite store's bulk files (Parquet, CSV, CSV gzip, digest, changes)
                                                                and report rows, time, sizes and memory (peak working set, managed heap)
              query --seed DIR --store FILE [--seconds N] [--concurrency N]
                                                                measure the API in-process on that store
              (build-store and query: --provider Postgres --connection CS instead of --store FILE, for PostgreSQL)
              cache --seed DIR --store FILE [--seconds N] [--concurrency N] [--rounds N]
                                                                cached GET/POST and uncached POST against bare Kestrel, over loopback HTTP
              peer --connection CS [--seed DIR | --organizations N] [--seconds N] [--rounds N] [--warmup N] [--concurrency N] [--pool N]
                                                                the API against PostGraphile 5 on the same PostgreSQL store, alternating (not in CI: minutes).
                                                                Builds or reuses the store (default: 10,000 synthetic organizations) and runs npm ci in
                                                                tests/Disclosure.Benchmarks/peer when needed. A throwaway PostgreSQL on 127.0.0.1 (Debian):
                                                                  mkdir /tmp/pg && chown postgres: /tmp/pg
                                                                  runuser -u postgres -- /usr/lib/postgresql/15/bin/initdb -D /tmp/pg/data -U postgres --auth=trust
                                                                  runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D /tmp/pg/data -l /tmp/pg/log -w start \
                                                                    -o "-c listen_addresses=127.0.0.1 -p 55481 -c unix_socket_directories=/tmp/pg -c shared_buffers=1GB"
                                                                  psql -h 127.0.0.1 -p 55481 -U postgres -c "CREATE DATABASE disclosure_peer"
                                                                then --connection "Host=127.0.0.1;Port=55481;Username=postgres;Database=disclosure_peer"
              projection --store FILE [--seconds N]            a page read with every column against selected columns only
              hostile --seed DIR --store FILE [--repeat N]      time every hostile request (bound: 100 ms each)
              telemetry --seed DIR --store FILE [--seconds N] [--rounds N] [--concurrency N]
                                                                CPU per request with telemetry off, default and on, in alternating slices
              soak --seed DIR --store FILE [--seconds N] [--concurrency N] [--cache-mib N]
                                                                full load with a mixed workload: errors and memory over time
              shutdown --seed DIR --store FILE [--concurrency N] [--drain-delay T]
                                                                the API as a child process under load, then SIGTERM: readiness, exit time, errors
            """);
        return 2;
    }

    private static Task<int> QueryAsync(Dictionary<string, string> options) =>
        QueryBenchmark.RunAsync(Required(options, "seed"), BenchStore.Of(options),
            options.TryGetValue("seconds", out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : 20,
            options.TryGetValue("concurrency", out var c) ? int.Parse(c, CultureInfo.InvariantCulture) : 4);

    private static Task<int> CacheAsync(Dictionary<string, string> options) =>
        CacheBenchmark.RunAsync(Required(options, "seed"), Required(options, "store"),
            options.TryGetValue("seconds", out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : 10,
            options.TryGetValue("concurrency", out var c) ? int.Parse(c, CultureInfo.InvariantCulture) : 8,
            options.TryGetValue("rounds", out var r) ? int.Parse(r, CultureInfo.InvariantCulture) : 3);

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected '--name value' pairs, got '{args[i]}'");
            }
            options[args[i][2..]] = args[i + 1];
        }
        return options;
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

    private static int Generate(Dictionary<string, string> options)
    {
        var organizations = int.Parse(Required(options, "organizations"), CultureInfo.InvariantCulture);
        var seed = options.TryGetValue("seed", out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : 20211217;
        var output = Path.GetFullPath(Required(options, "out"));
        var realSeed = SyntheticOutput.FindRealSeedData();
        SyntheticOutput.EnsureAllowed(output, realSeed);

        var clock = Stopwatch.StartNew();
        var counts = SyntheticDataset.Generate(output, organizations, Path.Combine(realSeed, "scopes.json"), seed);
        clock.Stop();
        var bytes = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"generated: {output}");
        Console.WriteLine($"counts: {counts}");
        Console.WriteLine($"generation time: {clock.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"folder size: {bytes / 1048576.0:F1} MiB");
        return 0;
    }

    /// <summary>
    /// Exports a store (the bulk files of its version) into a fresh folder and reports the time, the size of each
    /// format and the memory: the peak working set and the managed heap (sampled every 50 ms), which must stay flat as
    /// the row count grows (rows stream from a data reader; one Parquet row group, 50,000 rows unless <c>--row-group</c>
    /// says otherwise, is the most held per table; the change feed's derived changes are sorted on disk).
    /// </summary>
    private static async Task<int> ExportAsync(Dictionary<string, string> options)
    {
        var store = Required(options, "store");
        var output = Path.GetFullPath(Required(options, "out"));
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            throw new ArgumentException($"--out {output} is not empty");
        }
        var settings = new Disclosure.Store.Exports.ExportSettings(Path.Combine(output, "exports"), Path.Combine(output, "history"))
        {
            RowGroupSize = options.TryGetValue("row-group", out var g) ? int.Parse(g, CultureInfo.InvariantCulture) : Disclosure.Store.Exports.ExportSettings.DefaultRowGroupSize,
        };
        await using var db = new DisclosureDbContext(new DbContextOptionsBuilder<DisclosureDbContext>()
            .UseSqlite(StoreBuilder.ReadOnlyConnectionString(store, pooling: false)).Options);
        using var memory = new MemorySampler();
        var stopwatch = Stopwatch.StartNew();
        var result = await Disclosure.Store.Exports.StoreExporter.EnsureAsync(db, settings, TimeProvider.System, CancellationToken.None);
        stopwatch.Stop();
        memory.Sample();
        var manifest = result.Manifest;
        var tableRows = manifest.Files.Where(f => f.Format == "parquet" && f.Table != "changes").Sum(f => f.Rows);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"exported {manifest.Version} (row groups of {settings.RowGroupSize:N0}): {manifest.FactCount:N0} facts, {manifest.CitationCount:N0} citations, {tableRows:N0} rows in {manifest.Files.Count(f => f.Format == "parquet" && f.Table != "changes")} tables, in {stopwatch.Elapsed.TotalSeconds:F1} s"));
        foreach (var format in manifest.Files.GroupBy(f => f.Format))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {format.Key,-10} {format.Count(),3} files {format.Sum(f => f.Bytes) / 1048576.0,10:F1} MiB"));
        }
        foreach (var file in manifest.Files.OrderByDescending(f => f.Bytes).Take(6))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {file.Name,-28} {file.Rows,12:N0} rows {file.Bytes / 1048576.0,10:F1} MiB"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peak working set {memory.PeakWorkingSetBytes / 1048576.0:F0} MiB; managed heap: peak {memory.PeakManagedBytes / 1048576.0:F0} MiB, " +
            $"peak after a GC {memory.PeakAfterGcBytes / 1048576.0:F0} MiB; allocated {GC.GetTotalAllocatedBytes() / 1048576.0:F0} MiB; " +
            $"GCs gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
        return 0;
    }

    private static async Task<int> BuildStoreAsync(Dictionary<string, string> options)
    {
        var seed = Path.GetFullPath(Required(options, "seed"));
        var store = BenchStore.Of(options);

        var clock = Stopwatch.StartNew();
        var build = new StoreBuildOptions { Progress = phase => Console.WriteLine($"  {phase}") };
        var result = store.IsPostgres
            ? await PostgresStoreBuilder.BuildAsync(seed, store.Location, TimeProvider.System, build, CancellationToken.None)
            : await StoreBuilder.BuildAsync(seed, store.Location, TimeProvider.System, build, CancellationToken.None);
        clock.Stop();

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakWorkingSet = process.PeakWorkingSet64;
        var gcInfo = GC.GetGCMemoryInfo(GCKind.Any);
        var managedNow = GC.GetTotalMemory(forceFullCollection: false);

        Console.WriteLine($"build time: {clock.Elapsed.TotalSeconds:F1} s (builder's own: {result.Elapsed.TotalSeconds:F1} s)");
        Console.WriteLine($"rows: {await RowCountsAsync(store)}");
        Console.WriteLine($"facts: {result.Dataset.FactCount}, citations: {result.Dataset.CitationCount}");
        Console.WriteLine($"store size: {await store.SizeAsync() / 1048576.0:F1} MiB");
        Console.WriteLine($"peak working set: {peakWorkingSet / 1048576.0:F0} MiB");
        Console.WriteLine($"managed heap: now {managedNow / 1048576.0:F0} MiB, last GC heap {gcInfo.HeapSizeBytes / 1048576.0:F0} MiB, " +
                          $"total committed {gcInfo.TotalCommittedBytes / 1048576.0:F0} MiB");
        return 0;
    }

    /// <summary>How long streaming validation and one more streamed pass over the big files take, without SQLite.</summary>
    private static int ReadSeed(Dictionary<string, string> options)
    {
        var seed = Path.GetFullPath(Required(options, "seed"));
        var clock = Stopwatch.StartNew();
        var content = Disclosure.Store.Seeding.SeedLoader.LoadStreaming(seed);
        Console.WriteLine($"validated (streaming): {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();
        var figures = content.Figures().Count();
        Console.WriteLine($"figures streamed again: {figures:N0} in {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();
        var targets = content.Targets().Count() + content.Memberships().Count() + content.People().Count() + content.Bodies().Count();
        Console.WriteLine($"targets and governance streamed again: {targets:N0} in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static async Task<string> RowCountsAsync(BenchStore store)
    {
        await using var db = await store.OpenAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var parts = new List<string>();
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().Order(StringComparer.Ordinal))
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            parts.Add($"{table}={Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture):N0}");
        }
        return string.Join(", ", parts);
    }
}
