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

    public static IDataLoaderResult<Identifier[]?> LoadIdentifiers(this IResolveFieldContext context, string organizationId) =>
        context.LoadByParent("IdentifiersByOrganization",
            (db, ids) => db.Identifiers.Where(i => ids.Contains(i.OrganizationId)).OrderBy(i => i.Scheme).ThenBy(i => i.Value).ThenBy(i => i.DatasetId),
            i => i.OrganizationId, organizationId);

    public static IDataLoaderResult<OrganizationRecord[]?> LoadDatasetRecords(this IResolveFieldContext context, string organizationId) =>
        context.LoadByParent("RecordsByOrganization",
            (db, ids) => db.OrganizationRecords.Where(r => ids.Contains(r.OrganizationId)).OrderBy(r => r.DatasetId).ThenBy(r => r.RecordKey),
            r => r.OrganizationId, organizationId);

    public static IDataLoaderResult<Classification[]?> LoadClassifications(this IResolveFieldContext context, string organizationId) =>
        context.LoadByParent("ClassificationsByOrganization",
            (db, ids) => db.Classifications.Where(c => ids.Contains(c.OrganizationId)).OrderBy(c => c.DatasetId).ThenBy(c => c.Scheme).ThenBy(c => c.Label),
            c => c.OrganizationId, organizationId);

    public static IDataLoaderResult<Assessment[]?> LoadAssessments(this IResolveFieldContext context, string organizationId) =>
        context.LoadByParent("AssessmentsByOrganization",
            (db, ids) => db.Assessments.Where(a => ids.Contains(a.OrganizationId)).OrderBy(a => a.AssessedOn).ThenBy(a => a.Id),
            a => a.OrganizationId, organizationId);

    public static IDataLoaderResult<Assessment?> LoadAssessment(this IResolveFieldContext context, string id) =>
        context.LoadById("AssessmentById", (db, ids) => db.Assessments.Where(a => ids.Contains(a.Id)), a => a.Id, id);

    public static IDataLoaderResult<AssessmentField[]?> LoadAssessmentFields(this IResolveFieldContext context, string assessmentId) =>
        context.LoadByParent("FieldsByAssessment",
            (db, ids) => db.AssessmentFields.Where(f => ids.Contains(f.AssessmentId)).OrderBy(f => f.AssessmentId).ThenBy(f => f.Ordinal),
            f => f.AssessmentId, assessmentId);
}
