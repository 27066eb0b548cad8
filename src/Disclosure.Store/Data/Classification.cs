namespace Disclosure.Store.Data;

/// <summary>A sector or industry label as one dataset names it (kept in the dataset's own words and language).</summary>
public sealed class Classification
{
    public required string OrganizationId { get; init; }
    public required string DatasetId { get; init; }
    /// <summary>The dataset's name for the scheme, e.g. <c>industry</c> (Net Zero Tracker), <c>GICS sector</c> (Klimatkollen).</summary>
    public required string Scheme { get; init; }
    public required string Label { get; init; }
    public string? Code { get; init; }
}
