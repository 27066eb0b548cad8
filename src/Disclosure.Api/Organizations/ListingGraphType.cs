using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Organizations;

public sealed class ListingGraphType : ObjectGraphType<Listing>
{
    public ListingGraphType()
    {
        Name = "Listing";
        Description = "A stock-exchange listing.";
        Field(l => l.Exchange).Description("The exchange, as the source names it (e.g. `NYSE`, `HKEX`).");
        Field(l => l.Symbol).Description("The ticker symbol or stock code on that exchange.");
    }
}
