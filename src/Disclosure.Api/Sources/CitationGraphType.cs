using Disclosure.Api.GraphQL;
using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Sources;

public sealed class CitationGraphType : ObjectGraphType<Citation>
{
    public CitationGraphType()
    {
        Name = "Citation";
        Description = "The source a fact rests on and the exact words it says there. Quote it as it stands.";
        Field<NonNullGraphType<SourceGraphType>>("source").Description("The document cited.")
            .Resolve(ctx => ctx.FollowSource(ctx.Source.SourceId));
        Field(c => c.Quote).Description("The exact quote from the source, verbatim (original language and punctuation).");
        Field(c => c.Note, nullable: true).Description("What this citation supports when it is not the whole fact (e.g. `verifier`), or a remark on it.");
        Field<NonNullGraphType<BooleanGraphType>>("isPrimary").Description("True for the fact's primary citation; the others corroborate it.")
            .Resolve(ctx => ctx.Source.Ordinal == 0);
        Field<NonNullGraphType<IdGraphType>>("factId").Description("The global ID of the fact this citation supports (use it with `node(id:)`).")
            .Resolve(ctx => NodeId.Encode(ctx.Source.SubjectType, ctx.Source.SubjectId));
    }
}
