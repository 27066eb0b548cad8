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
    /// <summary>The first day of the period; null for a dataset's reporting year, which has no dates.</summary>
    public DateOnly? PeriodStart { get; init; }
    public DateOnly? PeriodEnd { get; init; }
    /// <summary>Where the figure sorts by period: its start, or the 1st of January of a reporting year (never shown as a date).</summary>
    public required DateOnly PeriodSortKey { get; init; }
    /// <summary>The year the figure is labelled with: its fiscal or calendar year, or the dataset's reporting year; null for ranges and dates.</summary>
    public int? Year { get; init; }
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
    /// <summary>For Scope 3 category figures: the category number (1-15; 16 is "other" as a dataset records it).</summary>
    public int? Category { get; init; }
    /// <summary>For Scope 2 figures of a dataset that says it: market- or location-based.</summary>
    public Scope2Method? Scope2Method { get; init; }
    public required string DatasetId { get; init; }
    public required Verification Verification { get; init; }
    /// <summary>
    /// The organization, metric, period and category: figures with the same key state the same measure (a period is
    /// its label, e.g. <c>FY2023</c>, or <c>RY2023</c> for a dataset's reporting year, which never equals a fiscal or calendar year).
    /// </summary>
    public required string MeasureKey { get; init; }
}
