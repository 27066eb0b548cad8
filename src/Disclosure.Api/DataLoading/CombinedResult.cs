using GraphQL.DataLoader;

namespace Disclosure.Api.DataLoading;

/// <summary>Several pending loader results as one list result (nulls, for keys not found, are dropped).</summary>
public sealed class CombinedResult<T>(IReadOnlyList<IDataLoaderResult<T>> parts) : IDataLoaderResult<T[]>
{
    public async Task<T[]> GetResultAsync(CancellationToken cancellationToken = default)
    {
        var values = new List<T>(parts.Count);
        foreach (var part in parts)
        {
            if (await part.GetResultAsync(cancellationToken) is { } value)
            {
                values.Add(value);
            }
        }
        return [.. values];
    }

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
}
