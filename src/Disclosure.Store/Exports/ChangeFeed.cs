using System.ComponentModel;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Disclosure.Store.Exports;

/// <summary>Whether a fact was added, removed or changed between two versions.</summary>
[Description("Whether a fact was added, removed or changed between two dataset versions.")]
public enum ChangeKind
{
    [Description("The fact is in the newer version only.")] Added,
    [Description("The fact is in the older version only.")] Removed,
    [Description("The fact is in both, with different values (see `fields`).")] Changed,
}

/// <summary>A field whose value changed: the old and new values as JSON (<c>null</c>, a number, a string…).</summary>
public sealed record FieldChange(string Field, string Old, string New);

/// <summary>
/// One line of a change file. <see cref="Derived"/> changes are facts the API computes from others (a target's
/// progress, <c>TargetProgress</c>, computed from the target and the figures reported against it), listed apart from
/// the changes at the source with the <see cref="Inputs"/> (<c>Entity:id</c>) that caused them.
/// </summary>
public sealed record ChangeRecord
{
    public required ChangeKind Kind { get; init; }
    public required string Entity { get; init; }
    public required string Id { get; init; }
    public bool Derived { get; init; }
    public IReadOnlyList<FieldChange> Fields { get; init; } = [];
    public IReadOnlyList<string> Inputs { get; init; } = [];
    public string? From { get; init; }
    public required string To { get; init; }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Reads a change file (NDJSON, gzip) record by record from record <paramref name="skip"/> on. With the file's index
    /// (<c>{path}.idx</c>, see <see cref="ChangeFileWriter"/>) it starts at the gzip member that holds that record,
    /// so a page deep into the file reads at most <see cref="ChangeFileWriter.BlockSize"/> records it does not return;
    /// without one (a file written before the index) it reads from the start.
    /// </summary>
    public static IEnumerable<ChangeRecord> Read(string path, long skip = 0)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var index = IndexPath(path);
        if (skip >= ChangeFileWriter.BlockSize && File.Exists(index))
        {
            using var offsets = new BinaryReader(new FileStream(index, FileMode.Open, FileAccess.Read, FileShare.Read, 64));
            var block = skip / ChangeFileWriter.BlockSize;
            if (block * sizeof(long) >= offsets.BaseStream.Length)
            {
                yield break; // past the last record
            }
            offsets.BaseStream.Position = block * sizeof(long);
            file.Position = offsets.ReadInt64();
            skip -= block * ChangeFileWriter.BlockSize;
        }
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (skip > 0)
            {
                skip--;
                continue;
            }
            yield return JsonSerializer.Deserialize<ChangeRecord>(line, Json)!;
        }
    }

    /// <summary>The index of a change file: the byte offset of each gzip member of <see cref="ChangeFileWriter.BlockSize"/> records.</summary>
    public static string IndexPath(string changeFile) => changeFile + ".idx";
}

/// <summary>
/// Compares two versions' fact digests (<see cref="FactDigestWriter"/>) by a sort-merge in their common order and
/// writes the changes (<see cref="ChangeFileWriter"/>). Facts added or removed bring their citations with them (those
/// are not listed apart); citations of facts present in both versions are listed by their stable id. Memory does not
/// grow with the number of facts: the merge holds one row of each file; the derived changes (target progress: which
/// targets, from which inputs) are spilled to a <see cref="SpillSorter"/> in <c>scratch</c> and emitted, grouped by
/// target, after the changes at the source. What stays in memory is the ids of the facts added or removed, whose
/// citations (which come after every fact) are not listed apart: bounded by the changes, not the facts, and empty for
/// a first version. With no previous digest every fact is "added".
/// </summary>
internal static class ChangeFeedWriter
{
    private const char Separator = '\u001f';

