using GraphQL.Types;

namespace Disclosure.Api.GraphQL;

/// <summary>Dates as <c>Date</c> (ISO 8601 <c>yyyy-MM-dd</c>), the name most GraphQL APIs use.</summary>
public sealed class IsoDateGraphType : DateOnlyGraphType
{
    public IsoDateGraphType()
    {
        Name = "Date";
        Description = "A calendar date, ISO 8601 `yyyy-MM-dd` (e.g. `2021-12-17`).";
    }
}
