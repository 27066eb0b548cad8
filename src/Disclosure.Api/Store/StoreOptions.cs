namespace Disclosure.Api.Store;

/// <summary>Where the seed data and the built store live (configuration section <c>Store</c>).</summary>
public sealed class StoreOptions
{
    /// <summary>The seed folder. Default: the nearest <c>seed-data/</c> folder above the content root.</summary>
    public string? SeedDirectory { get; set; }

    /// <summary>The SQLite store file. Default: <c>.store/disclosure.db</c> beside the seed folder.</summary>
    public string? Path { get; set; }
}
