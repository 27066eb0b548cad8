using System.Diagnostics;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Audit;

/// <summary>
/// The graphql-http 1.23.1 audit suite (tests/graphql-audit, pinned by its package-lock.json) against the API
/// served by Kestrel on a loopback port: every MUST and SHOULD audit passes.
/// </summary>
public sealed class GraphQLHttpAuditTests : IDisposable
{
    private readonly DisclosureApiFactory _api = new();

    [Fact]
    public async Task The_graphql_http_audit_suite_passes_every_must_and_should_audit()
    {
        _api.UseKestrel(0);
        _api.StartServer();
        var url = new Uri(_api.ClientOptions.BaseAddress, "/graphql").ToString();
        var folder = Path.Combine(RepoPaths.Root, "tests", "graphql-audit");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "graphql-http")))
        {
            var install = await RunAsync("npm", "ci --no-audit --no-fund", folder);
            Assert.True(install.ExitCode == 0, $"npm ci failed in tests/graphql-audit:\n{install.Output}");
        }

        var audit = await RunAsync("node", $"audit.mjs {url} --strict", folder);

        Assert.True(audit.ExitCode == 0, audit.Output);
        Assert.Contains("MUST failures: 0, SHOULD failures: 0", audit.Output);
        Assert.Contains("graphql-http audit: 61 passed, 0 failed", audit.Output);
    }

    public void Dispose() => _api.Dispose();

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
