namespace Disclosure.Store.Building;

/// <summary>How the store builder reads the seed folder.</summary>
public sealed record StoreBuildOptions
{
    public static StoreBuildOptions Default { get; } = new();

    /// <summary>
    /// Seed folders whose JSON files together exceed this size are validated and loaded by streaming
    /// (<see cref="Seeding.SeedLoader.LoadStreaming"/>); smaller ones are read whole (<see cref="Seeding.SeedLoader.Load"/>).
    /// The curated dataset is far below it. 0 streams every folder.
    /// </summary>
    public long StreamingThresholdBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Told when each phase of the build ends, with its duration (validation, rows, indexes, sync).</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>
    /// Where to write the bulk files and the history once the store is published (see <see cref="Exports.StoreExporter"/>);
    /// null writes none. A failed export is reported (<see cref="Progress"/>, <see cref="StoreBuildResult.ExportError"/>)
    /// and never loses the store: the API writes the missing export on first request.
    /// </summary>
    public Exports.ExportSettings? Exports { get; init; }

    /// <summary>
    /// A test seam, null otherwise: every row passes through it on its way to the store (the tests force two citations
    /// to share an ID with it, as a hash collision would, see <see cref="CitationIdClashes"/>).
    /// </summary>
    internal Func<object, object>? MapRow { get; init; }
}
