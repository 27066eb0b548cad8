using Disclosure.Store.Data;

namespace Disclosure.Store.Building;

/// <summary>The outcome of building (or keeping) the store.</summary>
public sealed record StoreBuildResult(DatasetInfo Dataset, bool Built, TimeSpan Elapsed)
{
    /// <summary>The version's bulk files, when the build was asked to write them (<see cref="StoreBuildOptions.Exports"/>) and did.</summary>
    public Exports.ExportResult? Export { get; init; }

    /// <summary>Why the export failed, when it did (the store was published all the same).</summary>
    public string? ExportError { get; init; }
}
