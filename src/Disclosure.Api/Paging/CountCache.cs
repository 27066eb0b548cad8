using System.Collections.Concurrent;
using Disclosure.Api.Store;

namespace Disclosure.Api.Paging;

/// <summary>
/// The store is read-only while it is served, so a root connection's <c>totalCount</c> for a given filter never
/// changes: it is counted once per dataset version and filter, then answered from memory. Bounded: when full, the
/// cache starts again empty.
/// </summary>
public sealed class CountCache(StoreState store)
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, Lazy<Task<int>>> _counts = new(StringComparer.Ordinal);

    public async Task<int> GetOrCountAsync(string key, Func<Task<int>> count)
    {
        if (_counts.Count >= MaxEntries)
        {
            _counts.Clear();
        }
        // The dataset version is read per call: a store rebuilt under the running API gets fresh counts.
        var versioned = $"{store.Dataset?.Version}|{key}";
        var entry = _counts.GetOrAdd(versioned, _ => new Lazy<Task<int>>(count));
        try
        {
            return await entry.Value;
        }
        catch
        {
            _counts.TryRemove(versioned, out _); // a failed or cancelled count is not kept
            throw;
        }
    }
}
