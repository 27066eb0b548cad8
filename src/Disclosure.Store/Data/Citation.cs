namespace Disclosure.Store.Data;

/// <summary>The source and exact quote a fact rests on. Ordinal 0 is the primary citation.</summary>
public sealed class Citation
{
    public required string SubjectType { get; init; }
    public required string SubjectId { get; init; }
    public required int Ordinal { get; init; }
    public required string SourceId { get; init; }
    public required string Quote { get; init; }
    public string? Note { get; init; }
}
