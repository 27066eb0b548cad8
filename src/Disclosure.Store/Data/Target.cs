namespace Disclosure.Store.Data;

/// <summary>A climate target as announced.</summary>
public sealed class Target
{
    public required string Id { get; init; }
    public required string OrganizationId { get; init; }
    public required string Name { get; init; }
    public required TargetKind Kind { get; init; }
    public int? BaselineYear { get; init; }
    public required int TargetYear { get; init; }
    public double? QuantityValue { get; init; }
    public Unit? QuantityUnit { get; init; }
    public string? IntensityDenominator { get; init; }
    public required TargetStatus Status { get; init; }
    public required DateOnly AnnouncedOn { get; init; }
    public required string Text { get; init; }
}
