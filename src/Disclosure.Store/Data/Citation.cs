namespace Disclosure.Store.Data;

/// <summary>
/// The source a fact rests on, the exact quote where a passage exists (else what the dataset recorded), the dataset
/// it came through and how far we checked it. Ordinal 0 is the primary citation.
/// </summary>
public sealed class Citation
{
    public required string SubjectType { get; init; }
    public required string SubjectId { get; init; }
    public required int Ordinal { get; init; }
    public required string SourceId { get; init; }
    public string? Quote { get; init; }
    public string? Note { get; init; }
    /// <summary>The page(s) of the source the dataset names, when it names any.</summary>
    public string? Page { get; init; }
    /// <summary>What the dataset recorded, as written, when the fact has no quote (e.g. Carbon Gap's datasource cell with the value).</summary>
    public string? Recorded { get; init; }
    public required string DatasetId { get; init; }
    /// <summary>Where in the dataset's files the fact was read (file and row or JSON path); null for our own curation.</summary>
    public string? DatasetLocation { get; init; }
    public required Verification Verification { get; init; }
}
