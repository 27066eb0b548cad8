using System.Collections.Concurrent;
using Disclosure.Store.Data;

namespace Disclosure.Api.Paging;

/// <summary>
/// The store is read-only while it is served, so a root connection's <c>totalCount</c> for a given filter never
/// changes: it is counted once per dataset version and filter, then answered from memory. Bounded: when full, the
/// cache starts again empty.
/// </summary>
public sealed class CountCache(DatasetInfo dataset)
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, Lazy<Task<int>>> _counts = new(StringComparer.Ordinal);

    public async Task<int> GetOrCountAsync(string key, Func<Task<int>> count)
    {
        if (_counts.Count >= MaxEntries)
        {
            _counts.Clear();
        }
        var entry = _counts.GetOrAdd($"{dataset.Version}|{key}", _ => new Lazy<Task<int>>(count));
        try
        {
            return await entry.Value;
        }
        catch
        {
            _counts.TryRemove($"{dataset.Version}|{key}", out _); // a failed or cancelled count is not kept
            throw;
        }
    }
}
