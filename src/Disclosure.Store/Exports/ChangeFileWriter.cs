using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Parquet;
using Parquet.Serialization;

namespace Disclosure.Store.Exports;

/// <summary>
/// Writes one change file in two formats as the records come, in bounded memory:
/// <list type="bullet">
/// <item><c>changes.ndjson.gz</c>: one JSON line per change, gzip, written as one gzip member per
/// <see cref="BlockSize"/> records (concatenated members are one valid gzip file for every reader), with an index
/// (<c>.idx</c>: the byte offset of each member, 8 bytes little-endian each) so that a reader can start at any record
/// without decompressing the file from its start (<see cref="ChangeRecord.Read(string, long)"/>);</item>
/// <item><c>changes.parquet</c>: the same records (see <see cref="ChangeRow"/>), a row group per
/// <see cref="ExportSettings.RowGroupSize"/> records.</item>
/// </list>
/// </summary>
internal sealed class ChangeFileWriter : IAsyncDisposable
{
    public const int BlockSize = 1_000;

    private readonly FileStream _ndjson;
    private readonly BinaryWriter _index;
    private readonly FileStream _parquet;
    private readonly int _rowGroupSize;
    private readonly List<ChangeRow> _rows = [];
    private GZipStream? _block;
    private int _inBlock;
    private bool _parquetStarted;

    public ChangeFileWriter(string ndjsonPath, string indexPath, string parquetPath, int rowGroupSize)
    {
        _ndjson = new FileStream(ndjsonPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        _index = new BinaryWriter(new FileStream(indexPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 12));
        _parquet = new FileStream(parquetPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        _rowGroupSize = Math.Max(1, rowGroupSize);
    }

    public long Count { get; private set; }

    public async Task WriteAsync(ChangeRecord record, CancellationToken cancellationToken)
    {
        if (_block is null)
        {
            _index.Write(_ndjson.Position);
            _block = new GZipStream(_ndjson, CompressionLevel.Fastest, leaveOpen: true);
        }
        _block.Write(JsonSerializer.SerializeToUtf8Bytes(record, ChangeRecord.Json));
        _block.WriteByte((byte)'\n');
        if (++_inBlock == BlockSize)
        {
            await EndBlockAsync();
        }
        _rows.Add(ChangeRow.Of(record));
        if (_rows.Count == _rowGroupSize)
        {
            await FlushRowsAsync(cancellationToken);
        }
        Count++;
    }

    /// <summary>Ends both files (a change file with no change is still a valid, empty file in both formats).</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await EndBlockAsync();
        if (Count == 0)
        {
            // An empty gzip member: the NDJSON file is a valid gzip of nothing.
            await using (new GZipStream(_ndjson, CompressionLevel.Fastest, leaveOpen: true))
            {
            }
        }
        if (_rows.Count > 0 || !_parquetStarted)
        {
            await FlushRowsAsync(cancellationToken);
        }
    }

    private async Task EndBlockAsync()
    {
        if (_block is not null)
        {
            await _block.DisposeAsync();
            _block = null;
            _inBlock = 0;
        }
    }

    private async Task FlushRowsAsync(CancellationToken cancellationToken)
    {
        // Each call adds a row group (Append: after the first) and rewrites the footer.
        _parquet.Position = _parquetStarted ? _parquet.Length : 0;
        await ParquetSerializer.SerializeAsync(_rows, _parquet, StoreExporter.ParquetOptions(_rowGroupSize, append: _parquetStarted),
            cancellationToken: cancellationToken);
        _parquetStarted = true;
        _rows.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (_block is not null)
        {
            await _block.DisposeAsync();
        }
        await _ndjson.DisposeAsync();
        _index.Dispose();
        await _parquet.DisposeAsync();
    }
}

/// <summary>One row of <c>changes.parquet</c>: a <see cref="ChangeRecord"/> with its field changes as a list of structs.</summary>
public sealed class ChangeRow
{
    [JsonPropertyName("kind")] public string Kind { get; set; } = "";
    [JsonPropertyName("entity")] public string Entity { get; set; } = "";
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("derived")] public bool Derived { get; set; }
    [JsonPropertyName("fields")] public List<ChangeRowField> Fields { get; set; } = [];
    [JsonPropertyName("inputs")] public List<string> Inputs { get; set; } = [];
    [JsonPropertyName("from_version")] public string? FromVersion { get; set; }
    [JsonPropertyName("to_version")] public string ToVersion { get; set; } = "";

    internal static ChangeRow Of(ChangeRecord record) => new()
    {
        Kind = record.Kind switch { ChangeKind.Added => "ADDED", ChangeKind.Removed => "REMOVED", _ => "CHANGED" },
        Entity = record.Entity, Id = record.Id, Derived = record.Derived,
        Fields = [.. record.Fields.Select(f => new ChangeRowField { Field = f.Field, Old = f.Old, New = f.New })],
        Inputs = [.. record.Inputs], FromVersion = record.From, ToVersion = record.To,
    };

    /// <summary>The columns of <c>changes.parquet</c>, for the manifest.</summary>
    internal static IReadOnlyList<ExportColumnSchema> Schema { get; } =
    [
        new("kind", ExportColumnType.Text, "ADDED, REMOVED or CHANGED."),
        new("entity", ExportColumnType.Text, "The kind of fact (Figure, Target, Citation…), or TargetProgress for a derived change."),
        new("id", ExportColumnType.Text, "The fact's stable id (for a citation its stable `id`, for target progress the target's id)."),
        new("derived", ExportColumnType.Boolean, "True for a derived fact (target progress) that changed because its inputs did."),
        new("fields", ExportColumnType.FieldChanges, "For a changed fact: the fields that changed, a list of {field, old, new} with the old and new values as JSON text."),
        new("inputs", ExportColumnType.TextList, "For a derived change: the facts that caused it (`Entity:id`)."),
        new("from_version", ExportColumnType.Text, "The older version (null when no version was known before)."),
        new("to_version", ExportColumnType.Text, "The newer version (this one)."),
    ];
}

/// <summary>A field change in <c>changes.parquet</c>.</summary>
public sealed class ChangeRowField
{
    [JsonPropertyName("field")] public string Field { get; set; } = "";
    [JsonPropertyName("old")] public string Old { get; set; } = "";
    [JsonPropertyName("new")] public string New { get; set; } = "";
}
