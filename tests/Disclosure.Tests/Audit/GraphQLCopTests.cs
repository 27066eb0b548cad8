using System.Diagnostics;
using System.Text.Json.Nodes;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Audit;

/// <summary>
/// graphql-cop 1.15 (tests/graphql-cop, dolevf/graphql-cop at 2b7e086, MIT; Debian's python3-requests,
/// python3-simplejson, python3-termcolor and python3-socks) against the API served by Kestrel on a loopback port. Of its
/// 12 checks, the ones it still flags are decisions documented in the README (Limits), each with its bound; any
/// other flag fails the test.
/// </summary>
public sealed class GraphQLCopTests : IDisposable
{
    /// <summary>Flagged on purpose: a public, read-only, cacheable API with a playground (see README, Limits).</summary>
    private static readonly string[] Decisions =
    [
        "Alias Overloading", // bounded by the field count (2,048), the cost limit and the rate limits
        "Field Suggestions", // the schema is public (introspection, /graphql/schema.graphql): suggestions reveal nothing
        "GET Method Query Support", // queries only (mutations do not exist; GET refuses non-queries with 405), no cookies
        "Introspection", // open for the playground and client generators, bounded by the introspection nesting rule
    ];

    private readonly DisclosureApiFactory _api = new();

    [Fact]
    public async Task Graphql_cop_flags_only_the_documented_decisions()
    {
        _api.UseKestrel(0);
        _api.StartServer();
        var url = new Uri(_api.ClientOptions.BaseAddress, "/graphql").ToString();
        var folder = Path.Combine(RepoPaths.Root, "tests", "graphql-cop");

        // Debian's interpreter, which the Debian packages above are installed for (a pyenv or venv python3 on PATH is not).
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var (exitCode, output) = await RunAsync(python, $"graphql-cop.py -t {url} -o json", folder);

        Assert.True(exitCode == 0, $"graphql-cop failed (it needs Debian's python3-requests python3-simplejson python3-termcolor python3-socks):\n{output}");
        var json = output.Split('\n').Last(line => line.StartsWith('['));
        var checks = JsonNode.Parse(json)!.AsArray().Select(c => (Title: c!["title"]!.GetValue<string>(), Flagged: c["result"]!.GetValue<bool>())).ToList();
        Assert.Equal(12, checks.Count);
        var flagged = checks.Where(c => c.Flagged).Select(c => c.Title).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Decisions.Order(StringComparer.Ordinal).ToArray(), flagged);
    }

    public void Dispose() => _api.Dispose();

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // No bytecode caches written into the repository.
            Environment = { ["PYTHONDONTWRITEBYTECODE"] = "1" },
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
