namespace Disclosure.Store.Data;

/// <summary>One publisher file of an imported dataset, with the SHA-256 the build checked it against.</summary>
public sealed class DatasetFile
{
    public required string DatasetId { get; init; }
    public required string Name { get; init; }
    public required string Sha256 { get; init; }
    public required long Bytes { get; init; }
    public required string Description { get; init; }
}
