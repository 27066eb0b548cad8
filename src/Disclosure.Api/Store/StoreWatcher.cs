namespace Disclosure.Api.Store;

/// <summary>
/// Picks up a store rebuilt under the running API (<c>store build</c> writes a new file and renames it over the old
/// one): on a rename or creation of the store file it calls <see cref="StoreState.RefreshAsync"/>, which switches
/// the dataset version (and so every cache key and ETag) and drops pooled connections to the old file. Between the
/// rename and the refresh (milliseconds) an answer may be computed from the new file under the old version; it can
/// only be newer than its key says, never older. A store file deleted or damaged under the API is noticed here too
/// (<see cref="StoreState.Outage"/>), and a rebuild ends that outage.
/// </summary>
public sealed class StoreWatcher(StoreBackend backend, StoreLocation location, StoreState state, ILogger<StoreWatcher> logger) : IHostedService, IDisposable
{
    private FileSystemWatcher? _watcher;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(location.StorePath)!;
        if (backend is not SqliteStoreBackend || !Directory.Exists(directory)) // PostgreSQL: StorePoller asks the database
        {
            return Task.CompletedTask;
        }
        _watcher = new FileSystemWatcher(directory, Path.GetFileName(location.StorePath))
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.CreationTime,
        };
        _watcher.Created += (_, _) => Refresh();
        _watcher.Renamed += (_, _) => Refresh();
        _watcher.Changed += (_, _) => Refresh();
        // Deleted (or damaged in place: Changed): the refresh finds it unreadable and records an outage (readiness 503).
        _watcher.Deleted += (_, _) => Refresh();
        _watcher.EnableRaisingEvents = true;
        return Task.CompletedTask;
    }

    private async void Refresh()
    {
        try
        {
            var before = state.Dataset?.Version;
            if (await state.RefreshAsync())
            {
                logger.LogInformation("Store {Path} was rebuilt: serving dataset {Version} (was {Before})", location.StorePath, state.Dataset!.Version, before);
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not read the rebuilt store {Path}", location.StorePath);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _watcher = null;
        return Task.CompletedTask;
    }

    public void Dispose() => _watcher?.Dispose();
}
