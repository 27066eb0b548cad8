using Disclosure.Api.DataLoading;
using Disclosure.Api.GraphQL;
using Disclosure.Store.Data;
using GraphQL;
using GraphQL.DataLoader;

namespace Disclosure.Api.Targets;

public static class TargetLoaders
{
    public static IDataLoaderResult<Target?> LoadTarget(this IResolveFieldContext context, string id) =>
        context.LoadById("TargetById", (db, ids) => db.Targets.Where(t => ids.Contains(t.Id)), t => t.Id, id);

    /// <summary>The target a foreign key points at, loaded only when more than its key is asked for (<see cref="References"/>).</summary>
    public static object FollowTarget(this IResolveFieldContext context, string id) =>
        context.Follow(id, static id => new Target { Id = id, OrganizationId = null!, Name = null!, Kind = default, Status = default, DatasetId = null!, Verification = default, TargetYearSortKey = default }, static (c, id) => c.LoadTarget(id));

    public static IDataLoaderResult LoadScopesOfTarget(this IResolveFieldContext context, string targetId) =>
        context.LoadByParent("ScopesByTarget",
            (db, ids) => db.TargetScopes.Where(ts => ids.Contains(ts.TargetId))
                .Join(db.Scopes, ts => ts.ScopeId, s => s.Id, (ts, s) => new { ts.TargetId, ts.Ordinal, Scope = s })
                .OrderBy(x => x.TargetId).ThenBy(x => x.Ordinal)
                .Select(x => new Linked<Scope>(x.TargetId, x.Scope)),
            x => x.Key, targetId).Then(xs => xs!.Select(x => x.Value).ToArray());

    /// <summary>Every target of an organization, by target year.</summary>
    public static IDataLoaderResult<Target[]?> LoadTargetsOfOrganization(this IResolveFieldContext context, string organizationId) =>
        context.LoadByParent("TargetsByOrganization",
            (db, ids) => db.Targets.Where(t => ids.Contains(t.OrganizationId)).OrderBy(t => t.OrganizationId).ThenBy(t => t.TargetYearSortKey).ThenBy(t => t.Id),
            t => t.OrganizationId, organizationId);
}
