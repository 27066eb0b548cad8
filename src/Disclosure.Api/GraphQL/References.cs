using GraphQL;
using GraphQL.DataLoader;

namespace Disclosure.Api.GraphQL;

/// <summary>
/// Follows a foreign key to the row it points at. When the query asks that object for nothing but its key
/// (<c>id</c>, <c>slug</c>, <c>__typename</c>), the answer is made from the key alone and the row is not loaded
/// (e.g. <c>figures { nodes { organization { slug } } }</c> costs no query of organizations): the store checks
/// every foreign key when it is built, so the row exists. Never for a key a client sent (<c>node(id:)</c>,
/// <c>organization(slug:)</c>): whether that row exists is what the client asks.
/// </summary>
public static class References
{
    public static object Follow<T>(this IResolveFieldContext context, string key, Func<string, T> keyOnly,
        Func<IResolveFieldContext, string, IDataLoaderResult<T?>> load) where T : class =>
        AsksOnlyForKey(context) ? keyOnly(key) : load(context, key);

    /// <summary>
    /// True when every field selected on the object (after fragments are applied and same-named fields merged, as
    /// the engine executes them) is answered by the key.
    /// </summary>
    public static bool AsksOnlyForKey(IResolveFieldContext context) =>
        context.SubFields is { Count: > 0 } fields && fields.Values.All(f => f.FieldType.Name is "id" or "slug" or "__typename");
}
