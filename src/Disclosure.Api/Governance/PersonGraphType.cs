using Disclosure.Api.GraphQL;
using Disclosure.Api.Paging;
using Disclosure.Api.Statements;
using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Governance;

public sealed class PersonGraphType : NodeGraphType<Person>
{
    public PersonGraphType() : base(p => p.Id)
    {
        Description = "A person named in the disclosure or its coverage.";
        Field(p => p.Name).Description("The person's name as the English sources give it.");
        Field(p => p.NativeName, nullable: true).Description("The name in Chinese characters, when a source gives it.");
        this.ChildConnection<Person, MembershipGraphType, Membership>("memberships", "The person's seats on governance bodies, unless `order` says otherwise chairs first, then by date.", p => p.Id, m => m.PersonId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatementGraphType>>>>("statements")
            .Description("Statements the person made, by date.")
            .Resolve(ctx => ctx.LoadStatementsOfSpeaker(ctx.Source.Id));
    }
}
