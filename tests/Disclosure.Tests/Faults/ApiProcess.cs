using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Faults;

/// <summary>
/// The built API (<c>src/Disclosure.Api/bin/&lt;configuration&gt;/net10.0/Disclosure.Api.dll</c>) run as a child process,
/// as <c>dotnet Disclosure.Api.dll</c> would be in production: serving on a free 127.0.0.1 port, or running
/// <c>store build</c>. Its output is kept for assertions and failure messages. Every wait is bounded.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ApiProcess(Process process, Uri? baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string ApiDll { get; } = Path.Combine(RepoPaths.Root, "src", "Disclosure.Api", "bin",
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name, "net10.0", "Disclosure.Api.dll");

    public Uri? BaseAddress { get; }

    public Process Process => _process;

    public string Output => string.Join('\n', _output);

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the API serving on a free loopback port (not yet ready: see <see cref="WaitReadyAsync"/>).</summary>
    public static ApiProcess Serve(params string[] settings)
    {
        var port = ThrowawayServers.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        return new ApiProcess(Start(["--urls", address.ToString().TrimEnd('/'), .. settings]), address);
    }

    /// <summary>Starts <c>store build</c>.</summary>
    public static ApiProcess Build(params string[] settings) => new(Start(["store", "build", .. settings]), null);

    private static Process Start(string[] arguments)
    {
        Assert.True(File.Exists(ApiDll), $"{ApiDll} is missing: build the solution first");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(ApiDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(ApiDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        return Process.Start(start)!;
    }

    /// <summary>Waits until /health/ready answers 200 (bounded); fails with the process output otherwise.</summary>
    public async Task WaitReadyAsync(HttpClient client, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            Assert.False(_process.HasExited, $"the API exited ({(_process.HasExited ? _process.ExitCode : 0)}):\n{Output}");
            try
            {
                using var ready = await client.GetAsync(new Uri(BaseAddress!, "/health/ready"));
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        Assert.Fail($"the API was not ready within {timeout.TotalSeconds:0} s:\n{Output}");
    }

    /// <summary>Waits for the process to exit (bounded); returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the process did not exit within {timeout.TotalSeconds:0} s:\n{Output}");
        }
        _process.WaitForExit(); // drains the output
        return _process.ExitCode;
    }

    /// <summary>SIGKILL (kill -9): no clean-up code of the process runs.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM, as an orchestrator stopping the container.</summary>
    public void Terminate() => Assert.Equal(0, ThrowawayServers.Run("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(5)).ExitCode);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token).ConfigureAwait(false);
        }
        _process.Dispose();
    }

    /// <summary>POSTs a query; returns the status, Retry-After and parsed body.</summary>
    public async Task<(int Status, string? RetryAfter, JsonElement Body)> QueryAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsJsonAsync(new Uri(BaseAddress!, "/graphql"), new { query });
        var text = await response.Content.ReadAsStringAsync();
        JsonElement body;
        try
        {
            body = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            body = JsonDocument.Parse(JsonSerializer.Serialize(new { raw = text })).RootElement.Clone();
        }
        return ((int)response.StatusCode, response.Headers.RetryAfter?.ToString(), body);
    }

    /// <summary>The dataset version the API serves, by a GraphQL query.</summary>
    public async Task<string> DatasetVersionAsync(HttpClient client)
    {
        var (status, _, body) = await QueryAsync(client, "{ dataset { version } }");
        Assert.True(status == 200, $"{status}: {body}\n{Output}");
        return body.GetProperty("data").GetProperty("dataset").GetProperty("version").GetString()!;
    }
}
