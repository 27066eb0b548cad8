using Disclosure.Api.DataLoading;
using Disclosure.Store.Data;
using GraphQL;
using GraphQL.DataLoader;

namespace Disclosure.Api.Governance;

public static class GovernanceLoaders
{
    public static IDataLoaderResult<GovernanceBody?> LoadBody(this IResolveFieldContext context, string id) =>
        context.LoadById("GovernanceBodyById", (db, ids) => db.GovernanceBodies.Where(b => ids.Contains(b.Id)), b => b.Id, id);

    public static IDataLoaderResult<Person?> LoadPerson(this IResolveFieldContext context, string id) =>
        context.LoadById("PersonById", (db, ids) => db.People.Where(p => ids.Contains(p.Id)), p => p.Id, id);

    public static IDataLoaderResult<Membership?> LoadMembership(this IResolveFieldContext context, string id) =>
        context.LoadById("MembershipById", (db, ids) => db.Memberships.Where(m => ids.Contains(m.Id)), m => m.Id, id);

    public static IDataLoaderResult<GovernanceBody[]?> LoadBodiesOfOrganization(this IResolveFieldContext context, string organizationId) =>
        context.LoadByParent("GovernanceBodiesByOrganization",
            (db, ids) => db.GovernanceBodies.Where(b => ids.Contains(b.OrganizationId)).OrderBy(b => b.Tier == null).ThenBy(b => b.Tier).ThenBy(b => b.Id),
            b => b.OrganizationId, organizationId);

    public static IDataLoaderResult<Membership[]?> LoadMembershipsOfBody(this IResolveFieldContext context, string bodyId) =>
        context.LoadByParent("MembershipsByBody",
            (db, ids) => db.Memberships.Where(m => ids.Contains(m.BodyId)).OrderBy(m => m.Role).ThenBy(m => m.Since).ThenBy(m => m.Id),
            m => m.BodyId, bodyId);

    public static IDataLoaderResult<Membership[]?> LoadMembershipsOfPerson(this IResolveFieldContext context, string personId) =>
        context.LoadByParent("MembershipsByPerson",
            (db, ids) => db.Memberships.Where(m => ids.Contains(m.PersonId)).OrderBy(m => m.Since).ThenBy(m => m.Id),
            m => m.PersonId, personId);
}
