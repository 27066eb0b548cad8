namespace Disclosure.Store.Data;

/// <summary>A climate target as announced.</summary>
public sealed class Target
{
    public required string Id { get; init; }
    public required string OrganizationId { get; init; }
    public required string Name { get; init; }
    public required TargetKind Kind { get; init; }
    public int? BaselineYear { get; init; }
    public int? TargetYear { get; init; }
    /// <summary>Where the target sorts by year: its target year, or <see cref="int.MinValue"/> (first) when it has none.</summary>
    public required int TargetYearSortKey { get; init; }
    public double? QuantityValue { get; init; }
    public Unit? QuantityUnit { get; init; }
    public string? IntensityDenominator { get; init; }
    public required TargetStatus Status { get; init; }
    public DateOnly? AnnouncedOn { get; init; }
    public string? Text { get; init; }
    /// <summary>The target's category in the dataset's own words (e.g. Net Zero Tracker's "Carbon neutral(ity)").</summary>
    public string? Category { get; init; }
    /// <summary>The status the dataset recorded (Net Zero Tracker records one per company, for its end target).</summary>
    public string? RecordedStatus { get; init; }
    public int? RecordedStatusYear { get; init; }
    /// <summary>End or interim, where the dataset says.</summary>
    public TargetRole? Role { get; init; }
    public required string DatasetId { get; init; }
    public required Verification Verification { get; init; }
}
