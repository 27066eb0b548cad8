using Disclosure.Store.Building;
using Disclosure.Store.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Disclosure.Api.Store;

/// <summary>The dataset being served and the connection string that reads it.</summary>
public sealed record ServedStore(DatasetInfo Dataset, string ConnectionString);

/// <summary>
/// The one place that differs between the store's databases: how the store is built or kept, which dataset is
/// current, and how a DbContext reads it. Everything above (schema, resolvers, paging, caching) is the same code.
/// </summary>
public abstract class StoreBackend
{
    /// <summary>Where the store lives, for logs and command output (never includes a password).</summary>
    public abstract string Description { get; }

    /// <summary>Builds the store when it is missing or its dataset version differs from the seed's; otherwise leaves it.</summary>
    public abstract Task<StoreBuildResult> EnsureAsync(CancellationToken cancellationToken);

    /// <summary>Builds the store from the seed folder, whatever it holds now (<c>store build</c>).</summary>
    public abstract Task<StoreBuildResult> BuildAsync(StoreBuildOptions options, CancellationToken cancellationToken);

    /// <summary>The current dataset and how to read it, or null when there is none (or it cannot be read).</summary>
    public abstract Task<ServedStore?> ReadCurrentAsync(CancellationToken cancellationToken);

    /// <summary>Points a DbContext at the served store.</summary>
    public abstract DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, ServedStore store);

    /// <summary>Drops pooled connections to a store that is no longer served.</summary>
    public abstract void Release(ServedStore old);

    public static StoreBackend Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var location = services.GetRequiredService<StoreLocation>();
        return options.Provider switch
        {
            StoreProvider.Sqlite => new SqliteStoreBackend(location),
            StoreProvider.Postgres => new PostgresStoreBackend(location, options.ConnectionString
                ?? throw new InvalidOperationException($"Database:Provider is Postgres but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not set.")),
            _ => throw new InvalidOperationException($"Unknown Database:Provider {options.Provider}."),
        };
    }
}

/// <summary>The SQLite store: one file, replaced atomically by a rename when rebuilt, read read-only.</summary>
public sealed class SqliteStoreBackend(StoreLocation location) : StoreBackend
{
    public override string Description => location.StorePath;

    public override Task<StoreBuildResult> EnsureAsync(CancellationToken cancellationToken) =>
        StoreBuilder.EnsureAsync(location.SeedDirectory, location.StorePath, TimeProvider.System, cancellationToken);

    public override Task<StoreBuildResult> BuildAsync(StoreBuildOptions options, CancellationToken cancellationToken) =>
        StoreBuilder.BuildAsync(location.SeedDirectory, location.StorePath, TimeProvider.System, options, cancellationToken);

    public override async Task<ServedStore?> ReadCurrentAsync(CancellationToken cancellationToken) =>
        await StoreBuilder.ReadInfoAsync(location.StorePath, cancellationToken) is { } info
            ? new ServedStore(info, StoreBuilder.ReadOnlyConnectionString(location.StorePath))
            : null;

    // A list of keys (a loader's batch) is one JSON parameter (json_each), so a query's SQL is the same for every batch
    // size and EF Core generates it once. As separate parameters (EF Core 10's default) the SQL changes with the count,
    // and a profile of the query mix showed EF Core generating SQL again for most batches (RelationalCommandCache: 10.9%
    // of request CPU before, 1.9% after).
    public override DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, ServedStore store) =>
        builder.UseSqlite(store.ConnectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));

    // Pooled connections still hold the replaced file open.
    public override void Release(ServedStore old) => SqliteConnection.ClearAllPools();
}

/// <summary>
/// The PostgreSQL store: one schema per dataset and a pointer to the current one (<see cref="PostgresStoreBuilder"/>).
/// Readers reach the current schema through the search path of their connection string, so a request pays no
/// extra round trip; a new dataset gets a new connection string (and so a new connection pool).
/// </summary>
public sealed class PostgresStoreBackend(StoreLocation location, string connectionString) : StoreBackend
{
    public string ConnectionString => connectionString;

    public override string Description
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
        }
    }

    public override Task<StoreBuildResult> EnsureAsync(CancellationToken cancellationToken) =>
        PostgresStoreBuilder.EnsureAsync(location.SeedDirectory, connectionString, TimeProvider.System, cancellationToken);

    public override Task<StoreBuildResult> BuildAsync(StoreBuildOptions options, CancellationToken cancellationToken) =>
        PostgresStoreBuilder.BuildAsync(location.SeedDirectory, connectionString, TimeProvider.System, options, cancellationToken);

    public override async Task<ServedStore?> ReadCurrentAsync(CancellationToken cancellationToken) =>
        await PostgresStoreBuilder.ReadCurrentAsync(connectionString, cancellationToken) is { } current
            ? new ServedStore(current.Info, PostgresStoreBuilder.ReaderConnectionString(connectionString, current.Schema))
            : null;

    /// <summary>The current dataset's version, by one small query (what <see cref="StorePoller"/> asks).</summary>
    public async Task<string?> ReadCurrentVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return (await PostgresStoreBuilder.ReadPointerAsync(connection, cancellationToken))?.Version;
    }

    // The same for PostgreSQL: a batch of keys is one array parameter (= ANY (@keys)), one SQL text for every batch size.
    public override DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, ServedStore store) =>
        builder.UseNpgsql(store.ConnectionString, npgsql => npgsql.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));

    public override void Release(ServedStore old)
    {
        using var connection = new NpgsqlConnection(old.ConnectionString);
        NpgsqlConnection.ClearPool(connection);
    }
}
