using GraphQL.DataLoader;

namespace Disclosure.Api.DataLoading;

/// <summary>
/// A per-request batch loader. Resolvers call <see cref="Load"/> and return the pending result; GraphQL.NET
/// finishes every other field of the level first, then awaits the results, and the first await runs one fetch
/// for every key collected so far. Keys seen before in the request are answered from the same slot.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
    int maxBatchSize = 500) : IBatchLoader where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _fetch = fetch;
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Slot> _slots = [];
    private Batch? _open;

    /// <summary>The number of fetches this loader has run (one per batch): what the no-N+1 tests count.</summary>
    public int FetchCount { get; private set; }

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            if (_slots.TryGetValue(key, out var existing))
            {
                return existing;
            }
            if (_open is null || _open.Keys.Count >= maxBatchSize)
            {
                _open = new Batch(this);
            }
            var slot = new Slot(_open, key);
            _open.Keys.Add(key);
            _slots[key] = slot;
            return slot;
        }
    }

    private sealed class Batch(BatchLoader<TKey, TValue> owner)
    {
        private Task<IReadOnlyDictionary<TKey, TValue>>? _run;

        public List<TKey> Keys { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>> RunAsync(CancellationToken cancellationToken)
        {
            lock (owner._gate)
            {
                if (_run is null)
                {
                    if (owner._open == this)
                    {
                        owner._open = null; // keys loaded from now on go to a new batch
                    }
                    owner.FetchCount++;
                    _run = owner._fetch(Keys, cancellationToken);
                }
                return _run;
            }
        }
    }

    private sealed class Slot(Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await batch.RunAsync(cancellationToken);
            return values.TryGetValue(key, out var value) ? value : default;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}

/// <summary>What every batch loader reports, whatever its key and value types.</summary>
public interface IBatchLoader
{
    int FetchCount { get; }
}
