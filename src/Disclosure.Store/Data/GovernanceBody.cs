namespace Disclosure.Store.Data;

/// <summary>A governance body: one tier of the ESG framework, or another body a source describes.</summary>
public sealed class GovernanceBody
{
    public required string Id { get; init; }
    public required string OrganizationId { get; init; }
    public required string Name { get; init; }
    public int? Tier { get; init; }
    public required GovernanceLevel Level { get; init; }
    public required string Mandate { get; init; }
    public DateOnly? EstablishedOn { get; init; }
}
