using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Figures;

public sealed class PeriodGraphType : ObjectGraphType<Figure>
{
    public PeriodGraphType()
    {
        Name = "Period";
        Description = "The period a figure covers. Alibaba's fiscal year FYn runs from 1 April n-1 to 31 March n; a calendar year is never a fiscal year.";
        Field("kind", f => f.PeriodKind).Description("Fiscal year, calendar year, another range, or a single date.");
        Field("label", f => f.PeriodLabel).Description("A label such as `FY2023`, `CY2020` or `CY2021 Jan–Oct`.");
        Field("start", f => f.PeriodStart).Description("The first day of the period.");
        Field("end", f => f.PeriodEnd).Description("The last day of the period.");
        Field(f => f.FiscalYear, nullable: true).Description("The fiscal year, for fiscal-year figures only.");
        Field(f => f.CalendarYear, nullable: true).Description("The calendar year, for calendar-year figures only.");
    }
}
