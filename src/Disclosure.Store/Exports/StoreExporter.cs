using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using CsvHelper;
using Disclosure.Store.Building;
using Disclosure.Store.Data;
using Microsoft.EntityFrameworkCore;
using Parquet;
using Parquet.Schema;

namespace Disclosure.Store.Exports;

/// <summary>What exporting a version did.</summary>
public sealed record ExportResult(ExportManifest Manifest, string Folder, bool Written, TimeSpan Elapsed);

/// <summary>
/// Writes a dataset version's bulk files: for every store table a Parquet file (row groups of
/// <see cref="ExportSettings.RowGroupSize"/> rows), a CSV file (RFC 4180, UTF-8, header row) and the same CSV gzip,
/// plus <c>facts.ndjson.gz</c> (the fact digest), <c>changes.ndjson.gz</c> and <c>changes.parquet</c> (the changes
/// from the previous version known to the history, see <see cref="ChangeFeedWriter"/>) and <c>manifest.json</c>. Rows
/// are read in key order one at a time from a data reader and written as they come: memory does not grow with the row
/// count (what it depends on is the row group size). Everything is written into a temporary folder that
/// is renamed to <c>{Directory}/{hex}</c> when complete, so a reader sees all of a version's files or none; then the
/// history is updated and the exports of versions beyond <see cref="ExportSettings.Keep"/> are removed.
/// </summary>
public static class StoreExporter
{
    public const string ManifestFile = "manifest.json";
    public const string FactsFile = "facts.ndjson.gz";
    public const string ChangesFile = "changes.ndjson.gz";
    public const string ChangesParquetFile = "changes.parquet";

    /// <summary>The change file's index (<see cref="ChangeRecord.IndexPath"/>): kept in the history only, where paging reads.</summary>
    private const string ChangesIndexFile = "changes.ndjson.gz.idx";

    /// <summary>The hex digest of a version (<c>sha256:ab12…</c> is <c>ab12…</c>): its folder name and URL segment.</summary>
    public static string Digest(string version) => version.StartsWith("sha256:", StringComparison.Ordinal) ? version["sha256:".Length..] : version;

    /// <summary>The folder of a version's exports.</summary>
    public static string Folder(ExportSettings settings, string version) => Path.Combine(Path.GetFullPath(settings.Directory), Digest(version));

    /// <summary>
    /// The store builders' hook, once the store is published: exports it, reporting (never throwing) a failure, so a
    /// failed export never loses the store. Cancellation still cancels.
    /// </summary>
    internal static async Task<StoreBuildResult> AfterBuildAsync(StoreBuildResult result, Func<DisclosureDbContext> open, string seedDirectory,
        StoreBuildOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (options.Exports is not { } settings)
        {
            return result;
        }
        try
        {
            await using var db = open();
            var export = await EnsureAsync(db, settings with { SeedCommit = settings.SeedCommit ?? SeedCommit.Find(seedDirectory) }, time, cancellationToken);
            options.Progress?.Invoke($"exported to {export.Folder}: {export.Elapsed.TotalSeconds:F1} s");
            return result with { Export = export };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            options.Progress?.Invoke($"export failed (the store is published; the API writes the export on first request): {e.Message}");
            return result with { ExportError = e.Message };
        }
    }

