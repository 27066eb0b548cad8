namespace Disclosure.Store.Exports;

/// <summary>
/// Where a store's bulk files and history go (configuration <c>Exports:Directory</c>, <c>Exports:HistoryDirectory</c>,
/// <c>Exports:Keep</c>). The exports of a version are in <c>{Directory}/{hex digest}/</c>; the version history, each
/// version's fact digest and the change files between versions in <c>{HistoryDirectory}/</c>, beside the store, so a
/// store that is lost and rebuilt from scratch does not lose them.
/// </summary>
public sealed record ExportSettings(string Directory, string HistoryDirectory)
{
    public const int DefaultKeep = 10;

    public const int DefaultRowGroupSize = 50_000;

    /// <summary>How many versions' exports are kept (the current one included); older ones are removed when a version is exported.</summary>
    public int Keep { get; init; } = DefaultKeep;

    /// <summary>Rows per Parquet row group: what the writer holds in memory per table, so what the export's memory depends on.</summary>
    public int RowGroupSize { get; init; } = DefaultRowGroupSize;

    /// <summary>The git commit the seed folder was checked out at, when known (see <see cref="SeedCommit"/>).</summary>
    public string? SeedCommit { get; init; }

    /// <summary>The default layout beside a store file: <c>exports/</c> and <c>history/</c> in its folder.</summary>
    public static ExportSettings BesideStore(string storePath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(storePath))!;
        return new ExportSettings(Path.Combine(folder, "exports"), Path.Combine(folder, "history"));
    }
}
