namespace Disclosure.Store.Data;

/// <summary>A commitment or principle an organization stated.</summary>
public sealed class Commitment
{
    public required string Id { get; init; }
    public required string OrganizationId { get; init; }
    public required CommitmentKind Kind { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public string? Status { get; init; }
    public DateOnly? MadeOn { get; init; }
}
