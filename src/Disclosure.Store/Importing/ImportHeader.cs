namespace Disclosure.Store.Importing;

/// <summary>The header check every importer makes before reading a row.</summary>
public static class ImportHeader
{
    /// <summary>
    /// Throws <see cref="ImportFormatException"/> naming the file, the position, the column found and the one
    /// expected when <paramref name="actual"/> is not exactly <paramref name="expected"/> (renamed, missing, extra or
    /// reordered columns).
    /// </summary>
    public static void Check(string file, string row, IReadOnlyList<string?> actual, IReadOnlyList<string> expected)
    {
        for (var i = 0; i < Math.Max(actual.Count, expected.Count); i++)
        {
            var found = i < actual.Count ? actual[i] : null;
            var wanted = i < expected.Count ? expected[i] : null;
            if (found == wanted || (wanted is null && string.IsNullOrEmpty(found)))
            {
                continue;
            }
            var what = (found, wanted) switch
            {
                (null or "", _) => $"column {i + 1} is missing: expected \"{wanted}\"",
                (_, null) => $"column {i + 1} \"{found}\" is not expected (the header has {expected.Count} columns)",
                _ => $"column {i + 1} is \"{found}\": expected \"{wanted}\"",
            };
            throw new ImportFormatException($"{file}: {row} (header): {what}. The importer was written for another layout; the build stops.");
        }
    }
}
