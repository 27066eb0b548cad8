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
        Description = "A climate target as the organization announced it: what, which scopes, from which baseline, by when, and how far it has come.";
        Field(t => t.Name).Description("A short title for the target.");
        Field<NonNullGraphType<OrganizationGraphType>>("organization").Description("The organization that set the target.")
            .Resolve(ctx => ctx.FollowOrganization(ctx.Source.OrganizationId));
        Field(t => t.Kind).Description("What the target aims at.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScopeGraphType>>>>("scopes")
            .Description("The emission scopes the target covers.")
            .Resolve(ctx => ctx.LoadScopesOfTarget(ctx.Source.Id));
        Field(t => t.BaselineYear, nullable: true).Description("The baseline year the target is measured against, when it has one.");
        Field(t => t.TargetYear).Description("The year by which the target is to be met.");
        Field<TargetQuantityGraphType>("quantity").Description("How much the target aims at, when it states a quantity.")
            .Resolve(ctx => ctx.Source is { QuantityValue: { } value, QuantityUnit: { } unit }
                ? new TargetQuantity(value, unit,
                    Units.Normalisation(unit) is { } n ? (double)((decimal)value * n.Factor) : null, Units.Normalisation(unit)?.Unit)
                : null);
        Field(t => t.IntensityDenominator, nullable: true).Description("For an intensity target: what the intensity is per (e.g. carbon per unit of revenue).");
        Field(t => t.Status).Description("Where the target stands.");
        Field(t => t.AnnouncedOn).Description("The date the target was announced.");
        Field(t => t.Text).Description("The target as announced, verbatim.");
        this.ChildConnection<Target, FigureGraphType, Figure>("figures", "The figures reported against this target, by period unless `order` says otherwise.", t => t.Id, f => f.TargetId!);
        Field<NonNullGraphType<TargetProgressGraphType>>("progress")
            .Description("The figures reported against this target and, where they allow it honestly, how far it has come.")
            .Resolve(ctx => ctx.LoadFiguresOfTarget(ctx.Source.Id).Then(fs => TargetProgress.Assess(ctx.Source, fs ?? [])));
    }
}
