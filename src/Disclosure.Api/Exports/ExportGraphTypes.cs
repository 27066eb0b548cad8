using System.Globalization;
using System.Text;
using Disclosure.Api.GraphQL;
using Disclosure.Api.Paging;
using Disclosure.Store.Exports;
using GraphQL;
using GraphQL.Types;

namespace Disclosure.Api.Exports;

/// <summary>A file of a version's exports, with the version's digest (for its path).</summary>
public sealed record ExportFileView(string Digest, ExportFile File);

public sealed class ExportFileGraphType : ObjectGraphType<ExportFileView>
{
    public ExportFileGraphType()
    {
        Name = "ExportFile";
        Description = "One bulk file of a dataset version: a table as Parquet, CSV (RFC 4180, UTF-8, header row) or gzip CSV, the fact digest, or the changes from the previous version.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The file name, e.g. `figures.parquet`.").Resolve(ctx => ctx.Source.File.Name);
        Field<NonNullGraphType<StringGraphType>>("table").Description("The table (`figures`, `targets`, `citations`…), or `facts` / `changes` for the digest and the change file.").Resolve(ctx => ctx.Source.File.Table);
        Field<NonNullGraphType<StringGraphType>>("format").Description("`parquet`, `csv`, `csv.gz` or `ndjson.gz` (the changes come in both `ndjson.gz` and `parquet`).").Resolve(ctx => ctx.Source.File.Format);
        Field<NonNullGraphType<FloatGraphType>>("rows").Description("How many rows (records) the file holds (-1 for the fact digest).").Resolve(ctx => (double)ctx.Source.File.Rows);
        Field<NonNullGraphType<FloatGraphType>>("bytes").Description("The file's size in bytes.").Resolve(ctx => (double)ctx.Source.File.Bytes);
        Field<NonNullGraphType<StringGraphType>>("sha256").Description("The SHA-256 of the file's bytes (hex): also its HTTP `ETag`.").Resolve(ctx => ctx.Source.File.Sha256);
        Field<NonNullGraphType<StringGraphType>>("path").Description("Where to download it, relative to the API's address: `/exports/{version digest}/{name}`.")
            .Resolve(ctx => $"/exports/{ctx.Source.Digest}/{ctx.Source.File.Name}");
    }
}

