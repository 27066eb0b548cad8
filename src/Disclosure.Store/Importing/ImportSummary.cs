using System.Text;

namespace Disclosure.Store.Importing;

/// <summary>A console-friendly summary of an import: rows read, records, rejections and their top reasons, skips.</summary>
public static class ImportSummary
{
    public static string Summarize<T>(this ImportBatch<T> batch, string title, int topReasons = 5)
    {
        var text = new StringBuilder();
        text.Append(title).Append(": ").Append(batch.RowsRead).Append(" rows read, ")
            .Append(batch.Records.Count).Append(" imported, ")
            .Append(batch.Rejections.Count).Append(" rejected")
            .Append(batch.Skipped.Count == 0 ? "" : $", {batch.Skipped.Values.Sum()} skipped").AppendLine();
        foreach (var (reason, count) in TopReasons(batch.Rejections, topReasons))
        {
            text.Append("  rejected ").Append(count).Append("x: ").AppendLine(reason);
        }
        foreach (var (reason, count) in batch.Skipped.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal))
        {
            text.Append("  skipped ").Append(count).Append("x: ").AppendLine(reason);
        }
        return text.ToString();
    }

    /// <summary>The most frequent rejection reasons, most frequent first.</summary>
    public static IReadOnlyList<(string Reason, int Count)> TopReasons(IEnumerable<ImportRejection> rejections, int top) =>
        [.. rejections.GroupBy(r => r.Reason, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(top)];
}
