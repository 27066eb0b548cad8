using System.Text.Json;

namespace Disclosure.Store.Exports;

/// <summary>One dataset version in <c>history/versions.json</c>.</summary>
public sealed record VersionEntry
{
    public required string Version { get; init; }
    public required string Digest { get; init; }
    public required DateTimeOffset BuiltAt { get; init; }
    public required DateTimeOffset ExportedAt { get; init; }
    public required int FactCount { get; init; }
    public required int CitationCount { get; init; }
    public string? SeedCommit { get; init; }
    public string? PreviousVersion { get; init; }

    /// <summary>The change file from the previous version, relative to the history folder (<c>changes/…</c>).</summary>
    public required string ChangesFile { get; init; }

    public required ChangeCounts Changes { get; init; }
}

/// <summary>How many facts were added, removed and changed at the source, and how many derived facts changed with them.</summary>
public sealed record ChangeCounts(long Added, long Removed, long Changed, long Derived);

/// <summary>
/// The history beside the store (<see cref="ExportSettings.HistoryDirectory"/>): <c>versions.json</c> (every version
/// exported, oldest first), <c>digests/{hex}.ndjson.gz</c> (each retained version's facts, what the next version is
/// compared with) and <c>changes/{from}_{to}.ndjson.gz</c> (every change file). Writes hold <c>.lock</c>, so one
/// writer at a time, across processes too.
/// </summary>
public static class ExportHistory
{
    public const string VersionsFile = "versions.json";

    public static IReadOnlyList<VersionEntry> ReadVersions(string historyDirectory)
    {
        var path = Path.Combine(historyDirectory, VersionsFile);
        return File.Exists(path)
            ? JsonSerializer.Deserialize<List<VersionEntry>>(File.ReadAllBytes(path), ExportManifest.Json) ?? []
            : [];
    }

    internal static void WriteVersions(string historyDirectory, IReadOnlyList<VersionEntry> versions)
    {
        var path = Path.Combine(historyDirectory, VersionsFile);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(versions, ExportManifest.Json));
        File.Move(temporary, path, overwrite: true);
    }

    public static string DigestPath(string historyDirectory, string digest) => Path.Combine(historyDirectory, "digests", $"{digest}.ndjson.gz");

    public static string ChangesName(string? previousDigest, string digest) => $"changes/{previousDigest ?? "none"}_{digest}.ndjson.gz";

    /// <summary>Takes the history's lock file (waiting up to <paramref name="timeout"/> for another writer).</summary>
    internal static async Task<FileStream> LockAsync(string historyDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(historyDirectory);
        var path = Path.Combine(historyDirectory, ".lock");
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }
}
