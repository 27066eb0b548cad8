using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Disclosure.Api.Paging;

/// <summary>
/// Keyset cursors: base64url of a JSON array <c>[ordering, key…, id]</c>, where <c>ordering</c> is a short hash of
/// the sort specification the cursor was made under. A cursor holds the sort key and id of a row, so the next
/// page is "rows after this key" (an index seek), never an OFFSET; a cursor made under another ordering, or one
/// that does not decode, is refused.
/// </summary>
public static class Cursor
{
    // A handful of orderings exist per entity; their hashes are computed once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Orderings = new(StringComparer.Ordinal);

    public static string Ordering(string sortSpecification) =>
        Orderings.Count < 10_000
            ? Orderings.GetOrAdd(sortSpecification, Hash)
            : Hash(sortSpecification);

    private static string Hash(string sortSpecification) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sortSpecification)).AsSpan(0, 4));

    public static string Encode(string ordering, IReadOnlyList<object?> keys)
    {
        var values = new object?[keys.Count + 1];
        values[0] = ordering;
        for (var i = 0; i < keys.Count; i++)
        {
            values[i + 1] = keys[i] is DateOnly d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : keys[i];
        }
        return Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(values));
    }

    /// <summary>The cursor's keys, or an error message saying why it cannot be used under <paramref name="ordering"/>.</summary>
    public static bool TryDecode(string cursor, string ordering, int keyCount, out JsonElement[] keys, out string? error)
    {
        keys = [];
        error = null;
        try
        {
            if (cursor.Length > 1024 || !Base64Url.IsValid(cursor))
            {
                throw new FormatException();
            }
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(cursor), new JsonDocumentOptions { MaxDepth = 2 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() < 2 || root[0].ValueKind != JsonValueKind.String)
            {
                throw new FormatException();
            }
            if (root[0].GetString() != ordering)
            {
                error = $"The cursor '{Shorten(cursor)}' was made under another `order`; page with the ordering it came from, or start again without a cursor.";
                return false;
            }
            if (root.GetArrayLength() != keyCount + 1)
            {
                throw new FormatException();
            }
            keys = [.. root.EnumerateArray().Skip(1).Select(e => e.Clone())];
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            error = $"'{Shorten(cursor)}' is not a valid cursor.";
            return false;
        }
    }

    private static string Shorten(string s) => s.Length <= 48 ? s : s[..45] + "...";
}
