namespace Disclosure.Store.Data;

/// <summary>The one row that says which seed content the store was built from, and when.</summary>
public sealed class DatasetInfo
{
    public required int Id { get; init; }
    public required string Version { get; init; }
    public required DateTimeOffset BuiltAt { get; init; }
    public required int FactCount { get; init; }
    public required int CitationCount { get; init; }
}
