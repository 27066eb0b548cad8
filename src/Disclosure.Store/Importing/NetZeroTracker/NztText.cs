using System.Text.RegularExpressions;

namespace Disclosure.Store.Importing.NetZeroTracker;

/// <summary>What kind of text the tracker recorded for a target, and the pages it cites.</summary>
public static partial class NztText
{
    private static readonly char[] QuoteMarks = ['\'', '"', '\u2018', '\u201C', '\u300C'];

    /// <summary>
    /// <see cref="NztTextKind.SeeOther"/> when the text starts with "see above" / "see end target" / "see interim
    /// target"; quoted when it starts with a quote mark (with a page when it cites one); otherwise a summary.
    /// </summary>
    public static NztTextKind Kind(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return NztTextKind.None;
        }
        var trimmed = text.TrimStart();
        if (SeeOther().IsMatch(trimmed))
        {
            return NztTextKind.SeeOther;
        }
        if (QuoteMarks.Contains(trimmed[0]))
        {
            return Pages(text).Count > 0 ? NztTextKind.QuotedWithPage : NztTextKind.Quoted;
        }
        return NztTextKind.Summary;
    }

    /// <summary>
    /// The pages cited in parentheses, in order, each once: "(p9)" -> "9", "(p. 2)", "(Pg. 15)", "(P.23)" -> "2", "15",
    /// "23"; "(p6-7)" -> "6-7"; "(p16/17, 2020)" -> "16", "17"; "(Pg. 16&amp; 29)" -> "16", "29". A parenthesis whose
    /// number is not followed by ")", ",", ":" or ";" (e.g. "(p1.1)") is not read as a page.
    /// </summary>
    public static IReadOnlyList<string> Pages(string? text)
    {
        if (text is null)
        {
            return [];
        }
        return [.. PageCitation().Matches(text)
            .SelectMany(m => m.Groups["pages"].Value.Split(['/', '&'], StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"^see (above|end target|interim target)", RegexOptions.IgnoreCase)]
    private static partial Regex SeeOther();

    [GeneratedRegex(@"\((?:p|pg|P|Pg|PG)\.?\s*(?<pages>[0-9]+(?:\s*-\s*[0-9]+)?(?:\s*[/&]\s*[0-9]+(?:\s*-\s*[0-9]+)?)*)\s*(?=[),:;])")]
    private static partial Regex PageCitation();
}
