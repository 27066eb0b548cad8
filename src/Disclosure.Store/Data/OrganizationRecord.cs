namespace Disclosure.Store.Data;

/// <summary>A dataset's record of a company, linked to the organization it describes, with how the link was made.</summary>
public sealed class OrganizationRecord
{
    public required string OrganizationId { get; init; }
    public required string DatasetId { get; init; }
    /// <summary>The record's key in the dataset: its own id where it has one (<c>COM-0478</c>, a QID), else the name as recorded.</summary>
    public required string RecordKey { get; init; }
    public required string RecordName { get; init; }
    /// <summary>Where the record is, e.g. <c>snapshot.xlsx: row 481</c>.</summary>
    public required string Location { get; init; }
    public required LinkMethod Method { get; init; }
    public string? Note { get; init; }
}
