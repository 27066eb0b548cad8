using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Disclosure.Benchmarks;

/// <summary>
/// <c>shutdown --seed DIR --store FILE [--concurrency N] [--drain-delay T]</c>: the API as a child process
/// (<c>dotnet Disclosure.Api.dll</c> on a free 127.0.0.1 port) under load, then SIGTERM: how long until readiness is
/// 503, how long until the process exits, and what every request got (200, refused connection, 5xx).
/// </summary>
internal static class ShutdownBenchmark
{
    public static async Task<int> RunAsync(string seed, string store, int concurrency, string drainDelay)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var address = new Uri($"http://127.0.0.1:{port}");
        var dll = Path.Combine(AppContext.BaseDirectory, "Disclosure.Api.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[dll, "--urls", address.ToString().TrimEnd('/'), $"--Store:SeedDirectory={Path.GetFullPath(seed)}",
                     $"--Store:Path={Path.GetFullPath(store)}", "--Caching:ServerCacheEnabled=false", $"--Shutdown:DrainDelay={drainDelay}"])
        {
            start.ArgumentList.Add(argument);
        }
        using var api = Process.Start(start)!;
        api.OutputDataReceived += (_, _) => { };
        api.ErrorDataReceived += (_, _) => { };
        api.BeginOutputReadLine();
        api.BeginErrorReadLine();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var ready = Stopwatch.StartNew();
        while (!await IsReadyAsync(client, address))
        {
            if (ready.Elapsed > TimeSpan.FromSeconds(120) || api.HasExited)
            {
                Console.Error.WriteLine("the API did not become ready within 120 s");
                api.Kill(entireProcessTree: true);
                return 1;
            }
            await Task.Delay(100);
        }

        var answers = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var load = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && !api.HasExited)
            {
                try
                {
                    using var response = await client.PostAsJsonAsync(new Uri(address, "/graphql"), new { query = "{ organizations(first: 10) { nodes { name } } }" });
                    answers.Add(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                catch (HttpRequestException)
                {
                    answers.Add("refused");
                    await Task.Delay(20);
                }
            }
        })).ToArray();
        await Task.Delay(3000);
        var before = answers.Count;

        var clock = Stopwatch.StartNew();
        Process.Start("kill", ["-TERM", api.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        double? notReady = null;
        while (!api.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (notReady is null && !await IsReadyAsync(client, address))
            {
                notReady = clock.Elapsed.TotalMilliseconds;
            }
            await Task.Delay(notReady is null ? 10 : 50);
        }
        var exited = clock.Elapsed.TotalMilliseconds;
        await stop.CancelAsync();
        await Task.WhenAll(load);
        Console.WriteLine($"requests before SIGTERM: {before} in 3 s at concurrency {concurrency}");
        Console.WriteLine($"readiness 503 after: {notReady:0} ms");
        Console.WriteLine($"exited after: {exited:0} ms (exit code {(api.HasExited ? api.ExitCode : -1)}; drain delay {drainDelay})");
        Console.WriteLine($"answers: {string.Join(", ", answers.GroupBy(a => a).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"))}");
        var failed = answers.Count(a => a.StartsWith('5'));
        Console.WriteLine($"failed requests (5xx): {failed}");
        return api.HasExited && api.ExitCode == 0 && failed == 0 ? 0 : 1;
    }

    private static async Task<bool> IsReadyAsync(HttpClient client, Uri address)
    {
        try
        {
            using var response = await client.GetAsync(new Uri(address, "/health/ready"));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
