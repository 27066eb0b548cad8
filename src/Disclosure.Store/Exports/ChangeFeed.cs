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

    /// <summary>Reads a change file (NDJSON, gzip) record by record.</summary>
    public static IEnumerable<ChangeRecord> Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            yield return JsonSerializer.Deserialize<ChangeRecord>(line, Json)!;
        }
    }
}

/// <summary>
/// Compares two versions' fact digests (<see cref="FactDigestWriter"/>) by a sort-merge in their common order and
/// writes the changes, one JSON line each, gzip. Facts added or removed bring their citations with them (those are
/// not listed apart); citations of facts present in both versions are listed by their stable id. Memory: the merge
/// holds one row of each file, plus the ids of facts added or removed and of targets whose progress changes (both
/// bounded by the number of changes, not of facts). With no previous digest every fact is "added".
/// </summary>
internal static class ChangeFeedWriter
{
    public static ChangeCounts Write(string? previousDigest, string currentDigest, string? fromVersion, string toVersion, string output)
    {
        long added = 0, removed = 0, changed = 0;
        var addedOrRemoved = new HashSet<string>(StringComparer.Ordinal);
        var progress = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var targetsAdded = new HashSet<string>(StringComparer.Ordinal);
        var targetsRemoved = new HashSet<string>(StringComparer.Ordinal);

        using var file = new FileStream(output, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        void Emit(ChangeRecord record)
        {
            gzip.Write(JsonSerializer.SerializeToUtf8Bytes(record, ChangeRecord.Json));
            gzip.WriteByte((byte)'\n');
        }
        void Affects(string? targetId, string input)
        {
            if (targetId is null)
            {
                return;
            }
            if (!progress.TryGetValue(targetId, out var inputs))
            {
                progress[targetId] = inputs = new SortedSet<string>(StringComparer.Ordinal);
            }
            inputs.Add(input);
        }
        void Track(DigestRow row, ChangeKind kind, DigestRow? other)
        {
            if (row.Entity == "Target")
            {
                Affects(row.Id, $"Target:{row.Id}");
                (kind == ChangeKind.Added ? targetsAdded : kind == ChangeKind.Removed ? targetsRemoved : null)?.Add(row.Id);
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
                    Emit(new ChangeRecord { Kind = ChangeKind.Removed, Entity = old.Entity, Id = old.Id, From = fromVersion, To = toVersion });
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
                    Emit(new ChangeRecord { Kind = ChangeKind.Added, Entity = @new.Entity, Id = @new.Id, From = fromVersion, To = toVersion });
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
                        Emit(new ChangeRecord { Kind = ChangeKind.Changed, Entity = @new.Entity, Id = @new.Id, Fields = fields, From = fromVersion, To = toVersion });
                        changed++;
                        Track(@new, ChangeKind.Changed, old);
                    }
                }
                old = olds.MoveNext() ? olds.Current : null;
                @new = news.MoveNext() ? news.Current : null;
            }
        }

        long derived = 0;
        foreach (var (target, inputs) in progress)
        {
            var kind = targetsAdded.Contains(target) ? ChangeKind.Added : targetsRemoved.Contains(target) ? ChangeKind.Removed : ChangeKind.Changed;
            Emit(new ChangeRecord { Kind = kind, Entity = "TargetProgress", Id = target, Derived = true, Inputs = [.. inputs], From = fromVersion, To = toVersion });
            derived++;
        }
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
