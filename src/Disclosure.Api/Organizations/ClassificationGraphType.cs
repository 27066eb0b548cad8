using Disclosure.Api.Provenance;
using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Organizations;

public sealed class ClassificationGraphType : ObjectGraphType<Classification>
{
    public ClassificationGraphType()
    {
        Name = "Classification";
        Description = "A sector or industry label as one dataset names it, in its own words and language (no common taxonomy is imposed).";
        Field<NonNullGraphType<ImportedDatasetGraphType>>("dataset").Description("The dataset that classifies the organization so.")
            .Resolve(ctx => ctx.FollowImportedDataset(ctx.Source.DatasetId));
        Field(c => c.Scheme).Description("The dataset's name for the scheme (e.g. `industry`, `GICS sector`, `Forbes industry`).");
        Field(c => c.Label).Description("The label as recorded.");
        Field(c => c.Code, nullable: true).Description("The scheme's code for it, when the dataset gives one.");
    }
}
