using Disclosure.Api.Governance;
using Disclosure.Api.GraphQL;
using Disclosure.Api.Organizations;
using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Statements;

public sealed class StatementGraphType : NodeGraphType<Statement>
{
    public StatementGraphType() : base(s => s.Id)
    {
        Description = "A quoted statement: who said it, in what capacity, when, and the exact words.";
        Field<NonNullGraphType<OrganizationGraphType>>("organization").Description("The organization the statement was made for.")
            .Resolve(ctx => ctx.FollowOrganization(ctx.Source.OrganizationId));
        Field<NonNullGraphType<PersonGraphType>>("speaker").Description("Who said it.")
            .Resolve(ctx => ctx.FollowPerson(ctx.Source.SpeakerId));
        Field(s => s.SpeakerTitle).Description("The speaker's title when speaking, as the source gives it.");
        Field(s => s.SaidOn).Description("When it was said (the date of the source).");
        Field(s => s.Text).Description("The words, verbatim.");
    }
}
