using Disclosure.Api.GraphQL;
using Disclosure.Api.Provenance;
using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Sources;

public sealed class CitationGraphType : ObjectGraphType<Citation>
{
    public CitationGraphType()
    {
        Name = "Citation";
        Description = "The source a fact rests on, the exact words it says there where a passage exists (else what the dataset recorded), the dataset the fact came through and how far we checked it. Quote it as it stands.";
        Field<NonNullGraphType<StringGraphType>>("id").Description("The citation's stable ID, derived from what it says (the fact, the source, the quote or what the dataset recorded, the page), not its position: it stays the same when the fact's other citations are added or removed. The change feed and the bulk files key citations by it.")
            .Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<SourceGraphType>>("source").Description("The document cited.")
            .Resolve(ctx => ctx.FollowSource(ctx.Source.SourceId));
        Field(c => c.Quote, nullable: true).Description("The exact quote from the source, verbatim (original language and punctuation). Null when the fact is a value recorded without a passage (e.g. a dataset's emission figure): then `recorded` shows what the dataset says. Never made up.");
        Field(c => c.Recorded, nullable: true).Description("What the dataset recorded, as written, when there is no quote (e.g. Carbon Gap's datasource cell with the value's column and cell).");
        Field(c => c.Page, nullable: true).Description("The page(s) of the source the dataset names, when it names any.");
        Field(c => c.Verification).Description("How far we checked this citation: verbatim against a text we hold, from our research notes, as a dataset recorded it, or derived.");
        Field<NonNullGraphType<ImportedDatasetGraphType>>("dataset").Description("The dataset the fact came through (our curation, or a publisher's dataset with its licence and attribution).")
            .Resolve(ctx => ctx.FollowImportedDataset(ctx.Source.DatasetId));
        Field(c => c.DatasetLocation, nullable: true).Description("Where in the dataset's files the fact was read (file, row or JSON path, column); null for our curation.");
        Field(c => c.Note, nullable: true).Description("What this citation supports when it is not the whole fact (e.g. `verifier`), or a remark on it.");
        Field<NonNullGraphType<BooleanGraphType>>("isPrimary").Description("True for the fact's primary citation; the others corroborate it.")
            .Resolve(ctx => ctx.Source.Ordinal == 0);
        Field<NonNullGraphType<IdGraphType>>("factId").Description("The global ID of the fact this citation supports (use it with `node(id:)`).")
            .Resolve(ctx => NodeId.Encode(ctx.Source.SubjectType, ctx.Source.SubjectId));
    }
}
