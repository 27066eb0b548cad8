using Disclosure.Store.Building;
using Disclosure.Store.Data;
using Disclosure.Store.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Disclosure.Api.Store;

public static class StoreServiceCollectionExtensions
{
    /// <summary>The read-only store: a pooled DbContext factory (one short-lived context per resolver or batch).</summary>
    public static IServiceCollection AddDisclosureStore(this IServiceCollection services)
    {
        services.AddOptions<StoreOptions>().BindConfiguration("Store");
        services.AddSingleton<StoreLocation>();
        services.AddSingleton<StoreState>();
        // A store rebuilt under the running API (`store build`) is picked up without a restart.
        services.AddHostedService<StoreWatcher>();
        // The current dataset (it changes when StoreState is refreshed after a rebuild).
        services.AddTransient(sp => sp.GetRequiredService<StoreState>().Dataset
            ?? throw new InvalidOperationException("The store has not been ensured yet."));
        services.AddPooledDbContextFactory<DisclosureDbContext>((sp, options) => options
            // A list of keys (a loader's batch) is one JSON parameter (json_each), so a query's SQL is the same for
            // every batch size and EF Core generates it once. As separate parameters (EF Core 10's default) the SQL
            // changes with the count, and a profile of the query mix showed EF Core generating SQL again for most
            // batches (RelationalCommandCache: 10.9% of request CPU before, 1.9% after).
            .UseSqlite(StoreBuilder.ReadOnlyConnectionString(sp.GetRequiredService<StoreLocation>().StorePath),
                sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            // Diagnostics (e.g. the tests' SQL command counter) plug in as registered interceptors.
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        return services;
    }

    /// <summary>
    /// Builds the store when it is missing or older than the seed data, then records what it was built from.
    /// Returns false (after logging every error with its file and JSON path) when the seed data is broken; the
    /// previous store is left as it was.
    /// </summary>
    public static async Task<bool> EnsureStoreAsync(this WebApplication app)
    {
        var location = app.Services.GetRequiredService<StoreLocation>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Disclosure.Store");
        try
        {
            var result = await StoreBuilder.EnsureAsync(location.SeedDirectory, location.StorePath, TimeProvider.System, app.Lifetime.ApplicationStopping);
            app.Services.GetRequiredService<StoreState>().Dataset = result.Dataset;
            logger.LogInformation("Store {Action} {Path}: dataset {Version}, {Facts} facts, {Citations} citations ({Elapsed} ms)",
                result.Built ? "built" : "up to date at", location.StorePath, result.Dataset.Version, result.Dataset.FactCount,
                result.Dataset.CitationCount, (long)result.Elapsed.TotalMilliseconds);
            return true;
        }
        catch (SeedValidationException e)
        {
            logger.LogCritical("{Message}", e.Message);
            return false;
        }
    }
}
