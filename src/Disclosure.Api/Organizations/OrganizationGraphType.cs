using Disclosure.Api.Commitments;
using Disclosure.Api.Figures;
using Disclosure.Api.Governance;
using Disclosure.Api.GraphQL;
using Disclosure.Api.Paging;
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
        Description = "A reporting organization: a listed group, one of its business units or subsidiaries, or a company from an open dataset. One organization per company: the same company in several datasets is linked by name or by a documented manual link (see `datasetRecords`).";
        Field(o => o.Name).Description("The organization's name.");
        Field(o => o.Kind).Description("How the organization stands in its group.");
        Field(o => o.Mission, nullable: true).Description("The organization's stated mission, verbatim, when it states one.");
        Field(o => o.Country, nullable: true).Description("The country as ISO 3166-1 alpha-3 (e.g. `DEU`), as the first dataset that gives one records it (Net Zero Tracker's, else Carbon Gap's country name through our table); null when none does (Klimatkollen gives none).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdentifierGraphType>>>>("identifiers")
            .Description("Identifiers the datasets claim for the organization (ISIN, LEI, Wikidata QID, their own ids), each with its source and, for conflicting ones, a warning.")
            .Resolve(ctx => ctx.LoadIdentifiers(ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DatasetRecordGraphType>>>>("datasetRecords")
            .Description("Each dataset's record of the organization and how it was linked: what each dataset says about the company.")
            .Resolve(ctx => ctx.LoadDatasetRecords(ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClassificationGraphType>>>>("classifications")
            .Description("Sector and industry labels, each as one dataset names it.")
            .Resolve(ctx => ctx.LoadClassifications(ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssessmentGraphType>>>>("assessments")
            .Description("Datasets' assessments of the company (Net Zero Tracker: end-target category, status, scope coverage), including the finding that it had no target.")
            .Resolve(ctx => ctx.LoadAssessments(ctx.Source.Id));
        Field<OrganizationGraphType>("parent").Description("The group this organization belongs to, if any.")
            .Resolve(ctx => ctx.Source.ParentId is { } parent ? ctx.FollowOrganization(parent) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganizationGraphType>>>>("children")
            .Description("Business units and subsidiaries of this organization, by name.")
            .Resolve(ctx => ctx.LoadChildOrganizations(ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ListingGraphType>>>>("listings")
            .Description("Where the organization's shares are listed.")
            .Resolve(ctx => ctx.LoadListings(ctx.Source.Id));
        this.ChildConnection<Organization, TargetGraphType, Target>("targets", "The organization's climate targets, by target year unless `order` says otherwise.", o => o.Id, t => t.OrganizationId);
        this.ChildConnection<Organization, FigureGraphType, Figure>("figures", "Every figure reported for the organization (its yearly progress), by period start unless `order` says otherwise.", o => o.Id, f => f.OrganizationId);
        this.ChildConnection<Organization, ReportGraphType, Report>("reports", "The disclosure reports the organization published, by publication date unless `order` says otherwise.", o => o.Id, r => r.OrganizationId);
        this.ChildConnection<Organization, CommitmentGraphType, Commitment>("commitments", "Commitments and principles the organization stated, by date unless `order` says otherwise.", o => o.Id, c => c.OrganizationId);
        this.ChildConnection<Organization, GovernanceBodyGraphType, GovernanceBody>("governanceBodies", "The organization's governance bodies, by tier unless `order` says otherwise.", o => o.Id, b => b.OrganizationId);
        this.ChildConnection<Organization, StatementGraphType, Statement>("statements", "Quoted statements made for the organization, by date unless `order` says otherwise.", o => o.Id, s => s.OrganizationId);
    }
}
