using Disclosure.Store.Data;
using Disclosure.Store.Seeding;

namespace Disclosure.Store.Building;

/// <summary>A figure's period with its dates. Fiscal years are Alibaba's: FYn runs from 1 April n-1 to 31 March n.</summary>
public readonly record struct FigurePeriod(PeriodKind Kind, string Label, DateOnly Start, DateOnly End)
{
    public static FigurePeriod FiscalYear(int year) =>
        new(PeriodKind.FiscalYear, $"FY{year}", new DateOnly(year - 1, 4, 1), new DateOnly(year, 3, 31));

    public static FigurePeriod CalendarYear(int year) =>
        new(PeriodKind.CalendarYear, $"CY{year}", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    internal static FigurePeriod Of(SeedModel.Period p) => p switch
    {
        { FiscalYear: { } fy } => FiscalYear(fy),
        { CalendarYear: { } cy } => CalendarYear(cy),
        { AsOf: { } day } => new(PeriodKind.AsOf, $"as of {day:yyyy-MM-dd}", day, day),
        { Start: { } start, End: { } end, Label: { } label } => new(PeriodKind.Range, label, start, end),
        _ => throw new InvalidOperationException("the validator admits only the four period forms"),
    };
}