public sealed class DatasetExportsGraphType : ObjectGraphType<ExportManifest>
{
    public DatasetExportsGraphType()
    {
        Name = "DatasetExports";
        Description = "The bulk files of a dataset version (see docs/bulk-downloads.md): every table as Parquet and CSV, with a manifest (row counts, sizes, SHA-256, column schemas, licences).";
        Field(m => m.Version).Description("The dataset version the files hold.");
        Field(m => m.Digest).Description("The version's hex digest: its folder under `/exports/`.");
        Field<NonNullGraphType<StringGraphType>>("manifestPath").Description("The manifest's path, relative to the API's address: `/exports/{digest}/manifest.json`.")
            .Resolve(ctx => $"/exports/{ctx.Source.Digest}/{StoreExporter.ManifestFile}");
        Field(m => m.PreviousVersion, nullable: true).Description("The version the change files (`changes.ndjson.gz`, `changes.parquet`) compare with; null for the first version known.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("retained").Description("The versions whose bulk files are kept (this one included), newest first.")
            .Resolve(ctx => ctx.Source.Retained);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExportFileGraphType>>>>("files").Description("Every file of the version, with its path, rows, size and SHA-256.")
            .Resolve(ctx => ctx.Source.Files.Select(f => new ExportFileView(ctx.Source.Digest, f)).ToList());
    }
}

public sealed class DatasetVersionGraphType : ObjectGraphType<VersionEntry>
{
    public DatasetVersionGraphType()
    {
        Name = "DatasetVersion";
        Description = "A dataset version the API has served and exported, with its counts and how many facts changed from the version before.";
        Field(v => v.Version).Description("The dataset version (`sha256:…`).");
        Field(v => v.BuiltAt).Description("When its store was built.");
        Field(v => v.FactCount).Description("How many facts it holds.");
        Field(v => v.CitationCount).Description("How many citations back them.");
        Field(v => v.SeedCommit, nullable: true).Description("The git commit the seed data was checked out at when it was exported, when known.");
        Field(v => v.PreviousVersion, nullable: true).Description("The version its changes are counted from; null for the first version known.");
        Field<NonNullGraphType<FloatGraphType>>("added").Description("Facts (and citations of facts present in both) added at the source.").Resolve(ctx => (double)ctx.Source.Changes.Added);
        Field<NonNullGraphType<FloatGraphType>>("removed").Description("Facts (and citations of facts present in both) removed at the source.").Resolve(ctx => (double)ctx.Source.Changes.Removed);
        Field<NonNullGraphType<FloatGraphType>>("changed").Description("Facts and citations whose values changed at the source.").Resolve(ctx => (double)ctx.Source.Changes.Changed);
        Field<NonNullGraphType<FloatGraphType>>("derived").Description("Derived facts (target progress) that changed because their inputs did.").Resolve(ctx => (double)ctx.Source.Changes.Derived);
        Field<StringGraphType>("manifestPath").Description("Its bulk files' manifest (`/exports/{digest}/manifest.json`), or null when they were removed (only the last versions are kept).")
            .Resolve(ctx => ExportService.Of(ctx.RequestServices!).FolderOf(ctx.Source.Digest) is null ? null : $"/exports/{ctx.Source.Digest}/{StoreExporter.ManifestFile}");
    }
}

public sealed class FieldChangeGraphType : ObjectGraphType<FieldChange>
{
    public FieldChangeGraphType()
    {
        Name = "FieldChange";
        Description = "A field whose value changed, with its old and new values as JSON (`null`, a number, `\"text\"`, `true`).";
        Field(f => f.Field).Description("The field, as the bulk files name the column (e.g. `published_value`).");
        Field(f => f.Old).Description("The value before, as JSON.");
        Field(f => f.New).Description("The value now, as JSON.");
    }
}

public sealed class ChangeRecordGraphType : ObjectGraphType<ChangeRecord>
{
    public ChangeRecordGraphType()
    {
        Name = "ChangeRecord";
        Description = "A fact added, removed or changed between two dataset versions, by its stable ID. Derived facts (a target's progress) are listed apart (`derived: true`), with the inputs that changed.";
        Field<NonNullGraphType<ConstantEnumGraphType<ChangeKind>>>("kind").Description("Added, removed or changed.").Resolve(ctx => ctx.Source.Kind);
        Field(c => c.Entity).Description("The kind of fact: `Figure`, `Target`, `Citation`…, or `TargetProgress` for a derived change.");
        Field(c => c.Id).Description("The fact's stable id (its slug; for a citation its stable `id`; for target progress the target's slug).");
        Field(c => c.Derived).Description("True for a derived fact that changed because its inputs did (not a change at the source).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FieldChangeGraphType>>>>("fields").Description("For a changed fact: the fields that changed, with old and new values.")
            .Resolve(ctx => ctx.Source.Fields);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("inputs").Description("For a derived change: the facts that caused it (`Entity:id`).")
            .Resolve(ctx => ctx.Source.Inputs);
        Field(c => c.From, nullable: true).Description("The older version (null when no version was known before).");
        Field(c => c.To).Description("The newer version.");
        Field<NodeInterface>("fact").Description("The fact as it is now (for target progress, its target); null when it was removed, or for a citation.")
            .Resolve(ctx => ctx.Source.Entity switch
            {
                "Citation" => null,
                "TargetProgress" => DisclosureQuery.LoadNode(ctx, "Target", ctx.Source.Id),
                _ => DisclosureQuery.LoadNode(ctx, ctx.Source.Entity, ctx.Source.Id),
            });
    }
}

/// <summary>The root fields <c>datasetVersions</c> and <c>changes(since:)</c>.</summary>
public static class ChangeFields
{
    public const int MaxPageSize = 100;

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DatasetVersionGraphType>>>>("datasetVersions")
            .Description("Every dataset version this API's history knows (kept beside the store), newest first, with counts and how many facts changed from the version before.")
            .ResolveAsync(async ctx =>
            {
                var exports = ExportService.Of(ctx.RequestServices!);
                await exports.EnsureCurrentAsync(ctx.CancellationToken);
                return exports.Versions().Reverse().ToList();
            });
        query.Field<NonNullGraphType<ConnectionGraphType<ChangeRecordGraphType, ChangeRecord>>>("changes")
            .Description("The facts added, removed and changed since a dataset version, up to the version served now, oldest change first, by stable ID; derived changes (target progress) after the changes at the source of each version. An unknown `since` is an `UNKNOWN_VERSION` error naming the versions known (`datasetVersions`).")
            .Argument<NonNullGraphType<StringGraphType>>("since", "A dataset version (`sha256:…` or its hex digest), as `dataset { version }` or `datasetVersions` show it.")
            .Argument<IntGraphType>("first", $"How many changes (default 20, at most {MaxPageSize}).")
            .Argument<StringGraphType>("after", "A cursor: the changes after it.")
            .ResolveAsync(async ctx => await ChangesAsync(ctx));
    }

