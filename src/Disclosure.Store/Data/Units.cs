namespace Disclosure.Store.Data;

/// <summary>What each unit measures, and the plain conversions to the normalised units (tCO2e, kWh).</summary>
public static class Units
{
    public const string Tco2e = "tCO2e";
    public const string Kwh = "kWh";

    /// <summary>The normalised unit and the exact factor to it, or null when the unit is not an emission or energy.</summary>
    public static (string Unit, decimal Factor)? Normalisation(Unit unit) => unit switch
    {
        Unit.Tco2e => (Tco2e, 1m),
        Unit.WanTco2e => (Tco2e, 10_000m),
        Unit.Mtco2e => (Tco2e, 1_000_000m),
        Unit.Gtco2e => (Tco2e, 1_000_000_000m),
        Unit.Kwh => (Kwh, 1m),
        Unit.MillionKwh => (Kwh, 1_000_000m),
        Unit.YiKwh => (Kwh, 100_000_000m),
        Unit.BillionKwh => (Kwh, 1_000_000_000m),
        _ => null,
    };

    public static bool IsEmission(Unit unit) => Normalisation(unit)?.Unit == Tco2e;

    public static bool IsEnergy(Unit unit) => Normalisation(unit)?.Unit == Kwh;

    /// <summary>Whether a figure of <paramref name="metric"/> may be published in <paramref name="unit"/>.</summary>
    public static bool Fits(Metric metric, Unit unit) => metric switch
    {
        Metric.Scope1Emissions or Metric.Scope2Emissions or Metric.Scope3Emissions or Metric.TotalEmissions
            or Metric.NetScope12Emissions or Metric.Scope12Emissions or Metric.EmissionReductions or Metric.EmissionsAvoidedByEnergyMix
            or Metric.Scope3PlusDecarbonization => IsEmission(unit),
        Metric.RenewableEnergyConsumption or Metric.RenewableEnergyPurchased or Metric.CleanEnergyPurchased
            or Metric.GreenPowerTraded => IsEnergy(unit),
        Metric.CleanElectricityShare or Metric.RenewableEnergyRatio or Metric.IndependentDirectorShare
            or Metric.FemaleDirectorShare => unit == Unit.Percent,
        Metric.NetScope12EmissionsChange or Metric.Scope12EmissionsChange or Metric.EmissionReductionsChange or Metric.Scope3IntensityChange
            or Metric.Scope3PlusDecarbonizationChange or Metric.CleanElectricityShareChange
            or Metric.CleanElectricityConsumptionChange or Metric.RenewableEnergyConsumptionChange
            => unit is Unit.Percent or Unit.PercentagePoints or Unit.Text,
        Metric.PowerUsageEffectiveness => unit == Unit.Ratio,
        Metric.SolarCapacityInstalled => unit == Unit.Mw,
        Metric.PackagingMaterialReduced => unit == Unit.Tonnes,
        Metric.Ranking => unit == Unit.Rank,
        Metric.Score => unit == Unit.Score,
        Metric.DisclosureStatus => unit == Unit.Text,
        _ => false,
    };

    /// <summary>Whether the metric is an emission inventory (what was emitted, gross or net).</summary>
    public static bool IsInventory(Metric metric) => metric is Metric.Scope1Emissions or Metric.Scope2Emissions
        or Metric.Scope3Emissions or Metric.TotalEmissions or Metric.NetScope12Emissions or Metric.Scope12Emissions;

    /// <summary>Whether the metric is a change against a previous period (and so needs a direction).</summary>
    public static bool IsChange(Metric metric) => metric.ToString().EndsWith("Change", StringComparison.Ordinal);
}
