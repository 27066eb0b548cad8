using System.Linq.Expressions;
using Disclosure.Api.GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace Disclosure.Api.Paging;

/// <summary>Adds Relay connection fields (<c>first</c>/<c>after</c>/<c>last</c>/<c>before</c>, <c>where</c>, <c>order</c>).</summary>
public static class ConnectionFields
{
    /// <summary>A root connection over every <typeparamref name="T"/>.</summary>
    public static FieldBuilder<object?, object> RootConnection<TNodeType, T>(this ObjectGraphType type, string name, string description)
        where TNodeType : IGraphType where T : class =>
        Arguments<object?, TNodeType, T>(type.Field<NonNullGraphType<ConnectionGraphType<TNodeType, T>>>(name).Description(description))
            .ResolveAsync(ctx => ConnectionResolver.RootAsync(ctx, QuerySpecs.Get<T>()));

    /// <summary>A connection over the <typeparamref name="T"/> rows whose <paramref name="parentKey"/> is the parent's id; batched per level.</summary>
    public static FieldBuilder<TSource, object> ChildConnection<TSource, TNodeType, T>(this ObjectGraphType<TSource> type, string name, string description,
        Func<TSource, string> parentId, Expression<Func<T, string>> parentKey)
        where TNodeType : IGraphType where T : class =>
        ChildConnection<TSource, TNodeType, T>(type, name, description, parentId, parentKey, parentKey.Compile());

    // The parent key is compiled once, when the schema is built, not per resolved row.
    private static FieldBuilder<TSource, object> ChildConnection<TSource, TNodeType, T>(ObjectGraphType<TSource> type, string name, string description,
        Func<TSource, string> parentId, Expression<Func<T, string>> parentKey, Func<T, string> readParent)
        where TNodeType : IGraphType where T : class =>
        Arguments<TSource, TNodeType, T>(type.Field<NonNullGraphType<ConnectionGraphType<TNodeType, T>>>(name).Description(description))
            .Resolve(ctx => ConnectionResolver.Child(ctx, QuerySpecs.Get<T>(), parentKey, readParent, parentId(ctx.Source)));

    private static FieldBuilder<TSource, object> Arguments<TSource, TNodeType, T>(FieldBuilder<TSource, object> field)
        where TNodeType : IGraphType where T : class
    {
        field
            .Argument<IntGraphType>("first", $"Returns the first n items (0 to {PageRequest.MaxPageSize}; {PageRequest.DefaultPageSize} when neither `first` nor `last` is given).")
            .Argument<StringGraphType>("after", "Returns the items after this cursor.")
            .Argument<IntGraphType>("last", $"Returns the last n items (0 to {PageRequest.MaxPageSize}). Not together with `first`.")
            .Argument<StringGraphType>("before", "Returns the items before this cursor.")
            .Argument<FilterInputGraphType<T>>("where", "Only the items that match this filter.");
        if (QuerySpecs.Get<T>().Fields.Any(f => f.CanSort))
        {
            field.Argument<ListGraphType<NonNullGraphType<SortInputGraphType<T>>>>("order",
                "Sort keys, most significant first; ties are broken by id. A cursor only works with the ordering it was made under.");
        }
        return field;
    }
}
