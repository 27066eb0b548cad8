using Disclosure.Store.Data;
using Disclosure.Store.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Api.Store;

public static class StoreServiceCollectionExtensions
{
    /// <summary>The read-only store: a pooled DbContext factory (one short-lived context per resolver or batch).</summary>
    public static IServiceCollection AddDisclosureStore(this IServiceCollection services)
    {
        services.AddOptions<StoreOptions>().BindConfiguration("Store");
        services.AddOptions<DatabaseOptions>().BindConfiguration("Database")
            .Configure<IConfiguration>((o, configuration) => o.ConnectionString ??= configuration.GetConnectionString(DatabaseOptions.ConnectionStringName))
            .Validate(o => o.Provider != StoreProvider.Postgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                $"Database:Provider is Postgres: set ConnectionStrings:{DatabaseOptions.ConnectionStringName} to the PostgreSQL connection string.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Database:PollInterval must be positive.");
        services.AddSingleton<StoreLocation>();
        services.AddSingleton(StoreBackend.Create);
        services.AddSingleton<StoreState>();
        // A store rebuilt under the running API (`store build`, another replica) is picked up without a restart:
        // SQLite by watching the file, PostgreSQL by polling the current dataset version.
        services.AddHostedService<StoreWatcher>();
        services.AddHostedService<StorePoller>();
        // The current dataset (it changes when StoreState is refreshed after a rebuild).
        services.AddTransient(sp => sp.GetRequiredService<StoreState>().Dataset
            ?? throw new InvalidOperationException("The store has not been ensured yet."));
        services.AddSingleton<IDbContextFactory<DisclosureDbContext>, ServedContextFactory>();
        return services;
    }

    /// <summary>
    /// Builds the store when it is missing or older than the seed data, then serves what it was built from.
    /// Returns false (after logging every error with its file and JSON path) when the seed data is broken; the
    /// previous store is left as it was.
    /// </summary>
    public static async Task<bool> EnsureStoreAsync(this WebApplication app)
    {
        var backend = app.Services.GetRequiredService<StoreBackend>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Disclosure.Store");
        try
        {
            var result = await backend.EnsureAsync(app.Lifetime.ApplicationStopping);
            var state = app.Services.GetRequiredService<StoreState>();
            await state.RefreshAsync(app.Lifetime.ApplicationStopping);
            if (state.Dataset is null)
            {
                throw new InvalidOperationException($"The store {backend.Description} was ensured but cannot be read.");
            }
            logger.LogInformation("Store {Action} {Store}: dataset {Version}, {Facts} facts, {Citations} citations ({Elapsed} ms)",
                result.Built ? "built" : "up to date at", backend.Description, state.Dataset.Version, state.Dataset.FactCount,
                state.Dataset.CitationCount, (long)result.Elapsed.TotalMilliseconds);
            return true;
        }
        catch (SeedValidationException e)
        {
            logger.LogCritical("{Message}", e.Message);
            return false;
        }
    }
}
