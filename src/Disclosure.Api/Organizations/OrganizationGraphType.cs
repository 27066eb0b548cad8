using Disclosure.Api.Commitments;
using Disclosure.Api.Figures;
using Disclosure.Api.Governance;
using Disclosure.Api.GraphQL;
using Disclosure.Api.Reports;
using Disclosure.Api.Statements;
using Disclosure.Api.Targets;
using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Organizations;

public sealed class OrganizationGraphType : NodeGraphType<Organization>
{
    public OrganizationGraphType() : base(o => o.Id)
    {
        Description = "A reporting organization: a listed group, or one of its business units or subsidiaries.";
        Field(o => o.Name).Description("The organization's name.");
        Field(o => o.Kind).Description("How the organization stands in its group.");
        Field(o => o.Mission, nullable: true).Description("The organization's stated mission, verbatim, when it states one.");
        Field<OrganizationGraphType>("parent").Description("The group this organization belongs to, if any.")
            .Resolve(ctx => ctx.Source.ParentId is { } parent ? ctx.LoadOrganization(parent) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganizationGraphType>>>>("children")
            .Description("Business units and subsidiaries of this organization, by name.")
            .Resolve(ctx => ctx.LoadChildOrganizations(ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ListingGraphType>>>>("listings")
            .Description("Where the organization's shares are listed.")
            .Resolve(ctx => ctx.LoadListings(ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TargetGraphType>>>>("targets")
            .Description("The organization's climate targets, by target year.")
            .Resolve(ctx => ctx.LoadTargetsOfOrganization(ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FigureGraphType>>>>("figures")
            .Description("Every figure reported for the organization (its yearly progress), by period and metric.")
            .Resolve(ctx => ctx.LoadFiguresOfOrganization(ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportGraphType>>>>("reports")
            .Description("The disclosure reports the organization published, by publication date.")
            .Resolve(ctx => ctx.LoadReportsOfOrganization(ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CommitmentGraphType>>>>("commitments")
            .Description("Commitments and principles the organization stated.")
            .Resolve(ctx => ctx.LoadCommitmentsOfOrganization(ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GovernanceBodyGraphType>>>>("governanceBodies")
            .Description("The organization's governance bodies, by tier.")
            .Resolve(ctx => ctx.LoadBodiesOfOrganization(ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatementGraphType>>>>("statements")
            .Description("Quoted statements made for the organization, by date.")
            .Resolve(ctx => ctx.LoadStatementsOfOrganization(ctx.Source.Id));
    }
}
