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
    public double? Remaining { get; private init; }
    public double? TargetAmount { get; private init; }
    public string? Unit { get; private init; }
    public double? PercentOfTarget { get; private init; }
    public required string Explanation { get; init; }

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
            var achieved = amounts.Sum(f => (decimal)f.NormalizedValue!.Value);
            var percent = Math.Round(achieved / goal * 100m, 3, MidpointRounding.AwayFromZero);
            var low = amounts.Where(f => f.Confidence == Confidence.Low).Select(f => f.PeriodLabel).ToList();
            return new TargetProgress(target, figures)
            {
                Method = ProgressMethod.SumOfReportedYears,
                Inputs = amounts,
                Achieved = (double)achieved,
                TargetAmount = (double)goal,
                Remaining = (double)Math.Max(0, goal - achieved),
                Unit = Units.Tco2e,
                PercentOfTarget = (double)percent,
                Explanation =
                    $"Sum of the {amounts.Count} yearly figures reported ({string.Join(", ", amounts.Select(f => f.PeriodLabel))}): " +
                    $"{Format(achieved)} tCO2e, {percent.ToString(CultureInfo.InvariantCulture)}% of the {Format(goal)} tCO2e target " +
                    $"(percentage rounded to 3 decimals). No source states a cumulative figure; years without a reported figure add nothing." +
                    (low.Count > 0 ? $" Inputs rated LOW confidence: {string.Join(", ", low)}." : ""),
            };
        }

        var net = amounts.Where(f => f.Metric == Metric.NetScope12Emissions).ToList();
        if (target.Kind == TargetKind.CarbonNeutrality && net.Count > 0)
        {
            var latest = net[^1];
            return new TargetProgress(target, figures)
            {
                Method = ProgressMethod.LatestRemaining,
                Inputs = [latest],
                Remaining = latest.NormalizedValue,
                TargetAmount = 0,
                Unit = Units.Tco2e,
                Explanation =
                    $"Latest reported net Scope 1+2 emissions ({latest.PeriodLabel}): {Format((decimal)latest.NormalizedValue!.Value)} tCO2e " +
                    $"still to be brought to net zero by {target.TargetYear}. No percentage is computed: no baseline on the same (net) basis was disclosed.",
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

    private static string Format(decimal value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);
}
