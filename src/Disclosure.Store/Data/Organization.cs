namespace Disclosure.Store.Data;

/// <summary>A reporting organization: a group or one of its business units.</summary>
public sealed class Organization
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required OrganizationKind Kind { get; init; }
    public string? ParentId { get; init; }
    public string? Mission { get; init; }
    /// <summary>ISO 3166-1 alpha-3, as the first dataset that gives one records it.</summary>
    public string? Country { get; init; }
}
