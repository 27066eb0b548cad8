namespace Disclosure.Store.Data;

/// <summary>A document that facts are cited from.</summary>
public sealed class Source
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Publisher { get; init; }
    public required string Url { get; init; }
    public DateOnly? PublishedOn { get; init; }
    public required SourceKind Kind { get; init; }
    public required string Language { get; init; }
    public string? TextFile { get; init; }
}
