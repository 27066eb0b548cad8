using Disclosure.Api.DataLoading;
using Disclosure.Store.Data;
using GraphQL;
using GraphQL.DataLoader;

namespace Disclosure.Api.Commitments;

public static class CommitmentLoaders
{
    public static IDataLoaderResult<Commitment?> LoadCommitment(this IResolveFieldContext context, string id) =>
        context.LoadById("CommitmentById", (db, ids) => db.Commitments.Where(c => ids.Contains(c.Id)), c => c.Id, id);

    public static IDataLoaderResult<Commitment[]?> LoadCommitmentsOfOrganization(this IResolveFieldContext context, string organizationId) =>
        context.LoadByParent("CommitmentsByOrganization",
            (db, ids) => db.Commitments.Where(c => ids.Contains(c.OrganizationId)).OrderBy(c => c.MadeOn).ThenBy(c => c.Id),
            c => c.OrganizationId, organizationId);
}
