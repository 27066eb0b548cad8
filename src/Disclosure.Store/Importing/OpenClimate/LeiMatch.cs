namespace Disclosure.Store.Importing.OpenClimate;

/// <summary>
/// One of OpenClimate's matches of a Net Zero Tracker company name to an LEI (GLEIF golden copy, 2022-12-16): a
/// claim made by name matching, not ground truth.
/// </summary>
public sealed record LeiMatch
{
    public required RecordLocation At { get; init; }
    public required string Lei { get; init; }
    /// <summary>The name OpenClimate matched (the Net Zero Tracker company name), as recorded.</summary>
    public required string Name { get; init; }
    /// <summary><c>is_part_of</c>: ISO 3166-1 alpha-2 as recorded.</summary>
    public string? Country { get; init; }
    public required string DataSourceId { get; init; }
}
