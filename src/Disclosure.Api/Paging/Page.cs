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

/// <summary>An item of a page and its cursor; the cursor is made when first read (most queries select only <c>nodes</c>).</summary>
public sealed class Edge<T>(T node, Func<T, string> cursorOf)
{
    private string? _cursor;

    public T Node { get; } = node;

    public string Cursor => _cursor ??= cursorOf(Node);
}
