using System.Globalization;
using System.Runtime.CompilerServices;
using Disclosure.Store.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

[assembly: InternalsVisibleTo("Disclosure.Tests")]
[assembly: InternalsVisibleTo("Disclosure.Tests.Postgres")]

namespace Disclosure.Store.Building;

/// <summary>
/// Writes store rows in bulk: one prepared <c>INSERT</c> per table, inside one transaction, bypassing EF Core's
/// change tracker. The table and column names, and the conversion of each value (enums stored by name, dates),
/// come from the EF model of <see cref="DisclosureDbContext"/>, so the mapping is defined in one place. Secondary
/// indexes are dropped before loading and created again afterwards (faster than maintaining them row by row).
/// </summary>
internal sealed class StoreWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly DisclosureDbContext _db;
    private readonly Dictionary<Type, TableInserter> _tables = [];
    private readonly List<string> _indexes = [];

    private StoreWriter(DisclosureDbContext db, SqliteConnection connection)
    {
        _db = db;
        _connection = connection;
        Execute("PRAGMA foreign_keys=OFF;");
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name";
            using var reader = list.ExecuteReader();
            var names = new List<string>();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
                _indexes.Add(reader.GetString(1));
            }
            reader.Close();
            var sql = db.GetService<ISqlGenerationHelper>();
            foreach (var name in names)
            {
                Execute($"DROP INDEX {sql.DelimitIdentifier(name)};");
            }
        }
        _transaction = connection.BeginTransaction();
    }

    private readonly FactTally _tally = new();

    public int Facts => _tally.Facts;

    public int Citations => _tally.Citations;

    /// <summary>Opens a bulk load on a store whose schema <c>EnsureCreated</c> has just made.</summary>
    public static StoreWriter Begin(DisclosureDbContext db, SqliteConnection connection) => new(db, connection);

    public void Add(object row)
    {
        var type = row.GetType();
        if (!_tables.TryGetValue(type, out var table))
        {
            var entity = _db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the store model");
            _tables[type] = table = new TableInserter(entity, _connection, _db.GetService<ISqlGenerationHelper>());
        }
        table.Insert(row);
        _tally.Count(row);
    }

    /// <summary>Commits the rows, creates the indexes again and checks every foreign key.</summary>
    public void Complete(Action<string> done)
    {
        // Two citations sharing an ID (see CitationIdClashes) are told apart before the unique index is built: without a
        // journal, a CREATE INDEX that fails cannot be rolled back.
        if (CitationIdClashes.Apply(_connection, _transaction) is > 0 and var lengthened)
        {
            done($"{lengthened} clashing citation IDs lengthened");
        }
        foreach (var index in _indexes)
        {
            using var create = _connection.CreateCommand();
            create.Transaction = _transaction;
            create.CommandText = index;
            create.ExecuteNonQuery();
        }
        done("indexes created");
        using (var check = _connection.CreateCommand())
        {
            // The validator has resolved every reference; this is the safety net for the mapping itself.
            check.Transaction = _transaction;
            check.CommandText = "PRAGMA foreign_key_check;";
            using var reader = check.ExecuteReader();
            if (reader.Read())
            {
                throw new InvalidOperationException(
                    $"store build: a row of {reader.GetString(0)} refers to a missing row of {reader.GetString(2)}");
            }
        }
        done("foreign keys checked");
        _transaction.Commit();
        Execute("PRAGMA foreign_keys=ON;");
    }

    public void Dispose()
    {
        foreach (var table in _tables.Values)
        {
            table.Dispose();
        }
        _transaction.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// One table's prepared INSERT (names and values from <see cref="StoreTable"/>). The statement is
    /// bound and stepped through SQLite's own API (the handle of the same connection and transaction): binding by
    /// position, without the per-execution name lookups of <see cref="SqliteCommand"/>, is what makes millions of
    /// rows cheap. Values bind as Microsoft.Data.Sqlite binds them (dates as yyyy-MM-dd text).
    /// </summary>
    private sealed class TableInserter : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _statement;
        private readonly StoreTable _table;

        public TableInserter(IEntityType entity, SqliteConnection connection, ISqlGenerationHelper sql)
        {
            _table = new StoreTable(entity, sql);
            var insert = $"INSERT INTO {_table.Name} ({_table.Columns}) " +
                         $"VALUES ({string.Join(", ", _table.Properties.Select((_, i) => "?" + (i + 1)))})";
            _db = connection.Handle!;
            Check(raw.sqlite3_prepare_v2(_db, insert, out _statement));
        }

        public void Insert(object row)
        {
            for (var i = 0; i < _table.Properties.Count; i++)
            {
                var value = _table.Value(row, i);
                var index = i + 1;
                Check(value switch
                {
                    null => raw.sqlite3_bind_null(_statement, index),
                    string text => raw.sqlite3_bind_text(_statement, index, text),
                    int number => raw.sqlite3_bind_int64(_statement, index, number),
                    long number => raw.sqlite3_bind_int64(_statement, index, number),
                    double number => raw.sqlite3_bind_double(_statement, index, number),
                    bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
                    DateOnly date => raw.sqlite3_bind_text(_statement, index, date.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
                    _ => throw new NotSupportedException($"store build: no bulk binding for {value.GetType().Name}; add it here"),
                });
            }
            var step = raw.sqlite3_step(_statement);
            raw.sqlite3_reset(_statement);
            if (step != raw.SQLITE_DONE)
            {
                throw new SqliteException($"store build: {raw.sqlite3_errmsg(_db).utf8_to_string()}", step);
            }
        }

        public void Dispose() => _statement.Dispose();

        private void Check(int result)
        {
            if (result != raw.SQLITE_OK)
            {
                throw new SqliteException($"store build: {raw.sqlite3_errmsg(_db).utf8_to_string()}", result);
            }
        }
    }
}
