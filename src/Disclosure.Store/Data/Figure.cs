namespace Disclosure.Store.Data;

/// <summary>One reported figure (a data point of the yearly progress).</summary>
public sealed class Figure
{
    public required string Id { get; init; }
    public required string OrganizationId { get; init; }
    public required Metric Metric { get; init; }
    public string? Subject { get; init; }
    public required PeriodKind PeriodKind { get; init; }
    public required string PeriodLabel { get; init; }
    public required DateOnly PeriodStart { get; init; }
    public required DateOnly PeriodEnd { get; init; }
    public int? FiscalYear { get; init; }
    public int? CalendarYear { get; init; }
    public required string PublishedValue { get; init; }
    public double? Value { get; init; }
    public required ValueQualifier Qualifier { get; init; }
    public required Unit Unit { get; init; }
    public double? NormalizedValue { get; init; }
    public string? NormalizedUnit { get; init; }
    public ChangeDirection? Direction { get; init; }
    public required EmissionBasis Basis { get; init; }
    public required Confidence Confidence { get; init; }
    public string? ConfidenceNote { get; init; }
    public string? Note { get; init; }
    public string? ReportId { get; init; }
    public string? TargetId { get; init; }
}
