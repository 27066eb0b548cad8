using Disclosure.Store.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Disclosure.Api.Store;

/// <summary>
/// What the API serves: the dataset and a pooled DbContext factory reading it. Set at start-up after the store is
/// ensured, and again by <see cref="RefreshAsync"/> when the store was rebuilt under a running API (SQLite: the file
/// was replaced, see <see cref="StoreWatcher"/>; PostgreSQL: another schema became current, see <see cref="StorePoller"/>).
/// The dataset version is part of every cache key and ETag, so a new version never meets an old answer.
/// </summary>
/// <remarks>
/// When the store cannot be read (SQLite: its file deleted or damaged; PostgreSQL: down), the state records an
/// <see cref="Outage"/> (readiness turns 503 and says why; the log says what and where), drops pooled connections so
/// no request keeps reading a deleted file, and keeps the last dataset. Requests that fail on the store are answered
/// 503 (<see cref="StoreFailure"/>). The next refresh that reads the store again (a rebuild noticed by the watcher,
/// the poller, a readiness probe) ends the outage with fresh connections: no restart.
/// </remarks>
public sealed class StoreState(StoreBackend backend, IEnumerable<IInterceptor> interceptors, ILogger<StoreState> logger) : IDisposable
{
    private readonly IInterceptor[] _interceptors = [.. interceptors];
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Served? _served;
    private StoreOutage? _outage;

    /// <summary>Since when and why the store cannot be read, or null while it can.</summary>
    public StoreOutage? Outage => Volatile.Read(ref _outage);

    /// <summary>Records that the store cannot answer (once per outage: logged with where the store is).</summary>
    public void ReportFailure(string reason, Exception? exception = null)
    {
        var outage = new StoreOutage(DateTimeOffset.UtcNow, reason);
        if (Interlocked.CompareExchange(ref _outage, outage, null) is not null)
        {
            return;
        }
        logger.LogError(exception, "The store {Store} is unavailable: {Reason}. Requests are answered 503 until it can be read again " +
            "(rebuild it with `store build`, or restore the database); no restart is needed.", backend.Description, reason);
        if (Volatile.Read(ref _served) is { } served)
        {
            backend.Release(served.Store); // no pooled connection keeps reading a deleted file or a dead server
        }
    }

    public DatasetInfo? Dataset => Volatile.Read(ref _served)?.Store.Dataset;

    /// <summary>Pooled contexts over the served store (a new pool when the served store changes).</summary>
    public IDbContextFactory<DisclosureDbContext> Contexts =>
        Volatile.Read(ref _served)?.Contexts ?? throw new InvalidOperationException("The store has not been ensured yet.");

    /// <summary>
    /// Re-reads which dataset is current; when its version changed, serves it from then on and drops pooled
    /// connections to the old one. Returns true when the version changed.
    /// </summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            ServedStore? current;
            try
            {
                current = await backend.ReadCurrentAsync(cancellationToken);
            }
            catch (Exception e) when (StoreFailure.Describe(e) is { } reason)
            {
                ReportFailure(reason, e);
                return false;
            }
            var old = Volatile.Read(ref _served);
            if (current is null)
            {
                if (old is not null)
                {
                    ReportFailure(backend is SqliteStoreBackend
                        ? File.Exists(backend.Description) ? "the store file is damaged" : "the store file is missing"
                        : "no dataset is current");
                }
                return false;
            }
            if (Interlocked.Exchange(ref _outage, null) is { } ended)
            {
                logger.LogWarning("The store {Store} can be read again (unavailable for {Seconds:0.0} s: {Reason}): serving dataset {Version}",
                    backend.Description, (DateTimeOffset.UtcNow - ended.Since).TotalSeconds, ended.Reason, current.Dataset.Version);
                if (old is not null && current.Dataset.Version == old.Store.Dataset.Version)
                {
                    backend.Release(old.Store); // connections opened during the outage read nothing; start afresh
                    return false;
                }
            }
            if (current.Dataset.Version == old?.Store.Dataset.Version)
            {
                return false;
            }
            var options = backend.Configure(new DbContextOptionsBuilder<DisclosureDbContext>(), current)
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                // Diagnostics (e.g. the tests' SQL command counter) plug in as registered interceptors.
                .AddInterceptors(_interceptors);
            Volatile.Write(ref _served, new Served(current, new PooledDbContextFactory<DisclosureDbContext>(
                ((DbContextOptionsBuilder<DisclosureDbContext>)options).Options)));
            if (old is not null)
            {
                backend.Release(old.Store);
            }
            return true;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    private sealed record Served(ServedStore Store, IDbContextFactory<DisclosureDbContext> Contexts);
}

/// <summary>The DbContext factory resolvers use: it creates contexts over whichever store is served now.</summary>
public sealed class ServedContextFactory(StoreState state) : IDbContextFactory<DisclosureDbContext>
{
    public DisclosureDbContext CreateDbContext() => state.Contexts.CreateDbContext();

    public Task<DisclosureDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        state.Contexts.CreateDbContextAsync(cancellationToken);
}

/// <summary>Since when and why the store cannot be read.</summary>
public sealed record StoreOutage(DateTimeOffset Since, string Reason);