    /// <summary>Exports the version the context reads, unless its exports are already there.</summary>
    public static async Task<ExportResult> EnsureAsync(DisclosureDbContext db, ExportSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var info = await db.DatasetInfo.AsNoTracking().SingleAsync(cancellationToken);
        var folder = Folder(settings, info.Version);
        if (ExportManifest.Read(Path.Combine(folder, ManifestFile)) is { } existing)
        {
            return new ExportResult(existing, folder, Written: false, time.GetElapsedTime(started));
        }
        await using var historyLock = await ExportHistory.LockAsync(settings.HistoryDirectory, TimeSpan.FromMinutes(10), cancellationToken);
        if (ExportManifest.Read(Path.Combine(folder, ManifestFile)) is { } written)
        {
            return new ExportResult(written, folder, Written: false, time.GetElapsedTime(started)); // another writer was first
        }
        var root = Path.GetFullPath(settings.Directory);
        Directory.CreateDirectory(root);
        var digest = Digest(info.Version);
        var temporary = Path.Combine(root, $".{digest}.{Guid.NewGuid():N}.writing");
        Directory.CreateDirectory(temporary);
        try
        {
            var files = new List<ExportFile>();
            var schemas = new List<ExportTableSchema>();
            var tables = ExportTable.All(db);
            await using (var facts = new FactDigestWriter(Path.Combine(temporary, FactsFile)))
            {
                foreach (var table in tables)
                {
                    files.AddRange(await WriteTableAsync(db, table, temporary, facts, settings.RowGroupSize, cancellationToken));
                    schemas.Add(new ExportTableSchema(table.Name, table.Entity, [.. table.Columns.Select(c => new ExportColumnSchema(c.Name, c.Type, c.Meaning))]));
                }
            }

            // The change feed: compared with the last version the history knows (not this one), from its digest.
            var versions = ExportHistory.ReadVersions(settings.HistoryDirectory).ToList();
            var known = versions.FindLastIndex(v => v.Version == info.Version);
            var previous = known >= 0
                ? versions[known].PreviousVersion is { } p ? versions.LastOrDefault(v => v.Version == p) : null
                : versions.LastOrDefault(v => v.Version != info.Version);
            var previousDigest = previous is null ? null : ExportHistory.DigestPath(settings.HistoryDirectory, previous.Digest);
            if (previousDigest is not null && !File.Exists(previousDigest))
            {
                previous = null; // its digest is gone (removed by hand): this version is compared with nothing
                previousDigest = null;
            }
            var scratch = Path.Combine(temporary, ".scratch");
            Directory.CreateDirectory(scratch);
            ChangeCounts counts;
            await using (var changes = new ChangeFileWriter(Path.Combine(temporary, ChangesFile), Path.Combine(scratch, ChangesIndexFile),
                Path.Combine(temporary, ChangesParquetFile), settings.RowGroupSize))
            {
                counts = await ChangeFeedWriter.WriteAsync(previousDigest, Path.Combine(temporary, FactsFile), previous?.Version, info.Version,
                    changes, scratch, cancellationToken);
                await changes.CompleteAsync(cancellationToken);
            }
            var changeCount = counts.Added + counts.Removed + counts.Changed + counts.Derived;
            files.Add(Describe(temporary, FactsFile, "facts", "ndjson.gz", -1));
            files.Add(Describe(temporary, ChangesFile, "changes", "ndjson.gz", changeCount));
            files.Add(Describe(temporary, ChangesParquetFile, "changes", "parquet", changeCount));
            schemas.Add(new ExportTableSchema("changes", "ChangeRecord", ChangeRow.Schema));

            var entry = new VersionEntry
            {
                Version = info.Version, Digest = digest, BuiltAt = info.BuiltAt, ExportedAt = time.GetUtcNow(), FactCount = info.FactCount,
                CitationCount = info.CitationCount, SeedCommit = settings.SeedCommit, PreviousVersion = previous?.Version,
                ChangesFile = ExportHistory.ChangesName(previous?.Digest, digest), Changes = counts,
            };
            if (known >= 0)
            {
                versions[known] = entry with { SeedCommit = versions[known].SeedCommit ?? entry.SeedCommit };
            }
            else
            {
                versions.Add(entry);
            }
            var retained = versions.Select(v => v.Version).Reverse().Distinct()
                .Where(v => v == info.Version || Directory.Exists(Folder(settings, v)))
                .Take(Math.Max(1, settings.Keep)).ToList();
            var datasets = await db.ImportedDatasets.AsNoTracking().OrderBy(d => d.Ordinal)
                .Select(d => new ExportDataset(d.Id, d.Title, d.Publisher, d.Url, d.Licence, d.LicenceUrl, d.Attribution))
                .ToListAsync(cancellationToken);
            var manifest = new ExportManifest
            {
                Version = info.Version, Digest = digest, BuiltAt = info.BuiltAt, ExportedAt = entry.ExportedAt,
                FactCount = info.FactCount, CitationCount = info.CitationCount, SeedCommit = entry.SeedCommit,
                PreviousVersion = previous?.Version, Files = files, Schemas = schemas, Datasets = datasets, Retained = retained,
            };
            await File.WriteAllBytesAsync(Path.Combine(temporary, ManifestFile),
                System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(manifest, ExportManifest.Json), cancellationToken);
            // The change file's index goes to the history only (beside the copy of the change file that paging reads).
            Directory.CreateDirectory(Path.Combine(settings.HistoryDirectory, "changes"));
            CopyAtomically(Path.Combine(scratch, ChangesIndexFile), ChangeRecord.IndexPath(Path.Combine(settings.HistoryDirectory, entry.ChangesFile)));
            Directory.Delete(scratch, recursive: true);
            Sync(temporary);

            // Published: the folder appears complete, in one rename.
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true); // an incomplete folder (no manifest) left by hand
            }
            Directory.Move(temporary, folder);

