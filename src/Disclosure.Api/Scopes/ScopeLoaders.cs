using Disclosure.Api.DataLoading;
using Disclosure.Store.Data;
using GraphQL;
using GraphQL.DataLoader;

namespace Disclosure.Api.Scopes;

public static class ScopeLoaders
{
    public static IDataLoaderResult<Scope?> LoadScope(this IResolveFieldContext context, string id) =>
        context.LoadById("ScopeById", (db, ids) => db.Scopes.Where(s => ids.Contains(s.Id)), s => s.Id, id);

    public static IDataLoaderResult<Scope?> LoadScopeByCode(this IResolveFieldContext context, string code) =>
        context.LoadById("ScopeByCode", (db, codes) => db.Scopes.Where(s => codes.Contains(s.Code)), s => s.Code, code);

    public static IDataLoaderResult<Scope[]?> LoadChildScopes(this IResolveFieldContext context, string parentId) =>
        context.LoadByParent("ScopesByParent",
            (db, ids) => db.Scopes.Where(s => s.ParentId != null && ids.Contains(s.ParentId)).OrderBy(s => s.Ordinal),
            s => s.ParentId!, parentId);
}
