using System.Collections.Concurrent;
using Disclosure.Store.Data;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Api.DataLoading;

/// <summary>
/// The batch loaders of one request (a scoped service). Each loader is created on first use under a name, and
/// every batch it runs opens its own short-lived DbContext: GraphQL.NET dispatches loaders concurrently, and a
/// DbContext must never be shared between concurrent operations.
/// </summary>
public sealed class RequestLoaders(IDbContextFactory<DisclosureDbContext> contexts)
{
    private readonly ConcurrentDictionary<string, IBatchLoader> _loaders = new(StringComparer.Ordinal);

    public BatchLoader<TKey, TValue> Get<TKey, TValue>(
        string name, Func<DisclosureDbContext, IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull =>
        (BatchLoader<TKey, TValue>)_loaders.GetOrAdd(name, _ => new BatchLoader<TKey, TValue>(async (keys, ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await fetch(db, keys, ct);
        }));

    /// <summary>Total fetches run by this request's loaders.</summary>
    public int FetchCount => _loaders.Values.Sum(l => l.FetchCount);
}
