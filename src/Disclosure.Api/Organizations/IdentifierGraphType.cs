using Disclosure.Api.Provenance;
using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Organizations;

public sealed class IdentifierGraphType : ObjectGraphType<Identifier>
{
    public IdentifierGraphType()
    {
        Name = "Identifier";
        Description = "An identifier a dataset claims for the organization: a claim with its source, not ground truth.";
        Field(i => i.Scheme).Description("ISIN, LEI, Wikidata QID or a dataset's own id.");
        Field(i => i.Value).Description("The identifier as the dataset records it.");
        Field<NonNullGraphType<ImportedDatasetGraphType>>("dataset").Description("The dataset that claims it.")
            .Resolve(ctx => ctx.FollowImportedDataset(ctx.Source.DatasetId));
        Field(i => i.Method).Description("How the dataset came by it (a column it recorded, or a name match).");
        Field(i => i.Warning, nullable: true).Description("Set when the identifier is also claimed for organizations whose names do not agree (a data error of the dataset): it is then never used to merge or to look up.");
    }
}
