namespace Disclosure.Store.Importing;

/// <summary>
/// <c>seed-data/imports/&lt;dataset&gt;/manifest.json</c>: what the dataset is, who publishes it, under which licence, how
/// to credit it, and the SHA-256 of each publisher file copied beside the manifest. A file whose hash differs stops
/// the build, naming it.
/// </summary>
public sealed class DatasetManifest
{
    /// <summary>The dataset's slug, e.g. <c>net-zero-tracker-2022-12-20</c>; also the folder's name.</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Publisher { get; init; }
    /// <summary>Where the publisher publishes it.</summary>
    public required string Url { get; init; }
    /// <summary>Where the files were taken from (repository, path, commit), when not straight from the publisher.</summary>
    public string? RetrievedFrom { get; init; }
    public required string Licence { get; init; }
    public required string LicenceUrl { get; init; }
    /// <summary>The attribution text the licence asks for, as we print it.</summary>
    public required string Attribution { get; init; }
    /// <summary>The publisher's snapshot date, when the dataset is a dated snapshot.</summary>
    public DateOnly? SnapshotDate { get; init; }
    /// <summary>When we took the files, when no snapshot date says it.</summary>
    public DateOnly? AccessedOn { get; init; }
    /// <summary>What we checked of the dataset, and what we only took as recorded.</summary>
    public required string Checks { get; init; }
    public required IReadOnlyList<DatasetManifestFile> Files { get; init; }
}

public sealed class DatasetManifestFile
{
    /// <summary>The file's name in the dataset's folder.</summary>
    public required string Name { get; init; }
    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public required string Sha256 { get; init; }
    /// <summary>What the file holds (one line).</summary>
    public required string Description { get; init; }
}
