using Disclosure.Store.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Disclosure.Store.Building;

/// <summary>
/// Writes store rows into a PostgreSQL schema in bulk, with binary <c>COPY</c> (never row-by-row INSERTs). The store
/// mapper yields the rows of several tables interleaved (a fact, then its citations), and one connection carries one
/// COPY at a time, so each table gets its own connection and COPY stream, opened on its first row. Table and column
/// names and each value's conversion (enums by name) come from the EF model, as for <see cref="StoreWriter"/>.
/// The schema is not yet current while it is loaded, so no reader sees these rows before the builder switches to it.
/// </summary>
internal sealed class PostgresStoreWriter : IAsyncDisposable
{
    private readonly DisclosureDbContext _db;
    private readonly NpgsqlConnectionStringBuilder _connection;
    private readonly ISqlGenerationHelper _sql;
    private readonly Dictionary<Type, TableCopy> _tables = [];

    public PostgresStoreWriter(DisclosureDbContext db, string connectionString, string schema)
    {
        _db = db;
        _sql = db.GetService<ISqlGenerationHelper>();
        _connection = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema, Pooling = false };
    }

    private readonly FactTally _tally = new();

    public int Facts => _tally.Facts;

    public int Citations => _tally.Citations;

    public void Add(object row)
    {
        var type = row.GetType();
        if (!_tables.TryGetValue(type, out var table))
        {
            var entity = _db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the store model");
            _tables[type] = table = new TableCopy(entity, _connection.ConnectionString, _sql);
        }
        table.Write(row);
        _tally.Count(row);
    }

    /// <summary>Ends every COPY and commits it (into the schema that is not yet current).</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        foreach (var table in _tables.Values)
        {
            await table.CompleteAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var table in _tables.Values)
        {
            await table.DisposeAsync();
        }
    }

    /// <summary>One table's binary COPY on its own connection, with the wire type of each column.</summary>
    private sealed class TableCopy : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlBinaryImporter _importer;
        private readonly StoreTable _table;
        private readonly NpgsqlDbType[] _types;

        public TableCopy(IEntityType entity, string connectionString, ISqlGenerationHelper sql)
        {
            _table = new StoreTable(entity, sql);
            _types = [.. _table.Properties.Select(p => WireType(p.GetTypeMapping().Converter?.ProviderClrType ?? p.ClrType))];
            _connection = new NpgsqlConnection(connectionString);
            _connection.Open();
            _importer = _connection.BeginBinaryImport($"COPY {_table.Name} ({_table.Columns}) FROM STDIN (FORMAT BINARY)");
        }

        public void Write(object row)
        {
            _importer.StartRow();
            for (var i = 0; i < _types.Length; i++)
            {
                var value = _table.Value(row, i);
                var type = _types[i];
                if (value is null)
                {
                    _importer.WriteNull();
                    continue;
                }
                switch (value)
                {
                    case string text:
                        _importer.Write(text, type);
                        break;
                    case int number:
                        _importer.Write(number, type);
                        break;
                    case long number:
                        _importer.Write(number, type);
                        break;
                    case double number:
                        _importer.Write(number, type);
                        break;
                    case bool flag:
                        _importer.Write(flag, type);
                        break;
                    case DateOnly date:
                        _importer.Write(date, type);
                        break;
                    case DateTimeOffset instant:
                        _importer.Write(instant.UtcDateTime, type);
                        break;
                    default:
                        throw new NotSupportedException($"store build: no COPY binding for {value.GetType().Name}; add it here");
                }
            }
        }

        public async Task CompleteAsync(CancellationToken cancellationToken)
        {
            await _importer.CompleteAsync(cancellationToken);
            await _importer.CloseAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            await _importer.DisposeAsync();
            await _connection.DisposeAsync();
        }

        private static NpgsqlDbType WireType(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            return type == typeof(string) ? NpgsqlDbType.Text
                : type == typeof(int) ? NpgsqlDbType.Integer
                : type == typeof(long) ? NpgsqlDbType.Bigint
                : type == typeof(double) ? NpgsqlDbType.Double
                : type == typeof(bool) ? NpgsqlDbType.Boolean
                : type == typeof(DateOnly) ? NpgsqlDbType.Date
                : type == typeof(DateTimeOffset) ? NpgsqlDbType.TimestampTz
                : throw new NotSupportedException($"store build: no COPY type for {type.Name}; add it here");
        }
    }
}
