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
}
