using Disclosure.Api.DataLoading;
using Disclosure.Api.GraphQL;
using Disclosure.Store.Data;
using GraphQL;
using GraphQL.DataLoader;

namespace Disclosure.Api.Organizations;

public static class OrganizationLoaders
{
    public static IDataLoaderResult<Organization?> LoadOrganization(this IResolveFieldContext context, string id) =>
        context.LoadById("OrganizationById", (db, ids) => db.Organizations.Where(o => ids.Contains(o.Id)), o => o.Id, id);

    /// <summary>The organization a foreign key points at, loaded only when more than its key is asked for (<see cref="References"/>).</summary>
    public static object FollowOrganization(this IResolveFieldContext context, string id) =>
        context.Follow(id, static id => new Organization { Id = id, Name = null!, Kind = default }, static (c, id) => c.LoadOrganization(id));

    public static IDataLoaderResult<Organization[]?> LoadChildOrganizations(this IResolveFieldContext context, string parentId) =>
        context.LoadByParent("OrganizationsByParent",
            (db, ids) => db.Organizations.Where(o => o.ParentId != null && ids.Contains(o.ParentId)).OrderBy(o => o.Name).ThenBy(o => o.Id),
            o => o.ParentId!, parentId);

    public static IDataLoaderResult<Listing[]?> LoadListings(this IResolveFieldContext context, string organizationId) =>
        context.LoadByParent("ListingsByOrganization",
            (db, ids) => db.Listings.Where(l => ids.Contains(l.OrganizationId)).OrderBy(l => l.Exchange),
            l => l.OrganizationId, organizationId);
}
