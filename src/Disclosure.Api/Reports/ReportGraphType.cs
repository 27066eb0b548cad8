using Disclosure.Api.Figures;
using Disclosure.Api.GraphQL;
using Disclosure.Api.Organizations;
using Disclosure.Api.Paging;
using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Reports;

public sealed class ReportGraphType : NodeGraphType<Report>
{
    public ReportGraphType() : base(r => r.Id)
    {
        Description = "A disclosure report the organization published (ESG, CSR or carbon-neutrality report), with when it came out and who verified it.";
        Field<NonNullGraphType<OrganizationGraphType>>("organization").Description("The organization that published the report.")
            .Resolve(ctx => ctx.FollowOrganization(ctx.Source.OrganizationId));
        Field(r => r.Title).Description("The report's title as the source names it (often in Chinese).");
        Field(r => r.Kind).Description("What kind of report it is.");
        Field(r => r.FiscalYear, nullable: true).Description("The fiscal year the report covers, when known.");
        Field(r => r.PublishedOn).Description("The publication date.");
        Field(r => r.PublishedOnNote, nullable: true).Description("Caveats on the date: an inferred year, or a conflicting date in another source.");
        Field(r => r.Framework, nullable: true).Description("The reporting framework the report follows, when a source says so.");
        Field(r => r.Verifier, nullable: true).Description("The third party that verified data in the report, when a source says so.");
        Field(r => r.VerificationScope, nullable: true).Description("What the verifier checked, as the source describes it.");
        this.ChildConnection<Report, FigureGraphType, Figure>("figures", "The figures of the dataset that were published in this report.", r => r.Id, f => f.ReportId!);
    }
}
