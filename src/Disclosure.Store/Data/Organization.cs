namespace Disclosure.Store.Data;

/// <summary>A reporting organization: a group or one of its business units.</summary>
public sealed class Organization
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required OrganizationKind Kind { get; init; }
    public string? ParentId { get; init; }
    public string? Mission { get; init; }
}
