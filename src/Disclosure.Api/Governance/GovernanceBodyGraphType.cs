using Disclosure.Api.GraphQL;
using Disclosure.Api.Organizations;
using Disclosure.Store.Data;
using GraphQL;
using GraphQL.Types;

namespace Disclosure.Api.Governance;

public sealed class GovernanceBodyGraphType : NodeGraphType<GovernanceBody>
{
    public GovernanceBodyGraphType() : base(b => b.Id)
    {
        Description = "A governance body: one tier of the three-tier ESG governance framework (board committee, steering committee, working group), or another body a source describes.";
        Field<NonNullGraphType<OrganizationGraphType>>("organization").Description("The organization the body governs.")
            .Resolve(ctx => ctx.LoadOrganization(ctx.Source.OrganizationId));
        Field(b => b.Name).Description("The body's name.");
        Field(b => b.Tier, nullable: true).Description("1, 2 or 3: the body's tier in the three-tier ESG framework (1 = board level); null for a body outside it.");
        Field(b => b.Level).Description("The level at which the body works.");
        Field(b => b.Mandate).Description("What the body is responsible for, as the source describes it.");
        Field(b => b.EstablishedOn, nullable: true).Description("When the body was established or announced.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MembershipGraphType>>>>("memberships")
            .Description("Who sits on the body and in what role, over time: chairs first, then by date. With `asOf`, only those attested by that date and not known to have ended by then (a source may not confirm they still held on that date).")
            .Argument<IsoDateGraphType>("asOf", "Only memberships with `since` on or before this date (or undated) and no reported end on or before it.")
            .Resolve(ctx =>
            {
                var asOf = ctx.GetArgument<DateOnly?>("asOf");
                return ctx.LoadMembershipsOfBody(ctx.Source.Id).Then(ms => asOf is { } day ? ms!.Where(m => m.HeldOn(day)).ToArray() : ms);
            });
    }
}
