namespace Disclosure.Api.Store;

/// <summary>The store's database engine.</summary>
public enum StoreProvider
{
    /// <summary>A read-only SQLite file built beside the seed folder (the default; see <see cref="StoreOptions.Path"/>).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database (<c>ConnectionStrings:Disclosure</c>), one schema per dataset.</summary>
    Postgres,
}

/// <summary>
/// Which database serves the store (configuration section <c>Database</c>), and for PostgreSQL the connection string
/// (<c>ConnectionStrings:Disclosure</c>, bound here as <see cref="ConnectionString"/>).
/// </summary>
public sealed class DatabaseOptions
{
    public const string ConnectionStringName = "Disclosure";

    /// <summary><c>Database:Provider</c>: <c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>
    /// <c>Database:PollInterval</c>: how often a running API asks PostgreSQL which dataset is current (one one-row
    /// query), to pick up a store rebuilt by another process or replica. SQLite watches its file instead.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary><c>ConnectionStrings:Disclosure</c>: the PostgreSQL database (required when the provider is Postgres).</summary>
    public string? ConnectionString { get; set; }
}
