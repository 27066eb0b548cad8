using Disclosure.Api.DataLoading;
using Disclosure.Api.GraphQL;
using Disclosure.Api.Organizations;
using Disclosure.Api.Reports;
using Disclosure.Api.Scopes;
using Disclosure.Api.Targets;
using Disclosure.Store.Data;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace Disclosure.Api.Figures;

public sealed class FigureGraphType : NodeGraphType<Figure>
{
    public FigureGraphType() : base(f => f.Id)
    {
        Description = "One reported figure of the yearly progress: what was measured, for which period, the value exactly as published, its unit, and how far it can be trusted.";
        Field<NonNullGraphType<OrganizationGraphType>>("organization").Description("Whose figure it is.")
            .Resolve(ctx => ctx.FollowOrganization(ctx.Source.OrganizationId));
        Field(f => f.Metric).Description("What the figure measures.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScopeGraphType>>>>("scopes")
            .Description("The emission scopes the metric is about (empty for metrics that are not about a scope).")
            .Resolve(ctx => MetricScopes.Of(ctx.Source.Metric) is { Length: > 0 } codes
                ? new CombinedResult<Scope?>([.. codes.Select(ctx.LoadScopeByCode)])
                : Array.Empty<Scope>());
        Field(f => f.Subject, nullable: true).Description("The boundary in the source's words (e.g. which data centres), when it is narrower than the organization.");
        Field<NonNullGraphType<PeriodGraphType>>("period").Description("The period the figure covers.").Resolve(ctx => ctx.Source);
        Field(f => f.PublishedValue).Description("The figure exactly as published, with its qualifier (e.g. `approx. 7.877`, `more than 800`).");
        Field(f => f.Value, nullable: true).Description("The number in `publishedValue`, in `unit`; null when the figure is not a number (e.g. only a direction). Changes are signed as published.");
        Field(f => f.Qualifier).Description("Whether the figure was published as exact, approximate or a lower bound.");
        Field(f => f.Unit).Description("The unit the figure was published in.");
        Field(f => f.NormalizedValue, nullable: true).Description("The value converted to `normalizedUnit` by a plain unit conversion (万吨 = 10,000 t; 亿 kWh = 100,000,000 kWh); null when the unit is not an emission or energy unit.");
        Field(f => f.NormalizedUnit, nullable: true).Description("`tCO2e` for emissions, `kWh` for energy; null otherwise.");
        Field(f => f.Direction, nullable: true).Description("For a change figure: whether the measure went up or down.");
        Field(f => f.Basis).Description("Gross or net, for emission figures.");
        Field(f => f.Confidence).Description("How far the figure can be trusted, as the research behind the dataset rated it.");
        Field(f => f.ConfidenceNote, nullable: true).Description("Why that confidence: corroborations and conflicts.");
        Field(f => f.Note, nullable: true).Description("Caveats: definitions that differ between sources, possible mix-ups, what the source does not say.");
        Field<ReportGraphType>("report").Description("The report the figure was published in, when known.")
            .Resolve(ctx => ctx.Source.ReportId is { } id ? ctx.FollowReport(id) : null);
        Field(f => f.Category, nullable: true).Description("For Scope 3 category figures: the category number (1-15; 16 is \"other\" as Klimatkollen records it, not a GHG Protocol category).");
        Field(f => f.Scope2Method, nullable: true).Description("For Scope 2 figures: market- or location-based, as the dataset says; null when the figure is not Scope 2 or comes from our curation.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FigureGraphType>>>>("otherFigures")
            .Description("The other figures for the same organization, metric, period and category, from any dataset: where sources state different values, both are kept, each cited. Never averaged or picked.")
            .Resolve(ctx => ctx.LoadFiguresOfMeasure(ctx.Source.MeasureKey).Then(fs => (fs ?? []).Where(f => f.Id != ctx.Source.Id).ToArray()));
        Field<NonNullGraphType<BooleanGraphType>>("disagrees")
            .Description("True when another figure of the same measure states a different value (Scope 2 market-based and location-based figures are not compared with each other). Compare `otherFigures`; a `verification` of `CHECKED_BY_PUBLISHER` marks the hand-checked one.")
            .Resolve(ctx => ctx.LoadFiguresOfMeasure(ctx.Source.MeasureKey).Then(fs => (fs ?? []).Any(f => f.Id != ctx.Source.Id && MeasureComparison.Disagree(ctx.Source, f))));
        Field<TargetGraphType>("target").Description("The target this figure measures progress against, when the link is clear.")
            .Resolve(ctx => ctx.Source.TargetId is { } id ? ctx.FollowTarget(id) : null);
    }
}
