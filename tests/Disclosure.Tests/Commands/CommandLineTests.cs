using System.Diagnostics;
using Disclosure.Store.Building;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Commands;

/// <summary>The API process itself: `store build`, and start-up on a broken seed (exits non-zero, store untouched).</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Store_build_builds_and_reports_the_dataset()
    {
        var (exitCode, output) = await RunApiAsync(RepoPaths.SeedData, "store", "build");

        Assert.Equal(0, exitCode);
        Assert.Contains("dataset sha256:", output);
        Assert.Equal(DatasetVersion.Compute(RepoPaths.SeedData), (await _store.ReadCurrentAsync())?.Version);
    }

    [Fact]
    public async Task A_broken_seed_stops_the_api_with_a_clear_error_and_keeps_the_store()
    {
        Assert.Equal(0, (await RunApiAsync(RepoPaths.SeedData, "store", "build")).ExitCode);
        var before = await _store.FingerprintAsync();
        var seed = RepoPaths.CopySeedData();
        await File.WriteAllTextAsync(Path.Combine(seed, "targets.json"), "{ \"targets\": [ { \"id\": \"Not A Slug\" } ] }");

        var build = await RunApiAsync(seed, "store", "build");
        var serve = await RunApiAsync(seed, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, build.ExitCode);
        Assert.Contains("targets.json: $.targets[0]", build.Output);
        Assert.Equal(1, serve.ExitCode);
        Assert.Contains("targets.json: $.targets[0]", serve.Output);
        Assert.Equal(before, await _store.FingerprintAsync());
    }

    private async Task<(int ExitCode, string Output)> RunApiAsync(string seed, params string[] args)
    {
        var api = Path.Combine(AppContext.BaseDirectory, "Disclosure.Api.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[api, .. args, $"--Store:SeedDirectory={seed}", .. _store.ApiArguments])
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the API process did not exit within 60 s");
        }
        return (process.ExitCode, await output + await error);
    }
}
