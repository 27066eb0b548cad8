using Disclosure.Store.Data;
using Disclosure.Store.Importing;
using Disclosure.Store.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Store.Building;

/// <summary>
/// Builds the SQLite store from <c>seed-data/</c>. The seed data is loaded and validated first, so broken input
/// never touches the store; the new store is written to a temporary file beside the target and then moved over
/// it in one rename, so a reader sees the old store or the new one, never half of one.
/// Rows are written in bulk (<see cref="StoreWriter"/>: prepared inserts in one transaction, indexes built after
/// loading). A seed folder larger than <see cref="StoreBuildOptions.StreamingThresholdBytes"/> is validated and
/// loaded by streaming its large files (<see cref="SeedLoader.LoadStreaming"/>), so memory does not grow with it.
/// A build killed part-way (SIGKILL, power loss) leaves its <c>.&lt;store&gt;.&lt;id&gt;.building</c> file behind; the next build
/// removes every such file no live builder holds (<see cref="BuildLock"/>), so repeated crashes do not fill the disk.
/// </summary>
public static class StoreBuilder
{
    public static Task<StoreBuildResult> BuildAsync(string seedDirectory, string storePath, TimeProvider time, CancellationToken cancellationToken) =>
        BuildAsync(seedDirectory, storePath, time, StoreBuildOptions.Default, cancellationToken);

    public static async Task<StoreBuildResult> BuildAsync(string seedDirectory, string storePath, TimeProvider time,
        StoreBuildOptions options, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var content = LoadContent(seedDirectory, options);
        var phase = started;
        void Done(string what)
        {
            options.Progress?.Invoke($"{what}: {time.GetElapsedTime(phase).TotalSeconds:F1} s");
            phase = time.GetTimestamp();
        }
        Done("loaded and validated");
        var version = DatasetVersion.Compute(seedDirectory);
        Done("dataset version");

        var full = Path.GetFullPath(storePath);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        // Held (shared) until this build ends: while any builder holds it, no other removes leftover temporary files.
        using var buildLock = BuildLock.Acquire(full, out var removed);
        foreach (var leftover in removed)
        {
            options.Progress?.Invoke($"removed {Path.GetFileName(leftover)}, left by a build that did not finish");
        }
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.building");
        try
        {
            DatasetInfo info;
            await using (var connection = new SqliteConnection($"Data Source={temporary};Pooling=False"))
            {
                // The temporary file is private until it is renamed over the store, so it needs no journal and no
                // sync per statement; it is synced once, below, before the rename publishes it.
                await connection.OpenAsync(cancellationToken);
                await using (var pragma = connection.CreateCommand())
                {
                    pragma.CommandText = "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;";
                    await pragma.ExecuteNonQueryAsync(cancellationToken);
                }
                await using (var cache = connection.CreateCommand())
                {
                    cache.CommandText = "PRAGMA cache_size=-131072;"; // 128 MiB of page cache for loading and indexing
                    await cache.ExecuteNonQueryAsync(cancellationToken);
                }
                await using var db = CreateContext(connection);
                await db.Database.EnsureCreatedAsync(cancellationToken);
                int facts, citations;
                using (var writer = StoreWriter.Begin(db, connection))
                {
                    foreach (var row in StoreMapper.Rows(content))
                    {
                        writer.Add(options.MapRow?.Invoke(row) ?? row);
                        if ((writer.Facts & 0xFFFF) == 0)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                        }
                    }
                    Done("rows written");
                    writer.Complete(Done);
                    (facts, citations) = (writer.Facts, writer.Citations);
                }
                info = new DatasetInfo { Id = 1, Version = version, BuiltAt = time.GetUtcNow(), FactCount = facts, CitationCount = citations };
                db.DatasetInfo.Add(info);
                await db.SaveChangesAsync(cancellationToken);
            }
            Done("committed");
            await using (var file = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite))
            {
                file.Flush(flushToDisk: true);
            }
            Done("synced");
            File.Move(temporary, full, overwrite: true);
            return await Exports.StoreExporter.AfterBuildAsync(new StoreBuildResult(info, Built: true, time.GetElapsedTime(started)),
                () => CreateContext(ReadOnlyConnectionString(full, pooling: false)), seedDirectory, options, time, cancellationToken);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// The seed folder, validated (streamed when it is large), with its imported datasets: what either store's builder
    /// writes. Broken input throws <see cref="SeedValidationException"/> before any store is touched.
    /// </summary>
    internal static SeedContent LoadContent(string seedDirectory, StoreBuildOptions options)
    {
        var content = IsLarge(seedDirectory, options)
            ? SeedLoader.LoadStreaming(seedDirectory)
            : SeedContent.Of(SeedLoader.Load(seedDirectory));
        content.Imports = ImportLoader.Load(seedDirectory);
        return content;
    }

    internal static bool IsLarge(string seedDirectory, StoreBuildOptions options) =>
        Directory.Exists(seedDirectory) &&
        Directory.EnumerateFiles(seedDirectory, "*.json").Sum(f => new FileInfo(f).Length) > options.StreamingThresholdBytes;

    /// <summary>Builds the store when it is missing, unreadable, or built from other seed content; otherwise leaves it.</summary>
    public static async Task<StoreBuildResult> EnsureAsync(string seedDirectory, string storePath, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var version = DatasetVersion.Compute(seedDirectory);
        var existing = await ReadInfoAsync(storePath, cancellationToken);
        return existing?.Version == version
            ? new StoreBuildResult(existing, Built: false, time.GetElapsedTime(started))
            : await BuildAsync(seedDirectory, storePath, time, cancellationToken);
    }

    /// <summary>What the store at <paramref name="storePath"/> was built from, or null when it is missing or unreadable.</summary>
    public static async Task<DatasetInfo?> ReadInfoAsync(string storePath, CancellationToken cancellationToken)
    {
        if (!File.Exists(storePath))
        {
            return null;
        }
        try
        {
            await using var db = CreateContext(ReadOnlyConnectionString(storePath, pooling: false));
            return await db.DatasetInfo.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    public static string ReadOnlyConnectionString(string storePath, bool pooling = true) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(storePath),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = pooling,
        }.ToString();

    private static DisclosureDbContext CreateContext(string connectionString) =>
        new(new DbContextOptionsBuilder<DisclosureDbContext>().UseSqlite(connectionString).Options);

    private static DisclosureDbContext CreateContext(SqliteConnection connection) =>
        new(new DbContextOptionsBuilder<DisclosureDbContext>().UseSqlite(connection).Options);
}
