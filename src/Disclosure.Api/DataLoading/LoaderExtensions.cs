using Disclosure.Store.Data;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Api.DataLoading;

/// <summary>The two loader shapes every feature uses: one row by key, and the rows of many parents grouped by parent.</summary>
public static class LoaderExtensions
{
    /// <summary>Where the endpoint leaves the request's loaders (ExecutionOptions.UserContext).</summary>
    public const string UserContextKey = "disclosure.loaders";

    /// <summary>
    /// The request's loaders: from the user context when the endpoint put them there (once per request), else from
    /// the request's services. Resolving a scoped service takes a lock on the scope, and every resolver of a level
    /// asking for it at once made that lock one of the hottest spots of a profile (about 5% of its samples spent waiting for it, half of all lock contention).
    /// </summary>
    public static RequestLoaders Loaders(this IResolveFieldContext context) =>
        context.UserContext.TryGetValue(UserContextKey, out var loaders) && loaders is RequestLoaders given
            ? given
            : context.RequestServices!.GetRequiredService<RequestLoaders>();

    /// <summary>Loads the row with <paramref name="id"/>, batched with every other key of the same loader in this level.</summary>
    public static IDataLoaderResult<T?> LoadById<T>(this IResolveFieldContext context, string loader,
        Func<DisclosureDbContext, IReadOnlyList<string>, IQueryable<T>> query, Func<T, string> key, string id) where T : class =>
        context.Loaders().Get<string, T>(loader, async (db, ids, ct) =>
            (await query(db, ids).AsNoTracking().ToListAsync(ct)).ToDictionary(key, StringComparer.Ordinal)).Load(id);

    /// <summary>Loads the children of <paramref name="parentId"/>, in the order the query gives them, batched per level.</summary>
    public static IDataLoaderResult<T[]?> LoadByParent<T>(this IResolveFieldContext context, string loader,
        Func<DisclosureDbContext, IReadOnlyList<string>, IQueryable<T>> query, Func<T, string> parentKey, string parentId) where T : class =>
        context.Loaders().Get<string, T[]>(loader, async (db, ids, ct) =>
        {
            var groups = (await query(db, ids).AsNoTracking().ToListAsync(ct)).ToLookup(parentKey, StringComparer.Ordinal);
            return ids.Distinct().ToDictionary(id => id, id => groups[id].ToArray(), StringComparer.Ordinal);
        }).Load(parentId);
}
