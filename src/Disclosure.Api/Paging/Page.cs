namespace Disclosure.Api.Paging;

/// <summary>What <c>pageInfo</c> reads from any page.</summary>
public interface IPage
{
    bool HasNextPage { get; }
    bool HasPreviousPage { get; }
    string? StartCursor { get; }
    string? EndCursor { get; }
}

/// <summary>One page of a connection.</summary>
public sealed class Page<T>(IReadOnlyList<Edge<T>> edges, bool hasNextPage, bool hasPreviousPage, int? totalCount) : IPage
{
    public IReadOnlyList<Edge<T>> Edges { get; } = edges;
    public bool HasNextPage { get; } = hasNextPage;
    public bool HasPreviousPage { get; } = hasPreviousPage;

    public string? StartCursor => Edges.Count > 0 ? Edges[0].Cursor : null;
    public string? EndCursor => Edges.Count > 0 ? Edges[^1].Cursor : null;

    /// <summary>Counted only when the query asks for it.</summary>
    public int? TotalCount { get; } = totalCount;
}

public sealed record Edge<T>(T Node, string Cursor);
