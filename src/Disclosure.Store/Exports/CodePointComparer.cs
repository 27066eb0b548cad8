namespace Disclosure.Store.Exports;

/// <summary>
/// Orders strings by Unicode code point: the order of their UTF-8 bytes, which is how SQLite (BINARY) and PostgreSQL
/// (collation "C", the store's) sort them, so files written in the store's key order merge with it.
/// (<see cref="string.CompareOrdinal(string, string)"/> differs only for characters outside the BMP.)
/// </summary>
public sealed class CodePointComparer : IComparer<string>
{
    public static CodePointComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }
        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            var (a, b) = (x[i], y[i]);
            if (a != b)
            {
                // A surrogate (U+D800-DFFF, a character above U+FFFF) sorts after every other UTF-16 unit.
                var sa = char.IsSurrogate(a);
                var sb = char.IsSurrogate(b);
                return sa == sb ? a.CompareTo(b) : (sa ? 1 : -1);
            }
        }
        return x.Length.CompareTo(y.Length);
    }
}
