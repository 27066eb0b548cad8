using Disclosure.Api.GraphQL;
using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Organizations;

public sealed class AssessmentGraphType : NodeGraphType<Assessment>
{
    public AssessmentGraphType() : base(a => a.Id)
    {
        Description = "A dataset's assessment of the company on a date (Net Zero Tracker's snapshot). `hasTarget: false` is a fact: the company was assessed and had no target.";
        Field<NonNullGraphType<OrganizationGraphType>>("organization").Description("The company assessed.")
            .Resolve(ctx => ctx.FollowOrganization(ctx.Source.OrganizationId));
        Field(a => a.AssessedOn).Description("The date of the assessment (the snapshot's date).");
        Field(a => a.LastUpdated, nullable: true).Description("When the dataset last updated the record, as written (e.g. `2022-08-17 13:17:56`).");
        Field(a => a.HasTarget).Description("Whether the company had an end or interim target when assessed. False means assessed and none found, not unknown.");
        Field(a => a.EndTargetCategory, nullable: true).Description("The end-target category as recorded (`No target`, `Net zero`, `Carbon neutral(ity)`, ...).");
        Field(a => a.Status, nullable: true).Description("The status of the end target as recorded, per company (e.g. `In corporate strategy`, `Declaration / pledge`).");
        Field(a => a.StatusYear, nullable: true).Description("The year of that status, as recorded.");
        Field(a => a.Scope1, nullable: true).Description("Whether the company's targets cover Scope 1, as recorded per company (`Yes`, `No`, `Not Specified`): the dataset does not say which target.");
        Field(a => a.Scope2, nullable: true).Description("Whether they cover Scope 2, as recorded per company.");
        Field(a => a.Scope3, nullable: true).Description("Whether they cover Scope 3, as recorded per company.");
        Field(a => a.Location).Description("Where the record is in the dataset's files.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssessmentFieldGraphType>>>>("fields")
            .Description("Every other column of the assessment the dataset filled in (plans, offsets, removals, reporting, notes), as written, in the sheet's order.")
            .Resolve(ctx => ctx.LoadAssessmentFields(ctx.Source.Id));
    }
}
