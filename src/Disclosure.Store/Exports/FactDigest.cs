using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Disclosure.Store.Exports;

/// <summary>
/// One fact (or citation) of a version's digest: its entity, id and a hash of its fields; the fields themselves are
/// parsed from the line only when asked for (a changed fact, a figure's target, a citation's subject), so the merge of
/// two digests compares most rows by their hash alone.
/// </summary>
internal sealed class DigestRow(string entity, string id, string hash, string line)
{
    private JsonElement? _fields;

    public string Entity { get; } = entity;
    public string Id { get; } = id;
    public string Hash { get; } = hash;

    public JsonElement Fields
    {
        get
        {
            if (_fields is null)
            {
                using var document = JsonDocument.Parse(line);
                _fields = document.RootElement.GetProperty("f").Clone();
            }
            return _fields.Value;
        }
    }

    public bool IsCitation => Entity == "Citation";

    /// <summary>The digest's order: facts by entity name, then citations; each by id in code-point order.</summary>
    public static int Compare(DigestRow a, DigestRow b)
    {
        var byKind = a.IsCitation.CompareTo(b.IsCitation);
        if (byKind != 0)
        {
            return byKind;
        }
        var byEntity = string.CompareOrdinal(a.Entity, b.Entity);
        return byEntity != 0 ? byEntity : CodePointComparer.Instance.Compare(a.Id, b.Id);
    }

    public string? Field(string name) =>
        Fields.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;
}

/// <summary>
/// A version's facts and citations, one JSON line each (<c>{"e":entity,"id":…,"h":hash,"f":{field: value…}}</c>), gzip,
/// in the order the store reads them (facts by entity name, then citations; each by id). Written beside the bulk files
/// as <c>facts.ndjson.gz</c> and kept in the history, so the next version can be compared with it even when the store
/// is lost: a sort-merge of the two files, in constant memory.
/// </summary>
internal sealed class FactDigestWriter : IAsyncDisposable
{
    private readonly Stream _file;
    private readonly GZipStream _gzip;
    private readonly ArrayBufferWriter<byte> _fields = new();
    private readonly ArrayBufferWriter<byte> _line = new();

    public FactDigestWriter(string path)
    {
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        _gzip = new GZipStream(_file, CompressionLevel.Fastest);
    }

    public long Rows { get; private set; }

    public void Write(string entity, string id, IReadOnlyList<ExportColumn> columns, object?[] values)
    {
        _fields.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_fields))
        {
            json.WriteStartObject();
            for (var i = 0; i < columns.Count; i++)
            {
                if (!columns[i].OwnField)
                {
                    continue;
                }
                json.WritePropertyName(columns[i].Name);
                WriteValue(json, values[i]);
            }
            json.WriteEndObject();
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(_fields.WrittenSpan))[..16];
        _line.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_line))
        {
            json.WriteStartObject();
            json.WriteString("e", entity);
            json.WriteString("id", id);
            json.WriteString("h", hash);
            json.WritePropertyName("f");
            json.WriteRawValue(_fields.WrittenSpan, skipInputValidation: true);
            json.WriteEndObject();
        }
        _gzip.Write(_line.WrittenSpan);
        _gzip.WriteByte((byte)'\n');
        Rows++;
    }

    internal static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case int n: json.WriteNumberValue(n); break;
            case long n: json.WriteNumberValue(n); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case double d: json.WriteStringValue(d.ToString(System.Globalization.CultureInfo.InvariantCulture)); break;
            case bool b: json.WriteBooleanValue(b); break;
            case DateOnly d: json.WriteStringValue(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)); break;
            default: json.WriteStringValue(value.ToString()); break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gzip.DisposeAsync();
        await _file.DisposeAsync();
    }

    /// <summary>Reads a digest file row by row (the entity, id and hash of each line; its fields when asked for).</summary>
    public static IEnumerable<DigestRow> Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var bytes = new byte[4096];
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var length = Encoding.UTF8.GetMaxByteCount(line.Length);
            if (length > bytes.Length)
            {
                bytes = new byte[Math.Max(length, bytes.Length * 2)];
            }
            var json = new Utf8JsonReader(bytes.AsSpan(0, Encoding.UTF8.GetBytes(line, bytes)));
            string? entity = null, id = null, hash = null;
            json.Read(); // {
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName && (entity is null || id is null || hash is null))
            {
                var name = json.GetString();
                json.Read();
                switch (name)
                {
                    case "e": entity = json.GetString(); break;
                    case "id": id = json.GetString(); break;
                    case "h": hash = json.GetString(); break;
                    default: json.Skip(); break;
                }
            }
            yield return new DigestRow(entity ?? throw new InvalidDataException($"{path}: a line without \"e\""),
                id ?? throw new InvalidDataException($"{path}: a line without \"id\""), hash ?? throw new InvalidDataException($"{path}: a line without \"h\""), line);
        }
    }
}
