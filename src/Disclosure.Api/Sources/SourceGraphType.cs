using Disclosure.Api.GraphQL;
using Disclosure.Api.Paging;
using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Sources;

public sealed class SourceGraphType : NodeGraphType<Source>
{
    public SourceGraphType() : base(s => s.Id, cited: false)
    {
        Description = "A document facts are cited from: a press release, a report, news coverage, an analysis or a standard.";
        Field(s => s.Title).Description("The document's title as published (a bracketed description when it has none).");
        Field(s => s.Publisher).Description("The outlet or organization that published it.");
        Field(s => s.Url).Description("Where the document was read.");
        Field(s => s.PublishedOn, nullable: true).Description("The publication date, when known.");
        Field(s => s.Kind).Description("What kind of document it is.");
        Field(s => s.Language).Description("The document's language (BCP 47 tag).");
        Field<NonNullGraphType<BooleanGraphType>>("textHeld").Description("True when the dataset holds the document's full text, against which every quote from it is checked.")
            .Resolve(ctx => ctx.Source.TextFile is not null);
        this.ChildConnection<Source, CitationGraphType, Citation>("citations", "Every citation of this document, i.e. the facts that rest on it, by fact type and slug.", s => s.Id, c => c.SourceId);
    }
}
