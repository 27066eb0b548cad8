using Disclosure.Store.Building;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Tests.Infrastructure;

/// <summary>
/// The API through its real pipeline, on a real store built from the repository's seed-data/: a SQLite file in a
/// temporary folder, or (the PostgreSQL suite, <see cref="TestProvider"/>) a fresh PostgreSQL database dropped on
/// dispose, so tests never touch a developer's store.
/// </summary>
public class DisclosureApiFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "disclosure-tests", Guid.NewGuid().ToString("N"));

    public SqlCommandCounter SqlCommands { get; } = new();

    // Created when first needed, so a factory that shares another's store creates no database of its own.
    private readonly Lazy<PostgresTestDatabase?> _ownDatabase = new(() => TestProvider.IsPostgres ? new PostgresTestDatabase() : null);

    /// <summary>
    /// Another factory whose store (SQLite file or PostgreSQL database) this one serves too: two factories sharing a
    /// store are two API processes (replicas) on one store; the owner builds it and drops it.
    /// </summary>
    public DisclosureApiFactory? SharesStoreOf { get; init; }

    private PostgresTestDatabase? Database => SharesStoreOf is { } owner ? owner.Database : _ownDatabase.Value;

    public string StorePath => SharesStoreOf?.StorePath ?? Path.Combine(_directory, "disclosure.db");

    /// <summary>Rebuilds the store the API serves, as <c>store build</c> run by another process would.</summary>
    public Task<StoreBuildResult> BuildStoreAsync(string seedDirectory) => Database is not { } database
        ? StoreBuilder.BuildAsync(seedDirectory, StorePath, TimeProvider.System, CancellationToken.None)
        : PostgresStoreBuilder.BuildAsync(seedDirectory, database.ConnectionString, TimeProvider.System, CancellationToken.None);

    /// <summary>
    /// The seed folder the store is built from: the curated facts only by default (<see cref="RepoPaths.CuratedSeedData"/>);
    /// the whole seed-data/ for <see cref="FullDatasetApiFactory"/>; a test may point it at a temporary copy it edits.
    /// </summary>
    public string SeedDirectory { get; init; } = RepoPaths.CuratedSeedData;

    /// <summary>Extra configuration, e.g. <c>Caching:ServerCacheEnabled</c>.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    /// <summary>The clock the API runs on (the rate limiter's buckets among others); the system clock when null.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>More EF Core interceptors, e.g. one that makes every SQL command slow.</summary>
    public List<IInterceptor> Interceptors { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Store:SeedDirectory", SeedDirectory);
        builder.UseSetting("Store:Path", StorePath);
        if (Database is { } database)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Disclosure", database.ConnectionString);
        }
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
            if (Clock is not null)
            {
                services.AddSingleton(Clock);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_ownDatabase.IsValueCreated)
        {
            _ownDatabase.Value?.Dispose();
        }
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

/// <summary>The API on the whole seed-data/: the curated facts and every imported dataset.</summary>
public sealed class FullDatasetApiFactory : DisclosureApiFactory
{
    public FullDatasetApiFactory() => SeedDirectory = RepoPaths.SeedData;
}

[CollectionDefinition(Name)]
public sealed class FullDatasetGroup : ICollectionFixture<FullDatasetApiFactory>
{
    public const string Name = "full dataset";
}

[CollectionDefinition(Name)]
public sealed class ApiTestGroup : ICollectionFixture<DisclosureApiFactory>
{
    public const string Name = "api";
}
