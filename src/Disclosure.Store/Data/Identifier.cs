namespace Disclosure.Store.Data;

/// <summary>
/// An identifier a dataset claims for an organization (ISIN, LEI, Wikidata QID, the dataset's own id). A claim:
/// one held by organizations whose names do not agree carries a <see cref="Warning"/> and is never used to look up.
/// </summary>
public sealed class Identifier
{
    public required string OrganizationId { get; init; }
    public required IdentifierScheme Scheme { get; init; }
    public required string Value { get; init; }
    public required string DatasetId { get; init; }
    /// <summary>How the dataset came by it (e.g. recorded in a column, or OpenClimate's name match against GLEIF).</summary>
    public required string Method { get; init; }
    public string? Warning { get; init; }
}
