using GraphQL;

namespace Disclosure.Api.Paging;

/// <summary>
/// The Relay paging arguments of one connection field, validated like GitHub's GraphQL API: at most one of
/// <c>first</c> and <c>last</c>, neither negative nor above <see cref="MaxPageSize"/>; <see cref="DefaultPageSize"/>
/// items when neither is given.
/// </summary>
public sealed record PageRequest(int Size, bool Backward, string? After, string? Before)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static PageRequest From(int? first, string? after, int? last, string? before, string connection)
    {
        if (first is not null && last is not null)
        {
            throw Invalid($"Passing both `first` and `last` to paginate the `{connection}` connection is not supported.");
        }
        foreach (var (name, value) in new[] { ("first", first), ("last", last) })
        {
            if (value < 0)
            {
                throw Invalid($"`{name}` on the `{connection}` connection cannot be less than zero; you passed {value}.");
            }
            if (value > MaxPageSize)
            {
                throw Invalid($"Requesting {value} records on the `{connection}` connection exceeds the `{name}` limit of {MaxPageSize} records.");
            }
        }
        return new PageRequest(first ?? last ?? DefaultPageSize, last is not null, after, before);
    }

    private static ExecutionError Invalid(string message) => new(message) { Code = "INVALID_PAGINATION" };
}
