using Disclosure.Api.Targets;
using Disclosure.Store.Data;

namespace Disclosure.Tests.Targets;

/// <summary>
/// The sum behind an amount target's progress: stated as an assumption, shown with and without the LOW-confidence
/// inputs, and refused when the figures are not one metric over periods that do not overlap.
/// </summary>
public sealed class TargetProgressTests
{
    private static readonly Target Goal = new()
    {
        Id = "goal", OrganizationId = "org", Name = "1.5 Gt by 2035", Kind = TargetKind.EcosystemDecarbonization, TargetYear = 2035,
        QuantityValue = 1.5, QuantityUnit = Unit.Gtco2e, Status = TargetStatus.NotStated, AnnouncedOn = new DateOnly(2021, 12, 17), Text = "text",
        TargetYearSortKey = 2035, DatasetId = ImportedDataset.CuratedId, Verification = Verification.ResearchNotes,
    };

    [Fact]
    public void The_sum_is_stated_as_an_assumption()
    {
        var progress = TargetProgress.Assess(Goal, [FiscalYear("a", 2023, 22_907_000), FiscalYear("b", 2024, 33_340_000)]);

        Assert.Equal(ProgressMethod.SumOfReportedYears, progress.Method);
        Assert.Equal(TargetProgress.CumulativeAssumption, progress.Assumption);
        Assert.Contains("No source we hold says the target is cumulative", progress.Assumption);
        Assert.Contains(TargetProgress.CumulativeAssumption, progress.Explanation);
    }

    [Fact]
    public void The_sum_is_given_with_and_without_the_low_confidence_inputs()
    {
        var progress = TargetProgress.Assess(Goal,
            [FiscalYear("a", 2023, 22_907_000), FiscalYear("b", 2024, 33_340_000), FiscalYear("c", 2025, 59_208_000, Confidence.Low)]);

        Assert.Equal(115_455_000d, progress.Achieved);
        Assert.Equal(7.697, progress.PercentOfTarget);
        Assert.Equal(56_247_000d, progress.AchievedExcludingLowConfidence);
        Assert.Equal(3.75, progress.PercentOfTargetExcludingLowConfidence);
        Assert.Contains("Inputs rated LOW confidence: FY2025; without them the sum is 56,247,000 tCO2e, 3.750% of the target.", progress.Explanation);
    }

    [Fact]
    public void Without_low_confidence_inputs_both_sums_are_the_same()
    {
        var progress = TargetProgress.Assess(Goal, [FiscalYear("a", 2023, 22_907_000), FiscalYear("b", 2024, 33_340_000)]);

        Assert.Equal(progress.Achieved, progress.AchievedExcludingLowConfidence);
        Assert.Equal(progress.PercentOfTarget, progress.PercentOfTargetExcludingLowConfidence);
    }

    [Fact]
    public void A_figure_of_another_metric_is_not_added()
    {
        var other = FiscalYear("b", 2024, 2_320_000);
        var progress = TargetProgress.Assess(Goal, [FiscalYear("a", 2023, 22_907_000), Copy(other, Metric.EmissionReductions)]);

        Assert.Equal(ProgressMethod.NotAssessable, progress.Method);
        Assert.Null(progress.Achieved);
        Assert.Null(progress.PercentOfTarget);
        Assert.Null(progress.Assumption);
        Assert.Contains("different metrics", progress.Explanation);
    }

    [Fact]
    public void Figures_over_overlapping_periods_are_not_added()
    {
        var calendar = Figure("b", "CY2023", new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), 10_000_000, Confidence.Medium);
        var progress = TargetProgress.Assess(Goal, [FiscalYear("a", 2023, 22_907_000), calendar]);

        Assert.Equal(ProgressMethod.NotAssessable, progress.Method);
        Assert.Null(progress.Achieved);
        Assert.Contains("overlap", progress.Explanation);
        Assert.Contains("FY2023 (2022-04-01 to 2023-03-31) and CY2023 (2023-01-01 to 2023-12-31)", progress.Explanation);
    }

    [Fact]
    public void A_neutrality_target_says_the_basis_of_its_latest_figure()
    {
        var neutrality = new Target
        {
            Id = "neutral", OrganizationId = "org", Name = "neutral", Kind = TargetKind.CarbonNeutrality, TargetYear = 2030,
            Status = TargetStatus.NotStated, AnnouncedOn = new DateOnly(2021, 12, 17), Text = "text",
            TargetYearSortKey = 2030, DatasetId = ImportedDataset.CuratedId, Verification = Verification.ResearchNotes,
        };
        var net = Copy(FiscalYear("net", 2023, 4_681_000), Metric.NetScope12Emissions, EmissionBasis.Net);
        var notStated = Copy(FiscalYear("own", 2024, 4_450_000), Metric.Scope12Emissions, EmissionBasis.NotStated);

        var progress = TargetProgress.Assess(neutrality, [net, notStated]);

        Assert.Equal(ProgressMethod.LatestRemaining, progress.Method);
        Assert.Equal("own", Assert.Single(progress.Inputs).Id);
        Assert.Equal(EmissionBasis.NotStated, progress.Basis);
        Assert.Contains("basis not stated", progress.Explanation);
        Assert.DoesNotContain("net Scope 1+2", progress.Explanation);
    }

    private static Figure FiscalYear(string id, int year, double tonnes, Confidence confidence = Confidence.Medium) =>
        Figure(id, $"FY{year}", new DateOnly(year - 1, 4, 1), new DateOnly(year, 3, 31), tonnes, confidence, year);

    private static Figure Figure(string id, string label, DateOnly start, DateOnly end, double tonnes, Confidence confidence, int? fiscalYear = null) => new()
    {
        Id = id, OrganizationId = "org", Metric = Metric.Scope3PlusDecarbonization, PeriodKind = fiscalYear is null ? PeriodKind.CalendarYear : PeriodKind.FiscalYear,
        PeriodLabel = label, PeriodStart = start, PeriodEnd = end, FiscalYear = fiscalYear, PublishedValue = tonnes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Value = tonnes, Qualifier = ValueQualifier.Exact, Unit = Unit.Tco2e, NormalizedValue = tonnes, NormalizedUnit = Units.Tco2e,
        Basis = EmissionBasis.NotApplicable, Confidence = confidence, TargetId = "goal",
        PeriodSortKey = start, DatasetId = ImportedDataset.CuratedId, Verification = Verification.ResearchNotes, MeasureKey = $"org|{label}",
    };

    private static Figure Copy(Figure f, Metric metric, EmissionBasis basis = EmissionBasis.NotApplicable) => new()
    {
        Id = f.Id, OrganizationId = f.OrganizationId, Metric = metric, PeriodKind = f.PeriodKind, PeriodLabel = f.PeriodLabel,
        PeriodStart = f.PeriodStart, PeriodEnd = f.PeriodEnd, FiscalYear = f.FiscalYear, PublishedValue = f.PublishedValue, Value = f.Value,
        Qualifier = f.Qualifier, Unit = f.Unit, NormalizedValue = f.NormalizedValue, NormalizedUnit = f.NormalizedUnit, Basis = basis,
        Confidence = f.Confidence, TargetId = f.TargetId,
        PeriodSortKey = f.PeriodSortKey, DatasetId = f.DatasetId, Verification = f.Verification, MeasureKey = f.MeasureKey,
    };
}
