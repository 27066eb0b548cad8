using Disclosure.Store.Data;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Api.DataLoading;

/// <summary>The two loader shapes every feature uses: one row by key, and the rows of many parents grouped by parent.</summary>
public static class LoaderExtensions
{
    public static RequestLoaders Loaders(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<RequestLoaders>();

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
