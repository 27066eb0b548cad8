namespace Disclosure.Store.Data;

/// <summary>
/// An entry of a dataset's import report: a publisher row (or one value of it) that the import did not take, a
/// name that was not merged because it matches more than one organization, or an identifier held by organizations
/// whose names do not agree; with where it is and why.
/// </summary>
public sealed class ImportReportEntry
{
    /// <summary>The dataset's id and a six-digit ordinal: stable for the same files.</summary>
    public required string Id { get; init; }
    public required string DatasetId { get; init; }
    public required ImportReportKind Kind { get; init; }
    public required string File { get; init; }
    public required string Row { get; init; }
    public string? Column { get; init; }
    public required string Reason { get; init; }
    public string? Value { get; init; }
}
