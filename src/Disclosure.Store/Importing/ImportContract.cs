namespace Disclosure.Store.Importing;

// The contract between the importers (one per publisher dataset, each in its own folder) and the store builder.
// An importer reads a publisher file exactly as published and turns each row into a typed record, or rejects it
// with its file, row, column and reason; it never guesses a value. The store builder maps records to entities.

/// <summary>Where a value was read: the file, the row (<c>row 481</c> as a spreadsheet shows it, or a JSON path such as <c>$[12].emissions.2023</c>) and the column.</summary>
public readonly record struct RecordLocation(string File, string Row, string? Column = null)
{
    public override string ToString() => Column is null ? $"{File}: {Row}" : $"{File}: {Row}, column {Column}";
}

/// <summary>A row (or one value of a row) that could not be mapped honestly, and why.</summary>
public sealed record ImportRejection(RecordLocation At, string Reason, string? Value);

/// <summary>What one importer read from one dataset.</summary>
public sealed class ImportBatch<T>
{
    public required IReadOnlyList<T> Records { get; init; }
    public required IReadOnlyList<ImportRejection> Rejections { get; init; }
    /// <summary>Data rows read (header and title rows excluded).</summary>
    public required int RowsRead { get; init; }
    /// <summary>Rows (or values) left out on purpose, not rejected, by reason, e.g. "actor_type City" -> 1177.</summary>
    public IReadOnlyDictionary<string, int> Skipped { get; init; } = new Dictionary<string, int>();
}

/// <summary>A publisher file whose header is not what the importer was written for: the build stops.</summary>
public sealed class ImportFormatException(string message) : Exception(message);
