using GraphQL.DataLoader;

namespace Disclosure.Api.GraphQL;

/// <summary>Chains a step after a pending loader result. When the step returns another pending result, GraphQL.NET
/// queues it with the other pending results of the level, so the second step is batched too.</summary>
public static class DataLoaderResultExtensions
{
    public static IDataLoaderResult Then<T>(this IDataLoaderResult<T> first, Func<T, object?> next) => new Chained<T>(first, next);

    private sealed class Chained<T>(IDataLoaderResult<T> first, Func<T, object?> next) : IDataLoaderResult
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default) =>
            next(await first.GetResultAsync(cancellationToken));
    }
}
