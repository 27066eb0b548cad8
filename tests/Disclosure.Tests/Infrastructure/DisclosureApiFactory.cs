using Disclosure.Store.Building;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Tests.Infrastructure;

/// <summary>
/// The API through its real pipeline, on a real SQLite store built from the repository's seed-data/ into a
/// temporary folder (so tests never touch a developer's store).
/// </summary>
public sealed class DisclosureApiFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "disclosure-tests", Guid.NewGuid().ToString("N"));

    public SqlCommandCounter SqlCommands { get; } = new();

    /// <summary>
    /// The store file; by default in this factory's own temporary folder. Two factories given one path are two API
    /// processes serving one store (the first one started builds it).
    /// </summary>
    public string StorePath
    {
        get => _storePath ?? Path.Combine(_directory, "disclosure.db");
        init => _storePath = value;
    }

    private readonly string? _storePath;

    /// <summary>The seed folder the store is built from (a test may point it at a temporary copy it edits).</summary>
    public string SeedDirectory { get; init; } = RepoPaths.SeedData;

    /// <summary>Extra configuration, e.g. <c>Caching:ServerCacheEnabled</c>.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    /// <summary>More EF Core interceptors, e.g. one that makes every SQL command slow.</summary>
    public List<IInterceptor> Interceptors { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Store:SeedDirectory", SeedDirectory);
        builder.UseSetting("Store:Path", StorePath);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IInterceptor>(SqlCommands);
            foreach (var interceptor in Interceptors)
            {
                services.AddSingleton(interceptor);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ApiTestGroup : ICollectionFixture<DisclosureApiFactory>
{
    public const string Name = "api";
}
