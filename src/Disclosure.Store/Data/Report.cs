namespace Disclosure.Store.Data;

/// <summary>A disclosure report an organization published.</summary>
public sealed class Report
{
    public required string Id { get; init; }
    public required string OrganizationId { get; init; }
    public required string Title { get; init; }
    public required ReportKind Kind { get; init; }
    public int? FiscalYear { get; init; }
    public required DateOnly PublishedOn { get; init; }
    public string? PublishedOnNote { get; init; }
    public string? Framework { get; init; }
    public string? Verifier { get; init; }
    public string? VerificationScope { get; init; }
}