    public static async Task<ChangeCounts> WriteAsync(string? previousDigest, string currentDigest, string? fromVersion, string toVersion,
        ChangeFileWriter output, string scratch, CancellationToken cancellationToken)
    {
        long added = 0, removed = 0, changed = 0;
        // Facts added or removed (when there is a previous version), whose citations are not listed apart.
        var addedOrRemoved = new HashSet<string>(StringComparer.Ordinal);
        using var progress = new SpillSorter(scratch);

        // A line per (target, input): "target␟input␟flag", flag A (the target was added), R (removed) or - (changed).
        void Affects(string? targetId, string input, char flag = '-')
        {
            if (targetId is not null)
            {
                progress.Add($"{targetId}{Separator}{input}{Separator}{flag}");
            }
        }
        void Track(DigestRow row, ChangeKind kind, DigestRow? other)
        {
            if (row.Entity == "Target")
            {
                Affects(row.Id, $"Target:{row.Id}", kind switch { ChangeKind.Added => 'A', ChangeKind.Removed => 'R', _ => '-' });
            }
            else if (row.Entity == "Figure")
            {
                Affects(row.Field("target_id"), $"Figure:{row.Id}");
                Affects(other?.Field("target_id"), $"Figure:{row.Id}");
            }
        }

        using var olds = (previousDigest is null ? [] : FactDigestWriter.Read(previousDigest)).GetEnumerator();
        using var news = FactDigestWriter.Read(currentDigest).GetEnumerator();
        var old = olds.MoveNext() ? olds.Current : null;
        var @new = news.MoveNext() ? news.Current : null;
        while (old is not null || @new is not null)
        {
            var order = old is null ? 1 : @new is null ? -1 : DigestRow.Compare(old, @new);
            if (order < 0)
            {
                // Only in the previous version: removed.
                if (!old!.IsCitation || !addedOrRemoved.Contains(Subject(old)))
                {
                    await output.WriteAsync(new ChangeRecord { Kind = ChangeKind.Removed, Entity = old.Entity, Id = old.Id, From = fromVersion, To = toVersion }, cancellationToken);
                    removed++;
                    if (!old.IsCitation)
                    {
                        addedOrRemoved.Add($"{old.Entity}:{old.Id}");
                        Track(old, ChangeKind.Removed, null);
                    }
                }
                old = olds.MoveNext() ? olds.Current : null;
            }
            else if (order > 0)
            {
                // Only in this version: added (with no previous version, a fact's citations come with it).
                if (!@new!.IsCitation || (previousDigest is not null && !addedOrRemoved.Contains(Subject(@new))))
                {
                    await output.WriteAsync(new ChangeRecord { Kind = ChangeKind.Added, Entity = @new.Entity, Id = @new.Id, From = fromVersion, To = toVersion }, cancellationToken);
                    added++;
                    if (!@new.IsCitation)
                    {
                        if (previousDigest is not null)
                        {
                            addedOrRemoved.Add($"{@new.Entity}:{@new.Id}");
                        }
                        Track(@new, ChangeKind.Added, null);
                    }
                }
                @new = news.MoveNext() ? news.Current : null;
            }
            else
            {
                if (old!.Hash != @new!.Hash)
                {
                    var fields = Diff(old.Fields, @new.Fields);
                    if (fields.Count > 0)
                    {
                        await output.WriteAsync(new ChangeRecord { Kind = ChangeKind.Changed, Entity = @new.Entity, Id = @new.Id, Fields = fields, From = fromVersion, To = toVersion }, cancellationToken);
                        changed++;
                        Track(@new, ChangeKind.Changed, old);
                    }
                }
                old = olds.MoveNext() ? olds.Current : null;
                @new = news.MoveNext() ? news.Current : null;
            }
        }

        // The derived changes, by target in ordinal order, each with its distinct inputs in ordinal order.
        long derived = 0;
        string? target = null;
        var kind = ChangeKind.Changed;
        var inputs = new List<string>();
        async Task EmitAsync()
        {
            if (target is not null)
            {
                await output.WriteAsync(new ChangeRecord { Kind = kind, Entity = "TargetProgress", Id = target, Derived = true, Inputs = [.. inputs], From = fromVersion, To = toVersion }, cancellationToken);
                derived++;
            }
        }
        string? previousLine = null;
        foreach (var line in progress.Sorted())
        {
            if (line == previousLine)
            {
                continue;
            }
            previousLine = line;
            var parts = line.Split(Separator);
            if (parts[0] != target)
            {
                await EmitAsync();
                (target, kind) = (parts[0], ChangeKind.Changed);
                inputs.Clear();
            }
            if (inputs.Count == 0 || inputs[^1] != parts[1])
            {
                inputs.Add(parts[1]);
            }
            kind = parts[2] switch { "A" => ChangeKind.Added, "R" => ChangeKind.Removed, _ => kind };
        }
        await EmitAsync();
        return new ChangeCounts(added, removed, changed, derived);
    }
    private static string Subject(DigestRow citation) => $"{citation.Field("subject_type")}:{citation.Field("subject_id")}";

    private static List<FieldChange> Diff(JsonElement old, JsonElement @new)
    {
        var changes = new List<FieldChange>();
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var p in old.EnumerateObject())
        {
            names.Add(p.Name);
        }
        foreach (var p in @new.EnumerateObject())
        {
            names.Add(p.Name);
        }
        foreach (var name in names)
        {
            var before = old.TryGetProperty(name, out var o) ? o.GetRawText() : "null";
            var after = @new.TryGetProperty(name, out var n) ? n.GetRawText() : "null";
            if (before != after)
            {
                changes.Add(new FieldChange(name, before, after));
            }
        }
        return changes;
    }
}
