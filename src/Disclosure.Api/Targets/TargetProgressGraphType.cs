using Disclosure.Api.Figures;
using GraphQL.Types;

namespace Disclosure.Api.Targets;

public sealed class TargetProgressGraphType : ObjectGraphType<TargetProgress>
{
    public TargetProgressGraphType()
    {
        Name = "TargetProgress";
        Description = "How far a target has come, computed only where the reported figures allow it honestly, with the inputs shown. Never a modelled pathway.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FigureGraphType>>>>("figures")
            .Description("Every figure reported against the target, oldest period first.").Resolve(ctx => ctx.Source.Figures);
        Field<FigureGraphType>("latest").Description("The latest figure that is a level (not a change against the previous period).")
            .Resolve(ctx => ctx.Source.Latest);
        Field(p => p.Method).Description("How the progress below was assessed.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FigureGraphType>>>>("inputs")
            .Description("The figures the assessment used.").Resolve(ctx => ctx.Source.Inputs);
        Field(p => p.Achieved, nullable: true).Description("What the inputs add up to, in `unit` (SUM_OF_REPORTED_YEARS only; see `assumption`).");
        Field(p => p.AchievedExcludingLowConfidence, nullable: true)
            .Description("What the inputs add up to without those rated LOW confidence, in `unit` (SUM_OF_REPORTED_YEARS only); equals `achieved` when no input is LOW.");
        Field(p => p.Remaining, nullable: true).Description("What is left to reach the target, in `unit`.");
        Field(p => p.TargetAmount, nullable: true).Description("The target amount in `unit` (0 for neutrality).");
        Field(p => p.Unit, nullable: true).Description("The unit of `achieved`, `remaining` and `targetAmount` (`tCO2e`).");
        Field(p => p.PercentOfTarget, nullable: true).Description("`achieved` as a percentage of `targetAmount`, rounded to 3 decimals; null where no honest percentage exists.");
        Field(p => p.PercentOfTargetExcludingLowConfidence, nullable: true)
            .Description("`achievedExcludingLowConfidence` as a percentage of `targetAmount`, rounded to 3 decimals; null where `percentOfTarget` is null.");
        Field(p => p.Basis, nullable: true)
            .Description("LATEST_REMAINING only: whether the emission figure used is gross or net, as its source states it (NOT_STATED when the source does not say).");
        Field(p => p.Assumption, nullable: true)
            .Description("What the assessment assumes that no source states (e.g. that an amount target counts cumulatively); null when it assumes nothing.");
        Field(p => p.Explanation).Description("In words: what was computed from what, and what the figures do not allow.");
    }
}
