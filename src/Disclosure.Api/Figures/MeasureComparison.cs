using Disclosure.Store.Data;

namespace Disclosure.Api.Figures;

/// <summary>When two figures of the same measure state different values.</summary>
public static class MeasureComparison
{
    /// <summary>
    /// True when both have a value and the values differ, unless they are Scope 2 figures of different accounting
    /// methods (market-based against location-based), which are different measures that legitimately differ.
    /// </summary>
    public static bool Disagree(Figure a, Figure b) =>
        a.NormalizedValue is { } x && b.NormalizedValue is { } y && x != y && Comparable(a.Scope2Method, b.Scope2Method);

    private static bool Comparable(Scope2Method? a, Scope2Method? b) =>
        !(a == Scope2Method.MarketBased && b is Scope2Method.LocationBased or Scope2Method.LocationBasedWhereAvailable
          || b == Scope2Method.MarketBased && a is Scope2Method.LocationBased or Scope2Method.LocationBasedWhereAvailable);
}
