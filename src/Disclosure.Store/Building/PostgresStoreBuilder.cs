using System.Security.Cryptography;
using Disclosure.Store.Data;
using Disclosure.Store.Importing;
using Disclosure.Store.Seeding;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Disclosure.Store.Building;

/// <summary>Where a PostgreSQL store's current dataset lives: its schema, and what it was built from.</summary>
public sealed record PostgresDataset(string Schema, DatasetInfo Info);

/// <summary>
/// Builds the store from <c>seed-data/</c> into PostgreSQL. Each build loads a NEW schema (<c>disclosure_…</c>), and
/// one row, <c>disclosure.current</c>, names the schema readers use. The seed is loaded and validated first, so
/// broken input never touches the database. Only one builder runs at a time (a session advisory lock; other replicas
/// starting at once wait for it, then find the dataset built and keep it). Rows go in by binary COPY into the new
/// schema, which no reader looks at yet; then ONE transaction creates the keys and indexes, checks every foreign
/// key, records the dataset version and switches <c>disclosure.current</c> to the new schema, so readers see the
/// old dataset or the new one, never half of one. Schemas older than the one just replaced are dropped afterwards
/// (the replaced one is kept until the next build, so queries already running against it can finish). A build
/// killed part-way leaves its half-loaded schema behind; the next build, holding the lock (so no other builder is
/// live), drops every dataset schema that is not current before it starts.
/// </summary>
public static class PostgresStoreBuilder
{
    /// <summary>The schema of the pointer table <c>current</c>; dataset schemas are named <c>disclosure_…</c>.</summary>
    public const string ControlSchema = "disclosure";

    /// <summary>The advisory lock held while building ("Disclosu" in ASCII): per database, so one builder per store.</summary>
    public const long BuildLock = 0x446973636C6F7375;

    private const string DatasetSchemaPrefix = "disclosure_";

    public static Task<StoreBuildResult> BuildAsync(string seedDirectory, string connectionString, TimeProvider time, CancellationToken cancellationToken) =>
        BuildAsync(seedDirectory, connectionString, time, StoreBuildOptions.Default, cancellationToken);

    /// <summary>Builds a new dataset schema and makes it current, whatever the current one holds.</summary>
    public static Task<StoreBuildResult> BuildAsync(string seedDirectory, string connectionString, TimeProvider time,
        StoreBuildOptions options, CancellationToken cancellationToken) =>
        BuildCoreAsync(seedDirectory, connectionString, time, options, DatasetVersion.Compute(seedDirectory), onlyIfStale: false, cancellationToken);

    /// <summary>
    /// Builds the store when no dataset is current or the current one was built from other seed content; otherwise
    /// leaves it (nothing is rebuilt when the recorded dataset version equals the seed's).
    /// </summary>
    public static async Task<StoreBuildResult> EnsureAsync(string seedDirectory, string connectionString, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var version = DatasetVersion.Compute(seedDirectory);
        var existing = await ReadCurrentAsync(connectionString, cancellationToken);
        return existing?.Info.Version == version
            ? new StoreBuildResult(existing.Info, Built: false, time.GetElapsedTime(started))
            : await BuildCoreAsync(seedDirectory, connectionString, time, StoreBuildOptions.Default, version, onlyIfStale: true, cancellationToken);
    }

