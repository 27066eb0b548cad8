using Disclosure.Api.DataLoading;
using Disclosure.Store.Data;
using GraphQL;
using GraphQL.DataLoader;

namespace Disclosure.Api.Commitments;

public static class CommitmentLoaders
{
    public static IDataLoaderResult<Commitment?> LoadCommitment(this IResolveFieldContext context, string id) =>
        context.LoadById("CommitmentById", (db, ids) => db.Commitments.Where(c => ids.Contains(c.Id)), c => c.Id, id);
}
