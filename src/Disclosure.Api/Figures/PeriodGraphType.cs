using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Figures;

public sealed class PeriodGraphType : ObjectGraphType<Figure>
{
    public PeriodGraphType()
    {
        Name = "Period";
        Description = "The period a figure covers. Alibaba's fiscal year FYn runs from 1 April n-1 to 31 March n; a calendar year is never a fiscal year; a dataset's reporting year (`RY2023`) has no dates, since the dataset does not say which.";
        Field("kind", f => f.PeriodKind).Description("Fiscal year, calendar year, another range, or a single date.");
        Field("label", f => f.PeriodLabel).Description("A label such as `FY2023`, `CY2020` or `CY2021 Jan–Oct`.");
        Field("start", f => f.PeriodStart, nullable: true).Description("The first day of the period; null for a reporting year.");
        Field("end", f => f.PeriodEnd, nullable: true).Description("The last day of the period; null for a reporting year.");
        Field(f => f.Year, nullable: true).Description("The year the figure is labelled with: the fiscal year, the calendar year, or the dataset's reporting year; null for ranges and single dates.");
        Field(f => f.FiscalYear, nullable: true).Description("The fiscal year, for fiscal-year figures only.");
        Field(f => f.CalendarYear, nullable: true).Description("The calendar year, for calendar-year figures only.");
    }
}
