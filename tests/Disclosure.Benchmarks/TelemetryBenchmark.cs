// Both this program and the API have a top-level Program: the API's is reached through its alias.
extern alias api;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Disclosure.Benchmarks;

/// <summary>
/// <c>telemetry --seed DIR --store FILE [--seconds N] [--rounds N] [--concurrency N]</c>: what telemetry costs per
/// request. The same load runs against hosts that differ only in telemetry, in alternating slices of one run (a new
/// host per slice: OpenTelemetry's listeners are process-wide, so two live hosts would both pay): <c>off</c>
/// (<c>Telemetry:Enabled=false</c>), <c>default</c> (the API's own instruments, nothing exporting: the shipped
/// configuration) and <c>on</c> (every request traced, spans batched to an exporter that drops them, metrics
/// aggregated for the Prometheus listener). Two loads: the example mix uncached (the query layer), and the same
/// requests answered by the output cache (the cheapest requests, where a fixed cost weighs most). CPU per request is
/// the process's CPU time over the requests (client included, the same in every mode): the difference between
/// modes is telemetry's cost.
/// </summary>
internal static class TelemetryBenchmark
{
    private static readonly string[] Modes = ["off", "default", "on"];

    public static async Task<int> RunAsync(string seed, string store, int seconds, int rounds, int concurrency)
    {
        var cpu = new Dictionary<(bool Cached, string Mode), (double CpuMs, int Requests, int Errors)>();
        Console.WriteLine($"store: {store}; {concurrency} concurrent clients; {rounds} rounds of {seconds} s slices per load and mode");
        // One slice of each, not counted: the first hosts of a process spend their time in the JIT (tiered
        // recompilation), which would be charged to whichever mode came first.
        foreach (var cached in new[] { false, true })
        {
            foreach (var mode in Modes)
            {
                Console.WriteLine($"  warm-up {(cached ? "cached  " : "uncached")} {mode,-7} {await SliceAsync(seed, store, mode, cached, Math.Min(3, seconds), concurrency)}");
            }
        }
        for (var round = 0; round < rounds; round++)
        {
            foreach (var cached in new[] { false, true })
            {
                // Alternate the order of the modes from round to round, so a drift over the run weighs on each alike.
                foreach (var mode in round % 2 == 0 ? Modes : Modes.Reverse())
                {
                    var result = await SliceAsync(seed, store, mode, cached, seconds, concurrency);
                    var sum = cpu.GetValueOrDefault((cached, mode));
                    cpu[(cached, mode)] = (sum.CpuMs + result.CpuPerRequest * result.Requests, sum.Requests + result.Requests, sum.Errors + result.Errors);
                    Console.WriteLine($"  round {round + 1} {(cached ? "cached  " : "uncached")} {mode,-7} {result}");
                }
            }
        }
        foreach (var cached in new[] { false, true })
        {
            var off = cpu[(cached, "off")];
            var offPerRequest = off.CpuMs / off.Requests;
            Console.WriteLine($"{(cached ? "cached" : "uncached")} mix:");
            foreach (var mode in Modes)
            {
                var m = cpu[(cached, mode)];
                var perRequest = m.CpuMs / m.Requests;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {mode,-7} CPU {perRequest,7:F3} ms/request ({m.Requests} requests, {m.Errors} errors); {mode}/off {perRequest / offPerRequest:F3}x, {(perRequest - offPerRequest) * 1000,6:F0} µs/request"));
            }
        }
        return 0;
    }

    private static async Task<QueryBenchmark.Result> SliceAsync(string seed, string store, string mode, bool cached, int seconds, int concurrency)
    {
        await using var factory = new WebApplicationFactory<api::Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseContentRoot(Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(QueryBenchmark.ExamplesFolder()))!, "src", "Disclosure.Api"));
            b.UseSetting("Store:SeedDirectory", Path.GetFullPath(seed));
            b.UseSetting("Store:Path", Path.GetFullPath(store));
            b.UseSetting("Caching:ServerCacheEnabled", cached ? "true" : "false");
            b.UseSetting("RateLimit:PointsPerWindow", int.MaxValue.ToString(CultureInfo.InvariantCulture));
            b.ConfigureLogging(l => l.ClearProviders());
            switch (mode)
            {
                case "off":
                    b.UseSetting("Telemetry:Enabled", "false");
                    break;
                case "on":
                    b.UseSetting("Telemetry:Traces:Enabled", "true");
                    b.UseSetting("Telemetry:Prometheus:Enabled", "true");
                    b.UseSetting("Telemetry:Prometheus:Port", FreePort().ToString(CultureInfo.InvariantCulture));
                    b.ConfigureServices(s => s.ConfigureOpenTelemetryTracerProvider(t =>
                        t.AddProcessor(new BatchActivityExportProcessor(new DroppingExporter()))));
                    break;
            }
        });
        var client = factory.CreateClient();
        var organization = (await QueryBenchmark.PostAsync(client, "{ organizations(first: 1, order: [{ name: DESC }]) { nodes { slug } } }", null))
            ["data"]!["organizations"]!["nodes"]![0]!["slug"]!.GetValue<string>();
        var mix = QueryBenchmark.Mix(organization);
        await QueryBenchmark.RunAsync(client, mix, TimeSpan.FromSeconds(2), concurrency); // warm (and, cached, fill the cache)
        return await QueryBenchmark.RunAsync(client, mix, TimeSpan.FromSeconds(seconds), concurrency);
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    /// <summary>An exporter that takes each batch and drops it: the SDK's whole cost but the network's.</summary>
    private sealed class DroppingExporter : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            foreach (var _ in batch)
            {
            }
            return ExportResult.Success;
        }
    }
}