            // The history: this version's digest (the next version is compared with it), its change file, the list.
            Directory.CreateDirectory(Path.GetDirectoryName(ExportHistory.DigestPath(settings.HistoryDirectory, digest))!);
            Directory.CreateDirectory(Path.Combine(settings.HistoryDirectory, "changes"));
            CopyAtomically(Path.Combine(folder, FactsFile), ExportHistory.DigestPath(settings.HistoryDirectory, digest));
            CopyAtomically(Path.Combine(folder, ChangesFile), Path.Combine(settings.HistoryDirectory, entry.ChangesFile));
            ExportHistory.WriteVersions(settings.HistoryDirectory, versions);

            // Retention: the exports (and digests) of versions beyond the last Keep are removed; change files stay.
            foreach (var other in Directory.EnumerateDirectories(root))
            {
                var name = Path.GetFileName(other);
                if (!name.StartsWith('.') && !retained.Any(v => Digest(v) == name))
                {
                    TryDelete(other);
                }
            }
            foreach (var digestFile in Directory.EnumerateFiles(Path.Combine(settings.HistoryDirectory, "digests"), "*.ndjson.gz"))
            {
                var name = Path.GetFileName(digestFile)[..^".ndjson.gz".Length];
                if (!retained.Any(v => Digest(v) == name))
                {
                    File.Delete(digestFile);
                }
            }
            return new ExportResult(manifest, folder, Written: true, time.GetElapsedTime(started));
        }
        finally
        {
            if (Directory.Exists(temporary))
            {
                TryDelete(temporary);
            }
        }
    }

    private static async Task<List<ExportFile>> WriteTableAsync(DisclosureDbContext db, ExportTable table, string folder, FactDigestWriter facts,
        int rowGroupSize, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        await using var command = connection.CreateCommand();
        command.CommandText = table.Sql;
        command.CommandTimeout = 0;

        var columns = table.Columns;
        var fields = columns.Select(c => (DataField)(c.Type switch
        {
            ExportColumnType.Text => new DataField<string>(c.Name, true),
            ExportColumnType.Whole32 => new DataField<int?>(c.Name),
            ExportColumnType.Whole64 => new DataField<long?>(c.Name),
            ExportColumnType.Real64 => new DataField<double?>(c.Name),
            ExportColumnType.Boolean => new DataField<bool?>(c.Name),
            ExportColumnType.Date => new DataField<DateOnly?>(c.Name),
            _ => throw new InvalidOperationException(),
        })).ToArray();
        var buffers = new Array[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            buffers[i] = columns[i].Type switch
            {
                ExportColumnType.Text => new string?[rowGroupSize],
                ExportColumnType.Whole32 => new int?[rowGroupSize],
                ExportColumnType.Whole64 => new long?[rowGroupSize],
                ExportColumnType.Real64 => new double?[rowGroupSize],
                ExportColumnType.Boolean => new bool?[rowGroupSize],
                _ => new DateOnly?[rowGroupSize],
            };
        }
        var idColumn = columns.Select((c, i) => (c, i)).First(x => x.c.Name == "id" || table is not { IsFact: true } and not { IsCitation: true }).i;

        // RFC 4180 (CRLF, quotes where needed), UTF-8 without a byte order mark, values as they are (no formula escaping).
        var csvOptions = CsvWriterOptions.Default;
        long rows = 0;
        await using (var parquetFile = new FileStream(Path.Combine(folder, $"{table.Name}.parquet"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
        await using (var csvFile = new FileStream(Path.Combine(folder, $"{table.Name}.csv"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        await using (var gzFile = new FileStream(Path.Combine(folder, $"{table.Name}.csv.gz"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        await using (var gzip = new GZipStream(gzFile, CompressionLevel.Optimal))
        await using (var csv = CsvWriter.Create(csvFile, csvOptions, leaveOpen: true))
        await using (var csvGz = CsvWriter.Create(gzip, csvOptions, leaveOpen: true))
        await using (var parquet = await ParquetWriter.CreateAsync(new ParquetSchema(fields), parquetFile, ParquetOptions(rowGroupSize), cancellationToken: cancellationToken))
        {
            foreach (var c in columns)
            {
                csv.WriteField(c.Name);
                csvGz.WriteField(c.Name);
            }
            csv.EndRecord();
            csvGz.EndRecord();

            var values = new object?[columns.Count];
            var buffered = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = values[i] = columns[i].Read(reader, i);
                    var text = Text(value);
                    csv.WriteField(text);
                    csvGz.WriteField(text);
                    buffers[i].SetValue(value, buffered);
                }
                csv.EndRecord();
                csvGz.EndRecord();
                if (table.IsFact || table.IsCitation)
                {
                    facts.Write(table.Entity, (string)values[idColumn]!, columns, values);
                }
                rows++;
                if (++buffered == rowGroupSize)
                {
                    await FlushAsync(parquet, fields, buffers, buffered, cancellationToken);
                    buffered = 0;
                }
            }
            if (buffered > 0 || rows == 0)
            {
                await FlushAsync(parquet, fields, buffers, buffered, cancellationToken);
            }
        }
        return
        [
            Describe(folder, $"{table.Name}.parquet", table.Name, "parquet", rows),
            Describe(folder, $"{table.Name}.csv", table.Name, "csv", rows),
            Describe(folder, $"{table.Name}.csv.gz", table.Name, "csv.gz", rows),
        ];
    }

    /// <summary>
    /// Parquet.Net's options for every file written: its pool of buffers (a RecyclableMemoryStreamManager) keeps every
    /// buffer it ever lent unless told how much free memory it may hold; bounded here, so a row group's buffers are
    /// reused by the next one and the rest is left to the GC.
    /// </summary>
    internal static ParquetOptions ParquetOptions(int rowGroupSize, bool append = false) => new()
    {
        RowGroupSize = rowGroupSize,
        Append = append,
        MaximumSmallPoolFreeBytes = 16 << 20,
        MaximumLargePoolFreeBytes = 64 << 20,
    };

    private static async Task FlushAsync(ParquetWriter parquet, DataField[] fields, Array[] buffers, int count, CancellationToken cancellationToken)
    {
        using var group = parquet.CreateRowGroup();
        for (var i = 0; i < fields.Length; i++)
        {
            switch (buffers[i])
            {
                case string?[] s: await group.WriteAsync(fields[i], new ArraySegment<string>(s!, 0, count)); break;
                case int?[] n: await group.WriteAsync(fields[i], new ReadOnlyMemory<int?>(n, 0, count), cancellationToken: cancellationToken); break;
                case long?[] n: await group.WriteAsync(fields[i], new ReadOnlyMemory<long?>(n, 0, count), cancellationToken: cancellationToken); break;
                case double?[] n: await group.WriteAsync(fields[i], new ReadOnlyMemory<double?>(n, 0, count), cancellationToken: cancellationToken); break;
                case bool?[] n: await group.WriteAsync(fields[i], new ReadOnlyMemory<bool?>(n, 0, count), cancellationToken: cancellationToken); break;
                case DateOnly?[] n: await group.WriteAsync(fields[i], new ReadOnlyMemory<DateOnly?>(n, 0, count), cancellationToken: cancellationToken); break;
            }
            Array.Clear(buffers[i]);
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static ExportFile Describe(string folder, string name, string table, string format, long rows)
    {
        var path = Path.Combine(folder, name);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var sha = Convert.ToHexStringLower(SHA256.HashData(file));
        return new ExportFile(name, table, format, rows, new FileInfo(path).Length, sha);
    }

    private static void CopyAtomically(string from, string to)
    {
        var temporary = $"{to}.{Guid.NewGuid():N}.tmp";
        File.Copy(from, temporary);
        File.Move(temporary, to, overwrite: true);
    }

    private static void Sync(string folder)
    {
        foreach (var path in Directory.EnumerateFiles(folder))
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
            file.Flush(flushToDisk: true);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Being read (Windows) or removed by another writer: removed by a later export.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
