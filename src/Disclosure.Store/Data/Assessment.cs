namespace Disclosure.Store.Data;

/// <summary>
/// A dataset's assessment of a company on a date (Net Zero Tracker's snapshot): its end-target category, which is
/// "No target" when the company was assessed and had none, the status of its end target and the company-level
/// columns (scope coverage, offsets, plans, reporting) as recorded.
/// </summary>
public sealed class Assessment
{
    public required string Id { get; init; }
    public required string OrganizationId { get; init; }
    public required string DatasetId { get; init; }
    public required DateOnly AssessedOn { get; init; }
    public string? LastUpdated { get; init; }
    public string? EndTargetCategory { get; init; }
    public required bool HasTarget { get; init; }
    public string? Status { get; init; }
    public int? StatusYear { get; init; }
    public string? Scope1 { get; init; }
    public string? Scope2 { get; init; }
    public string? Scope3 { get; init; }
    public required string Location { get; init; }
}
