using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Datasets;

public sealed class DatasetGraphType : ObjectGraphType<DatasetInfo>
{
    public DatasetGraphType()
    {
        Name = "Dataset";
        Description = "The dataset this API serves: which version of the curated seed data the store was built from, and when.";
        Field(d => d.Version).Description("The dataset version: a SHA-256 of the seed data. It changes whenever any fact, quote or source changes.");
        Field(d => d.BuiltAt).Description("When the store was built from the seed data.");
        Field(d => d.FactCount).Description("How many facts the dataset holds (organizations, reports, scopes, targets, commitments, governance bodies, people, memberships, statements, figures).");
        Field(d => d.CitationCount).Description("How many citations (source and exact quote) back those facts.");
        Field<NonNullGraphType<Exports.DatasetExportsGraphType>>("exports").Description("This version's bulk files (Parquet, CSV, the change file) and their manifest; written on first request when the build did not write them.")
            .ResolveAsync(async ctx => (await Exports.ExportService.Of(ctx.RequestServices!).EnsureCurrentAsync(ctx.CancellationToken)).Manifest);
    }
}
