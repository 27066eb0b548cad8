using System.Text.RegularExpressions;

namespace Disclosure.Store.Importing.CarbonGap;

/// <summary>Takes a datasource cell apart: report name (text before the first page or link; not a bare number), first page citation, first http(s) URL, local file (<c>file:///</c> anywhere in the cell).</summary>
public static partial class CarbonGapSources
{
    public static CarbonGapSource Parse(string cell)
    {
        var page = Page().Match(cell);
        var url = Url().Match(cell);
        var end = new[] { page.Success ? page.Index : cell.Length, Link().Match(cell) is { Success: true } link ? link.Index : cell.Length }.Min();
        var name = cell[..end].Trim().TrimEnd(',', ';', '-', ':').Trim();
        return new CarbonGapSource
        {
            // A bare number before the page or link ("2019, page 29 ...; 2020, page 1 ...", "3,https://...") is a
            // year group or a stray figure, not a report's name.
            ReportName = name.Length == 0 || name.All(char.IsAsciiDigit) ? null : name,
            Page = page.Success ? page.Groups["page"].Value : null,
            Url = url.Success ? url.Value.TrimEnd('.', ',', ';', ')') : null,
            IsLocalFile = cell.Contains("file:///", StringComparison.OrdinalIgnoreCase),
        };
    }

    [GeneratedRegex(@"[,;]?\s*\bp(?:age|ages|g|\.)?\s*(?<page>[0-9]+(?:\s*(?:-|–|and|&|,)\s*[0-9]+)*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Page();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    [GeneratedRegex(@"(?:https?|file)://", RegexOptions.IgnoreCase)]
    private static partial Regex Link();
}