    private static async Task<object?> ChangesAsync(IResolveFieldContext ctx)
    {
        var first = ctx.GetArgument<int?>("first") ?? 20;
        if (first is < 0 or > MaxPageSize)
        {
            throw new ExecutionError($"`first` must be between 0 and {MaxPageSize}.") { Code = "INVALID_PAGINATION" };
        }
        var exports = ExportService.Of(ctx.RequestServices!);
        await exports.EnsureCurrentAsync(ctx.CancellationToken);
        var versions = exports.Versions();
        var since = ctx.GetArgument<string>("since");
        var digest = StoreExporter.Digest(since);
        var index = versions.ToList().FindLastIndex(v => v.Digest == digest);
        if (index < 0)
        {
            throw new ExecutionError($"Unknown version '{(since.Length > 80 ? since[..77] + "..." : since)}'. Versions known: {string.Join(", ", versions.Reverse().Select(v => v.Version))}.")
            { Code = "UNKNOWN_VERSION" };
        }
        var later = versions.Skip(index + 1).ToList();
        static long Count(VersionEntry v) => v.Changes.Added + v.Changes.Removed + v.Changes.Changed + v.Changes.Derived;

        // The cursor names a change file (the version it leads to) and a record in it: the page starts right after it,
        // read from the gzip member that holds it (see ChangeRecord.Read), not from the start of the file.
        var (file, record) = (0, 0L);
        var after = ctx.GetArgument<string?>("after");
        if (after is not null)
        {
            var at = TryDecode(after, out var afterDigest, out var afterRecord) ? later.FindIndex(v => v.Digest == afterDigest) : -1;
            if (at < 0 || afterRecord >= Count(later[at]))
            {
                throw new ExecutionError("Invalid cursor for `changes` (it must come from a page of `changes` with the same `since`).") { Code = "INVALID_CURSOR" };
            }
            (file, record) = (at, afterRecord + 1);
        }
        var edges = new List<Edge<ChangeRecord>>();
        for (; file < later.Count && edges.Count < first; (file, record) = (file + 1, 0))
        {
            var version = later[file];
            if (record >= Count(version))
            {
                continue;
            }
            if (exports.ChangesPath(version) is not { } path)
            {
                throw new ExecutionError($"The change file of version {version.Version} is missing from the history.") { Code = "CHANGES_UNAVAILABLE" };
            }
            foreach (var change in ChangeRecord.Read(path, skip: record).Take(first - edges.Count))
            {
                var (d, n) = (version.Digest, record++);
                edges.Add(new Edge<ChangeRecord>(change, _ => Encode(d, n)));
            }
            if (edges.Count < first)
            {
                continue;
            }
            // The page is full: is there any change after its last one?
            var hasNext = record < Count(version) || later.Skip(file + 1).Any(v => Count(v) > 0);
            return new Page<ChangeRecord>(edges, hasNext, after is not null, (int)Math.Min(int.MaxValue, later.Sum(Count)));
        }
        // Every change read (or `first: 0`): there is more only if a change remains at the position reached.
        var more = file < later.Count && (record < Count(later[file]) || later.Skip(file + 1).Any(v => Count(v) > 0));
        return new Page<ChangeRecord>(edges, more, after is not null, (int)Math.Min(int.MaxValue, later.Sum(Count)));
    }

    private static string Encode(string digest, long record) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"change:{digest}:{record.ToString(CultureInfo.InvariantCulture)}"));

    private static bool TryDecode(string cursor, out string digest, out long record)
    {
        (digest, record) = ("", 0);
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split(':');
            if (parts is not ["change", var d, var n] || !long.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out record))
            {
                return false;
            }
            digest = d;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
