using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Disclosure.BrowserTests;

/// <summary>
/// The API on a real loopback port (Kestrel, so a real browser can reach it), with its store built from the
/// repository's seed-data/ into a temporary folder; and one headless Debian Chromium driven by Playwright.
/// </summary>
public sealed class PlaygroundServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Debian's chromium package; Playwright's own browser download cannot work on this machine.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "disclosure-browser-tests", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Where screenshots go (a test artifact beside the test binaries).</summary>
    public static string ArtifactsDirectory => Path.Combine(AppContext.BaseDirectory, "artifacts");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Store:SeedDirectory", Path.Combine(RepoRoot, "seed-data"));
        builder.UseSetting("Store:Path", Path.Combine(_directory, "disclosure.db"));
    }

    public async Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        BaseAddress = ClientOptions.BaseAddress;
        Assert.True(BaseAddress.IsLoopback, $"the API must listen on loopback, not {BaseAddress}");

        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: apt-get install -y chromium");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        await DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Disclosure.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Disclosure.sln not found above the test binaries.");
    }
}

[CollectionDefinition(Name)]
public sealed class PlaygroundTestGroup : ICollectionFixture<PlaygroundServer>
{
    public const string Name = "playground";
}
