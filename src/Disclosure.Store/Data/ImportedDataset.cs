namespace Disclosure.Store.Data;

/// <summary>
/// A dataset facts came through: a publisher's open dataset imported from <c>seed-data/imports/</c>, or our own
/// curation (<see cref="CuratedId"/>). Not the store's version (<see cref="DatasetInfo"/>) and not a cited document (<see cref="Source"/>).
/// </summary>
public sealed class ImportedDataset
{
    public const string CuratedId = "disclosure-curated";

    public required string Id { get; init; }
    public required DatasetKind Kind { get; init; }
    public required string Title { get; init; }
    public required string Publisher { get; init; }
    /// <summary>Where the publisher publishes it; null for our curation.</summary>
    public string? Url { get; init; }
    public string? RetrievedFrom { get; init; }
    public string? Licence { get; init; }
    public string? LicenceUrl { get; init; }
    public required string Attribution { get; init; }
    public DateOnly? SnapshotDate { get; init; }
    public DateOnly? AccessedOn { get; init; }
    public required string Checks { get; init; }
    /// <summary>Data rows read from the publisher's files; null for our curation.</summary>
    public int? RowsRead { get; init; }
    /// <summary>Rows that became records (a row may give several facts); null for our curation.</summary>
    public int? RowsImported { get; init; }
    /// <summary>Rejections: whole rows, or single values of a row, not taken; null for our curation.</summary>
    public int? RowsRejected { get; init; }
    public required int Ordinal { get; init; }
}
