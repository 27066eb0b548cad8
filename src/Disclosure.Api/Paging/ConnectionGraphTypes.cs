using GraphQL.Types;

namespace Disclosure.Api.Paging;

/// <summary>A Relay connection of <typeparamref name="T"/> rows shown as <typeparamref name="TNodeType"/>: <c>{Entity}Connection</c>.</summary>
public sealed class ConnectionGraphType<TNodeType, T> : ObjectGraphType<Page<T>> where TNodeType : IGraphType
{
    public ConnectionGraphType()
    {
        Name = $"{typeof(T).Name}Connection";
        Description = $"A page of {typeof(T).Name} objects: `nodes` (or `edges` with cursors), `pageInfo` to page on, and `totalCount` when asked for.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType<TNodeType, T>>>>>("edges")
            .Description("The page's items, each with its cursor.").Resolve(ctx => ctx.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description("The page's items, without cursors.").Resolve(ctx => ctx.Source.Edges.Select(e => e.Node).ToList());
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo")
            .Description("Where this page stands: the cursors to page on, and whether more pages exist.").Resolve(ctx => ctx.Source);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many items match the filter, over all pages. Counted only when you ask for it.")
            .Resolve(ctx => ctx.Source.TotalCount ?? throw new InvalidOperationException("totalCount was not counted"));
    }
}

public sealed class EdgeGraphType<TNodeType, T> : ObjectGraphType<Edge<T>> where TNodeType : IGraphType
{
    public EdgeGraphType()
    {
        Name = $"{typeof(T).Name}Edge";
        Description = $"A {typeof(T).Name} in a connection, with its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass it as `after` (or `before`) to get the items after (or before) this one.")
            .Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Description("The item.").Resolve(ctx => ctx.Source.Node);
    }
}

/// <summary>Relay's <c>PageInfo</c>, read from any page.</summary>
public sealed class PageInfoGraphType : ObjectGraphType<IPage>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Information to page through a connection.";
        Field(p => p.HasNextPage).Description("True when more items follow this page (exact when paging forward with `first`; with `before`, true).");
        Field(p => p.HasPreviousPage).Description("True when items precede this page (exact when paging backward with `last`; with `after`, true).");
        Field(p => p.StartCursor, nullable: true).Description("The cursor of the first item of the page; null for an empty page.");
        Field(p => p.EndCursor, nullable: true).Description("The cursor of the last item of the page; null for an empty page.");
    }
}
