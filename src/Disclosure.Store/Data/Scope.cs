namespace Disclosure.Store.Data;

/// <summary>An emission scope or Scope 3 category: GHG Protocol or company-defined.</summary>
public sealed class Scope
{
    public required string Id { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required ScopeFramework Framework { get; init; }
    public required ScopeKind Kind { get; init; }
    public string? ParentId { get; init; }
    public ScopeRelation? Relation { get; init; }
    public int? CategoryNumber { get; init; }
    public ValueChainDirection? Direction { get; init; }
    public required string Definition { get; init; }
    public string? DefinedById { get; init; }
    public required int Ordinal { get; init; }
}
