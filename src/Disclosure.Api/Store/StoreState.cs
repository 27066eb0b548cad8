using Disclosure.Store.Building;
using Disclosure.Store.Data;
using Microsoft.Data.Sqlite;

namespace Disclosure.Api.Store;

/// <summary>
/// What the served store was built from: set at start-up after the store is ensured, and again by
/// <see cref="RefreshAsync"/> when the store file has been rebuilt (atomically replaced) under a running API.
/// The dataset version is part of every cache key and ETag, so a new version never meets an old answer.
/// </summary>
public sealed class StoreState(StoreLocation location)
{
    private DatasetInfo? _dataset;

    public DatasetInfo? Dataset
    {
        get => Volatile.Read(ref _dataset);
        set => Volatile.Write(ref _dataset, value);
    }

    /// <summary>
    /// Re-reads the dataset of the store file; when its version changed, drops pooled SQLite connections (they still
    /// hold the replaced file open) and serves the new version from then on. Returns true when the version changed.
    /// </summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var info = await StoreBuilder.ReadInfoAsync(location.StorePath, cancellationToken);
        if (info is null || info.Version == Dataset?.Version)
        {
            return false;
        }
        SqliteConnection.ClearAllPools();
        Dataset = info;
        return true;
    }
}
