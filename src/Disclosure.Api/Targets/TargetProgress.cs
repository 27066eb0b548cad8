using System.Globalization;
using Disclosure.Store.Data;

namespace Disclosure.Api.Targets;

/// <summary>
/// How far a target has come, computed only where the reported figures allow it honestly, always with the inputs
/// shown. No pathway, interpolation or estimate: a target whose figures do not add up to an assessment says so.
/// </summary>
public sealed class TargetProgress
{
    private TargetProgress(Target target, IReadOnlyList<Figure> figures)
    {
        Target = target;
        Figures = figures;
    }

    public Target Target { get; }

    /// <summary>Every figure reported against the target, by period.</summary>
    public IReadOnlyList<Figure> Figures { get; }

    public ProgressMethod Method { get; private init; } = ProgressMethod.NotAssessable;
    public IReadOnlyList<Figure> Inputs { get; private init; } = [];
    public double? Achieved { get; private init; }
    public double? AchievedExcludingLowConfidence { get; private init; }
    public double? Remaining { get; private init; }
    public double? TargetAmount { get; private init; }
    public string? Unit { get; private init; }
    public double? PercentOfTarget { get; private init; }
    public double? PercentOfTargetExcludingLowConfidence { get; private init; }
    public EmissionBasis? Basis { get; private init; }
    public string? Assumption { get; private init; }
    public required string Explanation { get; init; }

    /// <summary>What <see cref="ProgressMethod.SumOfReportedYears"/> assumes and no source states.</summary>
    public const string CumulativeAssumption =
        "Assumed, not stated: the yearly figures are added up as if the target counted decarbonization cumulatively over the years. " +
        "No source we hold says the target is cumulative, nor from when it counts.";

    /// <summary>The latest figure that is a level (not a change against the previous period).</summary>
    public Figure? Latest => Figures.Where(f => f.Value is not null && !Units.IsChange(f.Metric)).MaxBy(f => f.PeriodEnd);

