using Disclosure.Store.Data;

namespace Disclosure.Api.Figures;

/// <summary>The scope codes a metric is about.</summary>
public static class MetricScopes
{
    public static string[] Of(Metric metric) => metric switch
    {
        Metric.Scope1Emissions => ["SCOPE_1"],
        Metric.Scope2Emissions => ["SCOPE_2"],
        Metric.Scope3Emissions or Metric.Scope3IntensityChange => ["SCOPE_3"],
        Metric.TotalEmissions => ["SCOPE_1", "SCOPE_2", "SCOPE_3"],
        Metric.NetScope12Emissions or Metric.NetScope12EmissionsChange
            or Metric.Scope12Emissions or Metric.Scope12EmissionsChange => ["SCOPE_1", "SCOPE_2"],
        Metric.Scope3PlusDecarbonization or Metric.Scope3PlusDecarbonizationChange => ["SCOPE_3_PLUS"],
        _ => [],
    };
}
