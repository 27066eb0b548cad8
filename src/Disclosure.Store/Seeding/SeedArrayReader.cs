using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Disclosure.Store.Seeding;

/// <summary>
/// Streams the items of one array property of a seed file (<c>{ "figures": [ … ] }</c>) without holding the file:
/// a <see cref="Utf8JsonReader"/> over a growing buffer, one item deserialized at a time with the same strict
/// options as <see cref="SeedLoader"/>. Other properties of the root object that the file's type knows are skipped
/// token by token; unknown ones are errors. Errors carry the file, the item's JSON path and line/column.
/// </summary>
internal sealed partial class SeedArrayReader<T> : IDisposable where T : class
{
    [GeneratedRegex(@"LineNumber: \d+ \| BytePositionInLine: \d+\.")]
    private static partial Regex ReaderPosition();

    private const int InitialBuffer = 1 << 16;

    private readonly FileStream _file;
    private readonly string _fileName;
    private readonly string _property;
    private readonly Type _fileType;
    private readonly HashSet<string> _rootProperties;
    private readonly Decoder _utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private byte[] _buffer = new byte[InitialBuffer];
    private int _start;
    private int _end;
    private bool _final;
    private bool _started;
    private bool _inArray;
    private bool _done;
    private bool _found;
    private int _index = -1;
    private long _line;
    private long _column;
    private long _itemLine;
    private long _itemColumn;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false });

    private SeedArrayReader(string path, string fileName, string property, Type fileType)
    {
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        _fileName = fileName;
        _property = property;
        _fileType = fileType;
        _rootProperties = fileType.GetProperties().Select(p => SeedLoader.JsonOptions.PropertyNamingPolicy!.ConvertName(p.Name)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The items of <paramref name="property"/> in the file, in order. On the first error: with <paramref name="errors"/>,
    /// the error is added and the sequence ends; without, a <see cref="SeedValidationException"/> is thrown.
    /// </summary>
    public static IEnumerable<T> Read(string seedDirectory, string fileName, string property, Type fileType, List<SeedError>? errors)
    {
        var path = Path.Combine(seedDirectory, fileName);
        if (!File.Exists(path))
        {
            var missing = new SeedError(fileName, "$", "the file is missing");
            if (errors is null)
            {
                throw new SeedValidationException([missing]);
            }
            errors.Add(missing);
            yield break;
        }

        using var reader = new SeedArrayReader<T>(path, fileName, property, fileType);
        while (true)
        {
            T item;
            try
            {
                if (!reader.MoveNext(out item))
                {
                    yield break;
                }
            }
            catch (SeedFileException e)
            {
                if (errors is null)
                {
                    throw new SeedValidationException([e.Error]);
                }
                errors.Add(e.Error);
                yield break;
            }
            yield return item;
        }
    }

    public void Dispose() => _file.Dispose();

    private string ItemPath => $"$.{_property}[{_index}]";

    private bool MoveNext(out T item)
    {
        item = null!;
        try
        {
            if (_done)
            {
                return false;
            }
            if (!_inArray && !EnterArray())
            {
                return false;
            }
            _index++;
            if (!NextItem(out item))
            {
                _inArray = false;
                _index = -1;
                FinishRoot();
                return false;
            }
            return true;
        }
        catch (JsonException e)
        {
            var path = _inArray && _index >= 0 ? ItemPath + (e.Path is { Length: > 1 } p ? p[1..] : "") : e.Path ?? "$";
            var (line, column) = e.LineNumber is { } relative
                ? (_itemLine + relative, (relative == 0 ? _itemColumn : 0) + (e.BytePositionInLine ?? 0))
                : (-1, -1);
            var where = line >= 0 ? $" (line {line + 1}, column {column + 1})" : "";
            // A reader error's own message carries its (item-relative) position: give the file's instead.
            var message = ReaderPosition().Replace(SeedLoader.Describe(e), $"LineNumber: {line} | BytePositionInLine: {column}.");
            throw new SeedFileException(new SeedError(_fileName, path, message + where));
        }
        catch (DecoderFallbackException e)
        {
            throw new SeedFileException(new SeedError(_fileName, "$", $"the file is not valid UTF-8 ({e.Message})"));
        }
    }

    /// <summary>Reads the root object up to the start of the array; false when the file has no such array.</summary>
    private bool EnterArray()
    {
        if (!_started)
        {
            _started = true;
            var first = NextToken(out _);
            if (first == JsonTokenType.None)
            {
                throw Error("$", "the file is empty");
            }
            if (first == JsonTokenType.Null)
            {
                throw Error("$", "the file holds null instead of an object");
            }
            if (first != JsonTokenType.StartObject)
            {
                throw Error("$", $"The JSON value could not be converted to {_fileType}.");
            }
        }
        while (true)
        {
            var token = InnerToken(out var name);
            if (token == JsonTokenType.EndObject)
            {
                FinishRoot(afterEndObject: true);
                return false;
            }
            if (_rootProperties.Contains(name!) is false)
            {
                throw Error("$", $"The JSON property '{name}' could not be mapped to any .NET member contained in type '{_fileType}'.");
            }
            var value = InnerToken(out _);
            if (name == _property)
            {
                _found = true;
                if (value != JsonTokenType.StartArray)
                {
                    throw Error($"$.{_property}", value == JsonTokenType.Null ? "must not be null" : "must be an array");
                }
                _inArray = true;
                return true;
            }
            SkipValue(value);
        }
    }

    /// <summary>After the array: the rest of the root object, then nothing but whitespace.</summary>
    private void FinishRoot(bool afterEndObject = false)
    {
        while (!afterEndObject)
        {
            var token = InnerToken(out var name);
            if (token == JsonTokenType.EndObject)
            {
                break;
            }
            if (!_rootProperties.Contains(name!))
            {
                throw Error("$", $"The JSON property '{name}' could not be mapped to any .NET member contained in type '{_fileType}'.");
            }
            SkipValue(InnerToken(out _));
        }
        if (NextToken(out _) != JsonTokenType.None)
        {
            throw Error("$", "unexpected content after the root object");
        }
        _done = true;
        if (!_found)
        {
            throw Error("$", $"JSON deserialization for type '{_fileType}' was missing required properties including: '{_property}'.");
        }
    }

    private void SkipValue(JsonTokenType first)
    {
        if (first is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }
        for (var depth = 1; depth > 0;)
        {
            var token = InnerToken(out _);
            if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                depth++;
            }
            else if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                depth--;
            }
        }
    }

    private JsonTokenType InnerToken(out string? name)
    {
        var token = NextToken(out name);
        return token == JsonTokenType.None ? throw Error("$", "the file ends before the JSON is complete") : token;
    }

    /// <summary>Reads one token (and a property's name); <see cref="JsonTokenType.None"/> at the end of the file.</summary>
    private JsonTokenType NextToken(out string? name)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            if (reader.Read())
            {
                name = reader.TokenType == JsonTokenType.PropertyName ? reader.GetString() : null;
                Commit(ref reader);
                return reader.TokenType;
            }
            if (_final)
            {
                name = null;
                Commit(ref reader);
                return JsonTokenType.None;
            }
            Fill();
        }
    }

    /// <summary>The next array item, deserialized; false at the end of the array.</summary>
    private bool NextItem(out T item)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            PositionOfItem(pending);
            var reader = new Utf8JsonReader(pending, _final, _state);
            if (!reader.Read())
            {
                Fill();
                continue;
            }
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                Commit(ref reader);
                item = null!;
                return false;
            }
            // The item is deserialized from its own bytes, so error positions count from its first token.
            var first = (int)reader.TokenStartIndex;
            var probe = reader;
            bool complete;
            try
            {
                complete = probe.TrySkip();
            }
            catch (JsonException)
            {
                // Malformed JSON inside the item: let the serializer meet it, so the error names the member it is in.
                JsonSerializer.Deserialize<T>(pending[first..], SeedLoader.JsonOptions);
                throw;
            }
            if (!complete)
            {
                Fill();
                continue;
            }
            item = JsonSerializer.Deserialize<T>(pending[first..(int)probe.BytesConsumed], SeedLoader.JsonOptions)
                   ?? throw Error(ItemPath, "an item must be an object, not null");
            Commit(ref probe);
            return true;
        }
    }

    /// <summary>The line and column of the next item's first token (after whitespace and the comma between items).</summary>
    private void PositionOfItem(ReadOnlySpan<byte> pending)
    {
        (_itemLine, _itemColumn) = (_line, _column);
        var next = pending.IndexOfAnyExcept(" \t\r\n"u8);
        if (next >= 0 && pending[next] == (byte)',')
        {
            var after = pending[(next + 1)..].IndexOfAnyExcept(" \t\r\n"u8);
            next = after < 0 ? -1 : next + 1 + after;
        }
        var prefix = next < 0 ? pending : pending[..next];
        var lastNewLine = prefix.LastIndexOf((byte)'\n');
        if (lastNewLine >= 0)
        {
            _itemLine += prefix.Count((byte)'\n');
            _itemColumn = prefix.Length - lastNewLine - 1;
        }
        else
        {
            _itemColumn += prefix.Length;
        }
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        // A reader resumed from a JsonReaderState counts lines and columns from where it resumed, so the position
        // of the consumed text is kept here to report errors at their place in the whole file.
        var consumed = _buffer.AsSpan(_start, (int)reader.BytesConsumed);
        var lastNewLine = consumed.LastIndexOf((byte)'\n');
        if (lastNewLine >= 0)
        {
            _line += consumed.Count((byte)'\n');
            _column = consumed.Length - lastNewLine - 1;
        }
        else
        {
            _column += consumed.Length;
        }
        _state = reader.CurrentState;
        _start += consumed.Length;
    }

    private void Fill()
    {
        if (_final)
        {
            throw Error(_inArray && _index >= 0 ? ItemPath : "$", "the file ends before the JSON is complete");
        }
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        var read = _file.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _final = true;
            _utf8.GetCharCount([], 0, 0, flush: true);
            return;
        }
        var skip = 0;
        if (_file.Position == read && read >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            skip = 3; // a UTF-8 byte order mark is not part of the JSON
            _start = 3;
        }
        _utf8.GetCharCount(_buffer, _end + skip, read - skip, flush: false);
        _end += read;
    }

    private SeedFileException Error(string path, string message) => new(new SeedError(_fileName, path, message));

    private sealed class SeedFileException(SeedError error) : Exception(error.ToString())
    {
        public SeedError Error { get; } = error;
    }
}
