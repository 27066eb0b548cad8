using Disclosure.Api.DataLoading;
using Disclosure.Api.GraphQL;
using Disclosure.Store.Data;
using GraphQL;
using GraphQL.DataLoader;

namespace Disclosure.Api.Governance;

public static class GovernanceLoaders
{
    public static IDataLoaderResult<GovernanceBody?> LoadBody(this IResolveFieldContext context, string id) =>
        context.LoadById("GovernanceBodyById", (db, ids) => db.GovernanceBodies.Where(b => ids.Contains(b.Id)), b => b.Id, id);

    /// <summary>The governanceBody a foreign key points at, loaded only when more than its key is asked for (<see cref="References"/>).</summary>
    public static object FollowBody(this IResolveFieldContext context, string id) =>
        context.Follow(id, static id => new GovernanceBody { Id = id, OrganizationId = null!, Name = null!, Level = default, Mandate = null! }, static (c, id) => c.LoadBody(id));

    public static IDataLoaderResult<Person?> LoadPerson(this IResolveFieldContext context, string id) =>
        context.LoadById("PersonById", (db, ids) => db.People.Where(p => ids.Contains(p.Id)), p => p.Id, id);

    /// <summary>The person a foreign key points at, loaded only when more than its key is asked for (<see cref="References"/>).</summary>
    public static object FollowPerson(this IResolveFieldContext context, string id) =>
        context.Follow(id, static id => new Person { Id = id, Name = null! }, static (c, id) => c.LoadPerson(id));

    public static IDataLoaderResult<Membership?> LoadMembership(this IResolveFieldContext context, string id) =>
        context.LoadById("MembershipById", (db, ids) => db.Memberships.Where(m => ids.Contains(m.Id)), m => m.Id, id);
}
