namespace Disclosure.Store.Importing;

/// <summary>
/// Our documented corrections of publisher cells (<c>seed-data/overrides/corrections.json</c>): file, row, column,
/// the value as the publisher wrote it, our value, and why. Never an edit of the publisher's file: the importer reads
/// the file as published and replaces the one cell as it reads it. A correction whose cell no longer holds the old
/// value, or that matches no cell, stops the build (the publisher's file or our correction changed). Applied
/// corrections are listed in the dataset's import report. Tabular files only (CSV and the spreadsheet); a JSON value
/// cannot be corrected this way.
/// </summary>
public sealed class ImportCorrections(IReadOnlyList<ImportCorrection> corrections)
{
    public static ImportCorrections None { get; } = new([]);

    private readonly HashSet<ImportCorrection> _applied = [];

    public IReadOnlyList<ImportCorrection> All => corrections;

    public IReadOnlyList<ImportCorrection> Applied => [.. corrections.Where(_applied.Contains)];

    /// <summary>
    /// The rows of <paramref name="file"/> with our corrections applied; the columns are named by the header at row
    /// <paramref name="headerRow"/> (the first column of that name, for a header that repeats names).
    /// </summary>
    public IEnumerable<(int Row, T[] Cells)> Apply<T>(string file, int headerRow, IEnumerable<(int Row, T[] Cells)> rows) where T : class?
    {
        var mine = corrections.Where(c => c.File == file).ToList();
        if (mine.Count == 0)
        {
            foreach (var row in rows)
            {
                yield return row;
            }
            yield break;
        }
        T[]? header = null;
        foreach (var (number, cells) in rows)
        {
            if (number == headerRow)
            {
                header = cells;
            }
            foreach (var c in mine.Where(c => c.Row == number))
            {
                var index = header is null ? -1 : Array.FindIndex(header, h => (string?)(object?)h == c.Column);
                if (index < 0)
                {
                    throw new ImportFormatException($"overrides/corrections.json: the correction of {file} row {number}: the header has no column '{c.Column}'.");
                }
                var current = index < cells.Length ? (string?)(object?)cells[index] : null;
                if (current != c.Old)
                {
                    throw new ImportFormatException($"overrides/corrections.json: the correction of {file} row {number}, column '{c.Column}' no longer applies: the cell is '{current}', the correction expects '{c.Old}'.");
                }
                cells[index] = (T)(object?)c.New!;
                _applied.Add(c);
            }
            yield return (number, cells);
        }
        if (mine.FirstOrDefault(c => !_applied.Contains(c)) is { } missed)
        {
            throw new ImportFormatException($"overrides/corrections.json: the correction of {file} row {missed.Row}, column '{missed.Column}' matches no row of the file.");
        }
    }
}

/// <summary>One correction: where, the publisher's value, ours, and why.</summary>
public sealed record ImportCorrection
{
    public required string Dataset { get; init; }
    public required string File { get; init; }
    public required int Row { get; init; }
    public required string Column { get; init; }
    public required string? Old { get; init; }
    public required string? New { get; init; }
    public required string Why { get; init; }
}