    /// <summary>The current dataset, or null when none was built yet or it cannot be read.</summary>
    public static async Task<PostgresDataset?> ReadCurrentAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return await ReadCurrentAsync(connection, cancellationToken);
    }

    /// <summary>The current schema and its version (one small query: what a running API polls).</summary>
    public static async Task<(string Schema, string Version)?> ReadPointerAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT schema_name, version FROM {ControlSchema}.current WHERE id = 1", connection);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.GetString(1)) : null;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            return null; // nothing was ever built into this database
        }
    }

    /// <summary>A connection string that reads the given dataset schema (its search path; no extra round trip per connection).</summary>
    public static string ReaderConnectionString(string connectionString, string schema) =>
        new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ConnectionString;

    /// <summary>The dataset schemas in the database, current or not (e.g. for tests and operators).</summary>
    public static async Task<List<string>> ListDatasetSchemasAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return await DatasetSchemasAsync(connection, null, cancellationToken);
    }

    private static async Task<PostgresDataset?> ReadCurrentAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (await ReadPointerAsync(connection, cancellationToken) is not var (schema, _))
        {
            return null;
        }
        await using var command = new NpgsqlCommand(
            $"SELECT \"Id\", \"Version\", \"BuiltAt\", \"FactCount\", \"CitationCount\" FROM {Quote(schema)}.\"DatasetInfo\"", connection);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }
            return new PostgresDataset(schema, new DatasetInfo
            {
                Id = reader.GetInt32(0),
                Version = reader.GetString(1),
                BuiltAt = new DateTimeOffset(reader.GetFieldValue<DateTime>(2), TimeSpan.Zero),
                FactCount = reader.GetInt32(3),
                CitationCount = reader.GetInt32(4),
            });
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            return null; // the current schema was damaged (e.g. dropped by hand): rebuild
        }
    }

    private static async Task<StoreBuildResult> BuildCoreAsync(string seedDirectory, string connectionString, TimeProvider time,
        StoreBuildOptions options, string version, bool onlyIfStale, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var phase = started;
        void Done(string what)
        {
            options.Progress?.Invoke($"{what}: {time.GetElapsedTime(phase).TotalSeconds:F1} s");
            phase = time.GetTimestamp();
        }
        // Broken seed data stops here, before the database is touched.
        var content = StoreBuilder.LoadContent(seedDirectory, options);
        Done("loaded and validated");

        var control = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, CommandTimeout = 0 }.ConnectionString;
        await using var connection = new NpgsqlConnection(control);
        await connection.OpenAsync(cancellationToken);
        // One builder per database at a time; replicas that start together queue here.
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({BuildLock})", cancellationToken);
        string? schema = null;
        try
        {
            Done("build lock acquired");
            await ExecuteAsync(connection,
                $"CREATE SCHEMA IF NOT EXISTS {ControlSchema}; " +
                $"CREATE TABLE IF NOT EXISTS {ControlSchema}.current (id integer PRIMARY KEY CHECK (id = 1), schema_name text NOT NULL, " +
                "version text NOT NULL, switched_at timestamptz NOT NULL)", cancellationToken);
            var previous = await ReadCurrentAsync(connection, cancellationToken);
            // This builder holds the advisory lock, so no other builder is live: a dataset schema that is not current
            // was left by a build that died (kill -9, a lost connection) half-loaded, or was replaced by an earlier build.
            await DropOldSchemasAsync(connection, keep: [previous?.Schema], options, cancellationToken);
            Done("schemas of earlier builds dropped");
            if (onlyIfStale && previous?.Info.Version == version)
            {
                // Another replica built this version while we waited for the lock.
                return new StoreBuildResult(previous.Info, Built: false, time.GetElapsedTime(started));
            }

            schema = $"{DatasetSchemaPrefix}{version.Replace("sha256:", "", StringComparison.Ordinal)[..12]}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
            await using var db = CreateContext(connectionString, schema);
            List<string> constraints, indexes;
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                await ExecuteAsync(connection, $"CREATE SCHEMA {Quote(schema)}; SET LOCAL search_path TO {Quote(schema)};", cancellationToken);
                await ExecuteAsync(connection, db.Database.GenerateCreateScript(), cancellationToken);
                (constraints, indexes) = await DropKeysAndIndexesAsync(connection, schema, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            Done("schema created");

            int facts, citations;
            await using (var writer = new PostgresStoreWriter(db, connectionString, schema))
            {
                foreach (var row in StoreMapper.Rows(content))
                {
                    writer.Add(options.MapRow?.Invoke(row) ?? row);
                    if ((writer.Facts & 0xFFFF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                }
                await writer.CompleteAsync(cancellationToken);
                (facts, citations) = (writer.Facts, writer.Citations);
            }
            Done("rows copied");

            var info = new DatasetInfo { Id = 1, Version = version, BuiltAt = time.GetUtcNow(), FactCount = facts, CitationCount = citations };
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                await ExecuteAsync(connection, $"SET LOCAL search_path TO {Quote(schema)}; SET LOCAL maintenance_work_mem = '256MB';", cancellationToken);
                // Keys, then indexes, then foreign keys (which need the keys). Adding a foreign key checks every row:
                // the validator has resolved every reference, this is the safety net for the mapping itself.
                var citationIds = $"\"{CitationIdClashes.IndexName(db.Model)}\"";
                foreach (var statement in indexes)
                {
                    if (!statement.Contains(citationIds, StringComparison.Ordinal))
                    {
                        await ExecuteAsync(connection, statement, cancellationToken);
                        continue;
                    }
                    // Two citations sharing an ID (see CitationIdClashes): resolved, then the index is built again.
                    await ExecuteAsync(connection, "SAVEPOINT citation_ids", cancellationToken);
                    try
                    {
                        await ExecuteAsync(connection, statement, cancellationToken);
                    }
                    catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
                    {
                        await ExecuteAsync(connection, "ROLLBACK TO SAVEPOINT citation_ids", cancellationToken);
                        Done($"{CitationIdClashes.Apply(connection, transaction)} clashing citation IDs lengthened");
                        await ExecuteAsync(connection, statement, cancellationToken);
                    }
                }
                Done("keys and indexes created");
                foreach (var statement in constraints)
                {
                    await ExecuteAsync(connection, statement, cancellationToken);
                }
                Done("foreign keys checked");
                await ExecuteAsync(connection, "ANALYZE", cancellationToken);
                await using (var insert = new NpgsqlCommand(
                    "INSERT INTO \"DatasetInfo\" (\"Id\", \"Version\", \"BuiltAt\", \"FactCount\", \"CitationCount\") VALUES ($1, $2, $3, $4, $5)", connection))
                {
                    insert.Parameters.Add(new() { Value = info.Id });
                    insert.Parameters.Add(new() { Value = info.Version });
                    insert.Parameters.Add(new() { Value = info.BuiltAt.UtcDateTime });
                    insert.Parameters.Add(new() { Value = info.FactCount });
                    insert.Parameters.Add(new() { Value = info.CitationCount });
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
                await using (var point = new NpgsqlCommand(
                    $"INSERT INTO {ControlSchema}.current (id, schema_name, version, switched_at) VALUES (1, $1, $2, now()) " +
                    "ON CONFLICT (id) DO UPDATE SET schema_name = excluded.schema_name, version = excluded.version, switched_at = excluded.switched_at", connection))
                {
                    point.Parameters.Add(new() { Value = schema });
                    point.Parameters.Add(new() { Value = version });
                    await point.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
            }
            Done("committed and switched");
            var built = schema;
            schema = null; // current now: never dropped below
            await DropOldSchemasAsync(connection, keep: [built, previous?.Schema], options, cancellationToken);
            Done("old schemas dropped");
            // Exported under the build lock (one writer per database), from the schema just made current.
            return await Exports.StoreExporter.AfterBuildAsync(new StoreBuildResult(info, Built: true, time.GetElapsedTime(started)),
                () => CreateContext(connectionString, built), seedDirectory, options, time, cancellationToken);
        }
        finally
        {
            if (schema is not null)
            {
                // A build that failed after creating its schema: the schema was never current, so drop it.
                try
                {
                    await ExecuteAsync(connection, $"DROP SCHEMA IF EXISTS {Quote(schema)} CASCADE", CancellationToken.None);
                }
                catch (NpgsqlException)
                {
                    // Left for the next build's clean-up.
                }
            }
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({BuildLock})", CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Drops the new schema's foreign keys, primary keys and indexes (rows load much faster without them) and returns
    /// the statements that create them again: keys and indexes first, foreign keys last.
    /// </summary>
    private static async Task<(List<string> Constraints, List<string> Indexes)> DropKeysAndIndexesAsync(
        NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        var foreignKeys = new List<(string Table, string Name, string Definition)>();
        var primaryKeys = new List<(string Table, string Name, string Definition)>();
        await using (var list = new NpgsqlCommand(
            "SELECT format('%I.%I', n.nspname, t.relname), c.conname, pg_get_constraintdef(c.oid), c.contype " +
            "FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace " +
            "WHERE n.nspname = $1 AND c.contype IN ('f', 'p', 'u') ORDER BY t.relname, c.conname", connection))
        {
            list.Parameters.Add(new() { Value = schema });
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var constraint = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
                (reader.GetChar(3) == 'f' ? foreignKeys : primaryKeys).Add(constraint);
            }
        }
        foreach (var (table, name, _) in foreignKeys.Concat(primaryKeys))
        {
            await ExecuteAsync(connection, $"ALTER TABLE {table} DROP CONSTRAINT {Quote(name)}", cancellationToken);
        }
        var indexes = new List<(string Name, string Definition)>();
        await using (var list = new NpgsqlCommand("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname", connection))
        {
            list.Parameters.Add(new() { Value = schema });
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX {Quote(schema)}.{Quote(name)}", cancellationToken);
        }
        return (
            [.. foreignKeys.Select(c => $"ALTER TABLE {c.Table} ADD CONSTRAINT {Quote(c.Name)} {c.Definition}")],
            [.. primaryKeys.Select(c => $"ALTER TABLE {c.Table} ADD CONSTRAINT {Quote(c.Name)} {c.Definition}"), .. indexes.Select(i => i.Definition)]);
    }

    /// <summary>Drops dataset schemas other than the current one and the one it replaced; one that is busy is left for next time.</summary>
    private static async Task DropOldSchemasAsync(NpgsqlConnection connection, string?[] keep, StoreBuildOptions options, CancellationToken cancellationToken)
    {
        foreach (var old in await DatasetSchemasAsync(connection, keep, cancellationToken))
        {
            try
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, $"SET LOCAL lock_timeout = '5s'; DROP SCHEMA {Quote(old)} CASCADE", cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                options.Progress?.Invoke($"schema {old} is in use; it is dropped by a later build");
            }
        }
    }

    private static async Task<List<string>> DatasetSchemasAsync(NpgsqlConnection connection, string?[]? except, CancellationToken cancellationToken)
    {
        await using var list = new NpgsqlCommand(
            "SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1) ORDER BY nspname", connection);
        list.Parameters.Add(new() { Value = DatasetSchemaPrefix });
        var schemas = new List<string>();
        await using var reader = await list.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            if (except is null || !except.Contains(name))
            {
                schemas.Add(name);
            }
        }
        return schemas;
    }

    private static DisclosureDbContext CreateContext(string connectionString, string schema) =>
        new(new DbContextOptionsBuilder<DisclosureDbContext>().UseNpgsql(ReaderConnectionString(connectionString, schema)).Options);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
