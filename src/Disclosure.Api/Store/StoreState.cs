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
public sealed class StoreState(StoreBackend backend, IEnumerable<IInterceptor> interceptors) : IDisposable
{
    private readonly IInterceptor[] _interceptors = [.. interceptors];
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Served? _served;

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
            var current = await backend.ReadCurrentAsync(cancellationToken);
            var old = Volatile.Read(ref _served);
            if (current is null || current.Dataset.Version == old?.Store.Dataset.Version)
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
