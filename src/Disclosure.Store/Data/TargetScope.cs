namespace Disclosure.Store.Data;

/// <summary>Links a target to a scope it covers.</summary>
public sealed class TargetScope
{
    public required string TargetId { get; init; }
    public required string ScopeId { get; init; }
    public required int Ordinal { get; init; }
}
