using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Organizations;

public sealed class AssessmentFieldGraphType : ObjectGraphType<AssessmentField>
{
    public AssessmentFieldGraphType()
    {
        Name = "AssessmentField";
        Description = "One column of an assessment as the dataset recorded it.";
        Field(f => f.Column).Description("The column's header in the publisher's file (e.g. `carbon_credit_offsets`).");
        Field(f => f.Value).Description("The cell as written.");
    }
}