    public static TargetProgress Assess(Target target, IReadOnlyList<Figure> figures)
    {
        figures = [.. figures.OrderBy(f => f.PeriodEnd).ThenBy(f => f.Id, StringComparer.Ordinal)];
        var amounts = figures.Where(f => f.NormalizedValue is not null && f.NormalizedUnit == Units.Tco2e && !Units.IsChange(f.Metric)).ToList();
        var targetAmount = target.QuantityValue is { } qv && target.QuantityUnit is { } qu && Units.Normalisation(qu) is { Unit: Units.Tco2e } n
            ? (decimal)qv * n.Factor
            : (decimal?)null;

        if (target.Kind == TargetKind.EcosystemDecarbonization && targetAmount is { } goal && amounts.Count > 0)
        {
            if (WhyNotSummable(amounts) is { } refusal)
            {
                return new TargetProgress(target, figures) { Explanation = refusal };
            }
            var achieved = amounts.Sum(f => (decimal)f.NormalizedValue!.Value);
            var percent = Percent(achieved, goal);
            var low = amounts.Where(f => f.Confidence == Confidence.Low).ToList();
            var withoutLow = amounts.Where(f => f.Confidence != Confidence.Low).Sum(f => (decimal)f.NormalizedValue!.Value);
            var percentWithoutLow = Percent(withoutLow, goal);
            return new TargetProgress(target, figures)
            {
                Method = ProgressMethod.SumOfReportedYears,
                Inputs = amounts,
                Achieved = (double)achieved,
                AchievedExcludingLowConfidence = (double)withoutLow,
                TargetAmount = (double)goal,
                Remaining = (double)Math.Max(0, goal - achieved),
                Unit = Units.Tco2e,
                PercentOfTarget = (double)percent,
                PercentOfTargetExcludingLowConfidence = (double)percentWithoutLow,
                Assumption = CumulativeAssumption,
                Explanation =
                    $"Sum of the {amounts.Count} yearly {EnumNames.Of(amounts[0].Metric)} figures reported ({string.Join(", ", amounts.Select(f => f.PeriodLabel))}; " +
                    $"one metric, periods not overlapping): {Format(achieved)} tCO2e, {Show(percent)}% of the {Format(goal)} tCO2e target " +
                    $"(percentages rounded to 3 decimals). {CumulativeAssumption} Years without a reported figure add nothing." +
                    (low.Count > 0
                        ? $" Inputs rated LOW confidence: {string.Join(", ", low.Select(f => f.PeriodLabel))}; without them the sum is " +
                          $"{Format(withoutLow)} tCO2e, {Show(percentWithoutLow)}% of the target."
                        : ""),
            };
        }

        // Own-operations Scope 1+2 emissions: those the source calls net, and those whose basis it does not state.
        var ownOperations = amounts.Where(f => f.Metric is Metric.NetScope12Emissions or Metric.Scope12Emissions).ToList();
        if (target.Kind == TargetKind.CarbonNeutrality && ownOperations.Count > 0)
        {
            var latest = ownOperations[^1];
            var basis = latest.Basis switch
            {
                EmissionBasis.Net => "net (as the source states)",
                EmissionBasis.Gross => "gross (as the source states)",
                _ => "basis not stated: the source does not say whether the figure is gross or net",
            };
            return new TargetProgress(target, figures)
            {
                Method = ProgressMethod.LatestRemaining,
                Inputs = [latest],
                Remaining = latest.NormalizedValue,
                TargetAmount = 0,
                Unit = Units.Tco2e,
                Basis = latest.Basis,
                Explanation =
                    $"Latest reported Scope 1+2 emissions of own operations ({latest.PeriodLabel}, {basis}): {Format((decimal)latest.NormalizedValue!.Value)} tCO2e " +
                    $"still to be brought to net zero by {target.TargetYear}. No percentage is computed: no baseline on the same basis was disclosed.",
            };
        }

        return new TargetProgress(target, figures)
        {
            Explanation = figures.Count == 0
                ? "No figure has been reported against this target in the sources held."
                : $"{figures.Count} figure(s) reported against this target ({string.Join(", ", figures.Select(f => $"{f.PeriodLabel} {f.PublishedValue} {EnumNames.Of(f.Metric)}"))}), " +
                  "but none is an absolute level that can be set against the target: no assessment is made.",
        };
    }

    /// <summary>
    /// Why the figures cannot be added up, or null when they can: every figure must measure the same metric, and no
    /// two periods may overlap (a sum over overlapping periods would count the overlap twice).
    /// </summary>
    private static string? WhyNotSummable(IReadOnlyList<Figure> amounts)
    {
        var metrics = amounts.Select(f => f.Metric).Distinct().ToList();
        if (metrics.Count > 1)
        {
            return $"The figures reported against this target measure different metrics ({string.Join(", ", amounts.Select(f => $"{f.PeriodLabel} {EnumNames.Of(f.Metric)}"))}): " +
                   "they are not added up, and no assessment is made.";
        }
        var ordered = amounts.OrderBy(f => f.PeriodStart).ThenBy(f => f.PeriodEnd).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].PeriodStart <= ordered[i - 1].PeriodEnd)
            {
                return $"The periods of {ordered[i - 1].PeriodLabel} ({ordered[i - 1].PeriodStart:yyyy-MM-dd} to {ordered[i - 1].PeriodEnd:yyyy-MM-dd}) and " +
                       $"{ordered[i].PeriodLabel} ({ordered[i].PeriodStart:yyyy-MM-dd} to {ordered[i].PeriodEnd:yyyy-MM-dd}) overlap: the figures are not added up " +
                       "(the overlap would be counted twice), and no assessment is made.";
            }
        }
        return null;
    }

    private static decimal Percent(decimal part, decimal whole) => Math.Round(part / whole * 100m, 3, MidpointRounding.AwayFromZero);

    private static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(decimal value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);
}
