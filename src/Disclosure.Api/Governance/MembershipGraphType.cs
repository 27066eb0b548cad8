using Disclosure.Api.GraphQL;
using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Governance;

public sealed class MembershipGraphType : NodeGraphType<Membership>
{
    public MembershipGraphType() : base(m => m.Id)
    {
        Description = "A person's seat on a governance body, over the time the sources attest it.";
        Field<NonNullGraphType<GovernanceBodyGraphType>>("body").Description("The governance body.")
            .Resolve(ctx => ctx.FollowBody(ctx.Source.BodyId));
        Field<NonNullGraphType<PersonGraphType>>("person").Description("The person.")
            .Resolve(ctx => ctx.FollowPerson(ctx.Source.PersonId));
        Field(m => m.Role).Description("Chair or member.");
        Field(m => m.Title).Description("The person's title as the source gives it (e.g. independent director).");
        Field(m => m.Since, nullable: true).Description("The date from which a source attests the membership (not necessarily when it began); null when the source is undated.");
        Field(m => m.Until, nullable: true).Description("When the membership ended, when a source reports it.");
        Field(m => m.EndedBy, nullable: true).Description("The latest date by which the membership had ended, when a later source shows someone else in the role but no end date is known.");
        Field(m => m.Note, nullable: true).Description("Caveats on the dates or the role.");
    }
}
