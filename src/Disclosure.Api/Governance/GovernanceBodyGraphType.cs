using Disclosure.Api.GraphQL;
using Disclosure.Api.Organizations;
using Disclosure.Api.Paging;
using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Governance;

public sealed class GovernanceBodyGraphType : NodeGraphType<GovernanceBody>
{
    public GovernanceBodyGraphType() : base(b => b.Id)
    {
        Description = "A governance body: one tier of the three-tier ESG governance framework (board committee, steering committee, working group), or another body a source describes.";
        Field<NonNullGraphType<OrganizationGraphType>>("organization").Description("The organization the body governs.")
            .Resolve(ctx => ctx.FollowOrganization(ctx.Source.OrganizationId));
        Field(b => b.Name).Description("The body's name.");
        Field(b => b.Tier, nullable: true).Description("1, 2 or 3: the body's tier in the three-tier ESG framework (1 = board level); null for a body outside it.");
        Field(b => b.Level).Description("The level at which the body works.");
        Field(b => b.Mandate).Description("What the body is responsible for, as the source describes it.");
        Field(b => b.EstablishedOn, nullable: true).Description("When the body was established or announced.");
        this.ChildConnection<GovernanceBody, MembershipGraphType, Membership>("memberships",
            "Who sits on the body and in what role, over time: chairs first, then by date, unless `order` says otherwise.", b => b.Id, m => m.BodyId);
    }
}
