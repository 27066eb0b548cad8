using Disclosure.Store.Building;
using Disclosure.Store.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Disclosure.Benchmarks;

/// <summary>The store a verb builds or measures: a SQLite file (<c>--store FILE</c>) or PostgreSQL (<c>--provider Postgres --connection CS</c>).</summary>
internal sealed record BenchStore(bool IsPostgres, string Location)
{
    public static BenchStore Of(Dictionary<string, string> options)
    {
        var provider = options.GetValueOrDefault("provider", "Sqlite");
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            return new(true, options.TryGetValue("connection", out var connection)
                ? connection
                : throw new ArgumentException("--provider Postgres needs --connection \"Host=…;Port=…;Username=…;Database=…\""));
        }
        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"--provider is Sqlite or Postgres, not '{provider}'");
        }
        return new(false, Path.GetFullPath(options.TryGetValue("store", out var store) ? store : throw new ArgumentException("--store is required")));
    }

    /// <summary>The API settings that serve this store.</summary>
    public IEnumerable<(string Key, string Value)> Settings => IsPostgres
        ? [("Database:Provider", "Postgres"), ("ConnectionStrings:Disclosure", Location)]
        : [("Store:Path", Location)];

    public string Description
    {
        get
        {
            if (!IsPostgres)
            {
                return Location;
            }
            var builder = new NpgsqlConnectionStringBuilder(Location);
            return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
        }
    }

    /// <summary>A context over the current dataset.</summary>
    public async Task<DisclosureDbContext> OpenAsync()
    {
        var options = new DbContextOptionsBuilder<DisclosureDbContext>();
        if (IsPostgres)
        {
            var current = await PostgresStoreBuilder.ReadCurrentAsync(Location, CancellationToken.None) ?? throw new InvalidOperationException("no dataset is current");
            options.UseNpgsql(PostgresStoreBuilder.ReaderConnectionString(Location, current.Schema));
        }
        else
        {
            options.UseSqlite(StoreBuilder.ReadOnlyConnectionString(Location, pooling: false));
        }
        return new DisclosureDbContext(options.Options);
    }

    /// <summary>SQLite: the file's size. PostgreSQL: the current schema's tables, indexes and TOAST.</summary>
    public async Task<long> SizeAsync()
    {
        if (!IsPostgres)
        {
            return new FileInfo(Location).Length;
        }
        var current = await PostgresStoreBuilder.ReadCurrentAsync(Location, CancellationToken.None) ?? throw new InvalidOperationException("no dataset is current");
        await using var connection = new NpgsqlConnection(Location);
        await connection.OpenAsync();
        await using var size = new NpgsqlCommand(
            "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " +
            "WHERE n.nspname = $1 AND c.relkind = 'r'", connection);
        size.Parameters.Add(new() { Value = current.Schema });
        return (long)(await size.ExecuteScalarAsync())!;
    }
}
