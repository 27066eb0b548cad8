using Disclosure.Api.Provenance;
using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Organizations;

public sealed class DatasetRecordGraphType : ObjectGraphType<OrganizationRecord>
{
    public DatasetRecordGraphType()
    {
        Name = "DatasetRecord";
        Description = "A dataset's record of this organization, and how it was linked to it: what each dataset says about the company starts here.";
        Field<NonNullGraphType<ImportedDatasetGraphType>>("dataset").Description("The dataset.")
            .Resolve(ctx => ctx.FollowImportedDataset(ctx.Source.DatasetId));
        Field(r => r.RecordKey).Description("The record's key in the dataset: its own id (`COM-0478`, a Wikidata QID) where it has one, else the name as recorded.");
        Field(r => r.RecordName).Description("The company's name as the dataset records it.");
        Field(r => r.Location).Description("Where the record is in the dataset's files (file and row or JSON path).");
        Field(r => r.Method).Description("How the record was linked to the organization.");
        Field(r => r.Note, nullable: true).Description("The evidence for the link (the names compared, or the reason of a manual link).");
    }
}
