using Disclosure.Api.GraphQL;
using Disclosure.Api.Organizations;
using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Commitments;

public sealed class CommitmentGraphType : NodeGraphType<Commitment>
{
    public CommitmentGraphType() : base(c => c.Id)
    {
        Description = "A commitment or principle the organization stated: an initiative joined, an alignment, a decarbonization principle, a reporting pledge.";
        Field<NonNullGraphType<OrganizationGraphType>>("organization").Description("The organization that made the commitment.")
            .Resolve(ctx => ctx.FollowOrganization(ctx.Source.OrganizationId));
        Field(c => c.Kind).Description("What kind of commitment it is.");
        Field(c => c.Name).Description("A short title.");
        Field(c => c.Description).Description("What was committed, in plain words; the quote has the exact words.");
        Field(c => c.Status, nullable: true).Description("What the sources say about where it stands (e.g. committed to join, no validation found).");
        Field(c => c.MadeOn, nullable: true).Description("When it was announced.");
    }
}
