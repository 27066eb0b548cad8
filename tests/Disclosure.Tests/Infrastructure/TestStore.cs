using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Disclosure.Store.Building;
using Disclosure.Store.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Disclosure.Tests.Infrastructure;

/// <summary>
/// A store the store tests build into, on the suite's database: a SQLite file in a temporary folder, or a fresh
/// PostgreSQL database (<see cref="TestProvider"/>). The same test asserts the same property on both.
/// </summary>
public sealed class TestStore : IDisposable
{
    private readonly PostgresTestDatabase? _database;

    public TestStore()
    {
        if (TestProvider.IsPostgres)
        {
            _database = new PostgresTestDatabase();
        }
    }

    /// <summary>SQLite: the store file.</summary>
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "disclosure-tests", Guid.NewGuid().ToString("N"), "disclosure.db");

    /// <summary>PostgreSQL: the database's connection string.</summary>
    public string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("a SQLite store has no connection string");

    /// <summary>The API's command-line settings that serve this store.</summary>
    public string[] ApiArguments => _database is null
        ? [$"--Store:Path={Path}"]
        : ["--Database:Provider=Postgres", $"--ConnectionStrings:Disclosure={_database.ConnectionString}"];

    public Task<StoreBuildResult> BuildAsync(string seed, StoreBuildOptions? options = null) => _database is null
        ? StoreBuilder.BuildAsync(seed, Path, TimeProvider.System, options ?? StoreBuildOptions.Default, CancellationToken.None)
        : PostgresStoreBuilder.BuildAsync(seed, _database.ConnectionString, TimeProvider.System, options ?? StoreBuildOptions.Default, CancellationToken.None);

    public Task<StoreBuildResult> EnsureAsync(string seed) => _database is null
        ? StoreBuilder.EnsureAsync(seed, Path, TimeProvider.System, CancellationToken.None)
        : PostgresStoreBuilder.EnsureAsync(seed, _database.ConnectionString, TimeProvider.System, CancellationToken.None);

    /// <summary>What the store serves now, or null when it has no (readable) dataset.</summary>
    public async Task<DatasetInfo?> ReadCurrentAsync() => _database is null
        ? await StoreBuilder.ReadInfoAsync(Path, CancellationToken.None)
        : (await PostgresStoreBuilder.ReadCurrentAsync(_database.ConnectionString, CancellationToken.None))?.Info;

    /// <summary>A context reading the current dataset.</summary>
    public DisclosureDbContext Open()
    {
        if (_database is null)
        {
            return new(new DbContextOptionsBuilder<DisclosureDbContext>().UseSqlite(StoreBuilder.ReadOnlyConnectionString(Path, pooling: false)).Options);
        }
        var current = PostgresStoreBuilder.ReadCurrentAsync(_database.ConnectionString, CancellationToken.None).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException("no dataset is current");
        return new(new DbContextOptionsBuilder<DisclosureDbContext>()
            .UseNpgsql(PostgresStoreBuilder.ReaderConnectionString(_database.ConnectionString, current.Schema)).Options);
    }

    /// <summary>
    /// Everything a reader can observe of the store, as one hash. SQLite: the file's bytes. PostgreSQL: the current
    /// schema's name, every dataset schema present, and every row of every table of the current schema.
    /// </summary>
    public async Task<string> FingerprintAsync()
    {
        if (_database is null)
        {
            return Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(Path)));
        }
        var current = await PostgresStoreBuilder.ReadCurrentAsync(_database.ConnectionString, CancellationToken.None);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"current={current?.Schema}\nschemas={string.Join(',', await PostgresStoreBuilder.ListDatasetSchemasAsync(_database.ConnectionString, CancellationToken.None))}\n");
        if (current is not null)
        {
            foreach (var (table, rows) in Dump(includeDatasetInfo: true))
            {
                text.Append(table).Append('\n').AppendJoin('\n', rows).Append('\n');
            }
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Damages the store so that it cannot be read (the builder must then rebuild it).</summary>
    public async Task CorruptAsync()
    {
        if (_database is null)
        {
            await File.WriteAllTextAsync(Path, "not a database");
            return;
        }
        var current = await PostgresStoreBuilder.ReadCurrentAsync(_database.ConnectionString, CancellationToken.None);
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP TABLE \"{current!.Schema}\".\"DatasetInfo\"", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>What a build left behind besides the store: SQLite's temporary files; PostgreSQL's schemas other than the current one and the one it replaced.</summary>
    public async Task<List<string>> LeftoversAsync(int datasetSchemasExpected)
    {
        if (_database is null)
        {
            var directory = System.IO.Path.GetDirectoryName(Path)!;
            return Directory.Exists(directory) ? [.. Directory.GetFiles(directory, "*.building")] : [];
        }
        var schemas = await PostgresStoreBuilder.ListDatasetSchemasAsync(_database.ConnectionString, CancellationToken.None);
        return schemas.Count > datasetSchemasExpected ? schemas : [];
    }

    /// <summary>Every row of every table (DatasetInfo only when asked), with each value's type as the provider reads it, sorted.</summary>
    public SortedDictionary<string, List<string>> Dump(bool includeDatasetInfo = false)
    {
        if (_database is null)
        {
            using var sqlite = new SqliteConnection(StoreBuilder.ReadOnlyConnectionString(Path, pooling: false));
            sqlite.Open();
            return Dump(sqlite, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", includeDatasetInfo);
        }
        var current = PostgresStoreBuilder.ReadCurrentAsync(_database.ConnectionString, CancellationToken.None).GetAwaiter().GetResult()!;
        return DumpPostgres(PostgresStoreBuilder.ReaderConnectionString(_database.ConnectionString, current.Schema), current.Schema, includeDatasetInfo);
    }

    /// <summary>The current store's tables, columns, keys and indexes (SQLite: <c>sqlite_master</c>; PostgreSQL: <see cref="PostgresShape"/>).</summary>
    public List<string> Shape()
    {
        if (_database is null)
        {
            using var sqlite = new SqliteConnection(StoreBuilder.ReadOnlyConnectionString(Path, pooling: false));
            sqlite.Open();
            return Strings(sqlite, "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name");
        }
        var current = PostgresStoreBuilder.ReadCurrentAsync(_database.ConnectionString, CancellationToken.None).GetAwaiter().GetResult()!;
        return PostgresShape(_database.ConnectionString, current.Schema);
    }

    /// <summary>A PostgreSQL schema's rows (e.g. a store EF Core's change tracker wrote into <c>public</c>).</summary>
    public static SortedDictionary<string, List<string>> DumpPostgres(string connectionString, string schema, bool includeDatasetInfo = false)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema, Pooling = false }.ConnectionString);
        connection.Open();
        return Dump(connection, $"SELECT table_name FROM information_schema.tables WHERE table_schema = '{schema}' AND table_type = 'BASE TABLE'", includeDatasetInfo);
    }

    /// <summary>
    /// The store's shape: tables and columns (with types, nullability, collation), keys, foreign keys and indexes,
    /// with the schema's own name left out.
    /// </summary>
    public static List<string> PostgresShape(string connectionString, string schema)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        var shape = Strings(connection,
            "SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(collation_name, '-') " +
            $"FROM information_schema.columns WHERE table_schema = '{schema}'");
        shape.AddRange(Strings(connection,
            $"SELECT 'constraint ' || t.relname || ' ' || c.conname || ' ' || replace(pg_get_constraintdef(c.oid), '{schema}.', '') FROM pg_constraint c " +
            $"JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = '{schema}'"));
        shape.AddRange(Strings(connection, $"SELECT 'index ' || replace(indexdef, '{schema}.', '') FROM pg_indexes WHERE schemaname = '{schema}'"));
        shape.Sort(StringComparer.Ordinal);
        return shape;
    }

    public void Dispose()
    {
        _database?.Dispose();
        try
        {
            Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static SortedDictionary<string, List<string>> Dump(System.Data.Common.DbConnection connection, string tablesSql, bool includeDatasetInfo)
    {
        var tables = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in Strings(connection, tablesSql).Where(t => includeDatasetInfo || t != "DatasetInfo"))
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i =>
                    $"{reader.GetName(i)}={reader.GetFieldType(i).Name}:{Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)}")));
            }
            rows.Sort(StringComparer.Ordinal);
            tables[table] = rows;
        }
        return tables;
    }

    private static List<string> Strings(System.Data.Common.DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }
}
