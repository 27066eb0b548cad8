using Disclosure.Api.Figures;
using Disclosure.Api.GraphQL;
using Disclosure.Api.Organizations;
using Disclosure.Api.Paging;
using Disclosure.Api.Scopes;
using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Targets;

public sealed class TargetGraphType : NodeGraphType<Target>
{
    public TargetGraphType() : base(t => t.Id)
    {
        Description = "A climate target as the organization announced it, or as a dataset recorded it: what, which scopes, from which baseline, by when, and how far it has come.";
        Field(t => t.Name).Description("A short title for the target.");
        Field<NonNullGraphType<OrganizationGraphType>>("organization").Description("The organization that set the target.")
            .Resolve(ctx => ctx.FollowOrganization(ctx.Source.OrganizationId));
        Field(t => t.Kind).Description("What the target aims at.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScopeGraphType>>>>("scopes")
            .Description("The emission scopes the target covers.")
            .Resolve(ctx => ctx.LoadScopesOfTarget(ctx.Source.Id));
        Field(t => t.BaselineYear, nullable: true).Description("The baseline year the target is measured against, when it has one.");
        Field(t => t.TargetYear, nullable: true).Description("The year by which the target is to be met; null when the dataset records none.");
        Field<TargetQuantityGraphType>("quantity").Description("How much the target aims at, when it states a quantity.")
            .Resolve(ctx => ctx.Source is { QuantityValue: { } value, QuantityUnit: { } unit }
                ? new TargetQuantity(value, unit,
                    Units.Normalisation(unit) is { } n ? (double)((decimal)value * n.Factor) : null, Units.Normalisation(unit)?.Unit)
                : null);
        Field(t => t.IntensityDenominator, nullable: true).Description("For an intensity target: what the intensity is per (e.g. carbon per unit of revenue).");
        Field(t => t.Status).Description("Where the target stands.");
        Field(t => t.AnnouncedOn, nullable: true).Description("The date the target was announced; null when the source does not say.");
        Field(t => t.Text, nullable: true).Description("The target's text: verbatim as announced for our curation; for a dataset, its text as recorded (a quotation with page, a summary or a reference to the other target: `citations { note }` says which); null when none was recorded.");
        Field(t => t.Category, nullable: true).Description("The target's category in the dataset's own words (e.g. Net Zero Tracker's `Carbon neutral(ity)`); null for our curation.");
        Field(t => t.Role, nullable: true).Description("End or interim target, where the dataset says.");
        Field(t => t.RecordedStatus, nullable: true).Description("The status the dataset recorded (Net Zero Tracker records one per company, for its end target: e.g. `In corporate strategy`). `status` stays `NOT_STATED` unless a source states the target's own status.");
        Field(t => t.RecordedStatusYear, nullable: true).Description("The year of the recorded status.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TargetGraphType>>>>("otherReadings")
            .Description("Targets of the same organization and target year from other datasets: another reading of the same commitment, kept beside this one, never merged (e.g. Net Zero Tracker's reading of Alibaba's 2030 targets beside the press release's).")
            .Resolve(ctx => ctx.LoadTargetsOfOrganization(ctx.Source.OrganizationId)
                .Then(ts => (ts ?? []).Where(t => t.DatasetId != ctx.Source.DatasetId && t.TargetYear is not null && t.TargetYear == ctx.Source.TargetYear).ToArray()));
        this.ChildConnection<Target, FigureGraphType, Figure>("figures", "The figures reported against this target, by period unless `order` says otherwise.", t => t.Id, f => f.TargetId!);
        Field<NonNullGraphType<TargetProgressGraphType>>("progress")
            .Description("The figures reported against this target and, where they allow it honestly, how far it has come.")
            .Resolve(ctx => ctx.LoadFiguresOfTarget(ctx.Source.Id).Then(fs => TargetProgress.Assess(ctx.Source, fs ?? [])));
    }
}
