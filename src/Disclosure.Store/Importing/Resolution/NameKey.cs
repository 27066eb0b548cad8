using System.Globalization;
using System.Text;

namespace Disclosure.Store.Importing.Resolution;

/// <summary>
/// The normalised form of a company name that datasets are linked by: letters and digits only, case and accents
/// ignored, "&amp;" read as "and", and legal-form and group words (Inc, AG, AB, plc, Ltd, SA, Group, ...) dropped
/// wherever they stand. "Alibaba Group Holding Ltd." and "ALIBABA" both give <c>alibaba</c>.
/// </summary>
public static class NameKey
{
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "corp", "corporation", "co", "company", "companies", "ltd", "limited", "llc", "lp", "llp",
        "plc", "ag", "ab", "publ", "sa", "se", "nv", "bv", "spa", "asa", "as", "oyj", "oy", "gmbh", "kgaa", "kg", "sarl",
        "sas", "srl", "pte", "pty", "bhd", "tbk", "pt", "kk", "holding", "holdings", "group", "the", "and", "of",
    };

    /// <summary>The key; empty when nothing is left (a name of legal words only), and such a name links nothing.</summary>
    public static string Of(string name)
    {
        var folded = RemoveAccents(name.Replace("&", " and ", StringComparison.Ordinal)).ToLowerInvariant();
        var words = new List<string>();
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length > 0)
            {
                var w = word.ToString();
                if (!Dropped.Contains(w))
                {
                    words.Add(w);
                }
                word.Clear();
            }
        }
        foreach (var c in folded)
        {
            if (c is '.' or '\'' or '’')
            {
                continue; // "S.A.", "McDonald's": dots and apostrophes join, they do not split
            }
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else
            {
                Flush();
            }
        }
        Flush();
        return string.Join(' ', words);
    }

    /// <summary>A URL- and ID-friendly slug of a display name: ASCII letters and digits joined by hyphens.</summary>
    public static string Slug(string name)
    {
        var folded = RemoveAccents(name.Replace("&", " and ", StringComparison.Ordinal)).ToLowerInvariant();
        var slug = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (c is '.' or '\'' or '’')
            {
                continue;
            }
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        return slug.ToString().Trim('-');
    }

    private static string RemoveAccents(string s)
    {
        // Letters that do not decompose into a base letter and a mark.
        s = s.Replace("ø", "o", StringComparison.Ordinal).Replace("Ø", "O", StringComparison.Ordinal)
            .Replace("æ", "ae", StringComparison.Ordinal).Replace("Æ", "AE", StringComparison.Ordinal)
            .Replace("ß", "ss", StringComparison.Ordinal).Replace("ł", "l", StringComparison.Ordinal).Replace("Ł", "L", StringComparison.Ordinal)
            .Replace("đ", "d", StringComparison.Ordinal).Replace("Đ", "D", StringComparison.Ordinal);
        var decomposed = s.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }
        return kept.ToString().Normalize(NormalizationForm.FormC);
    }
}
