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
        var folded = RemoveAccents(name.Replace("&", " and ", StringComparison.Ordinal)).ToLowerInvariant()
            .Replace("a/s", "as", StringComparison.Ordinal); // the Danish and Norwegian legal form
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

    // Latin letters with diacritics (U+00C0-U+017F) and their base letters. A table, not Unicode normalisation: the
    // build runs with invariant globalization, where String.Normalize leaves "é" as it is.
    private const string Accented = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽž";
    private const string Plain = "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZz";

    private static string RemoveAccents(string s)
    {
        var folded = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            var i = Accented.IndexOf(c, StringComparison.Ordinal);
            _ = c switch
            {
                'ø' => folded.Append('o'), 'Ø' => folded.Append('O'), 'æ' => folded.Append("ae"), 'Æ' => folded.Append("AE"),
                'ß' => folded.Append("ss"), 'ł' => folded.Append('l'), 'Ł' => folded.Append('L'), 'đ' => folded.Append('d'), 'Đ' => folded.Append('D'),
                'œ' => folded.Append("oe"), 'Œ' => folded.Append("OE"),
                _ => i >= 0 ? folded.Append(Plain[i]) : folded.Append(c),
            };
        }
        return folded.ToString();
    }
}
