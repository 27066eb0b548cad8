using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Provenance;

public sealed class ImportReportEntryGraphType : ObjectGraphType<ImportReportEntry>
{
    public ImportReportEntryGraphType()
    {
        Name = "ImportReportEntry";
        Description = "One entry of a dataset's import report: what was not imported or not merged, where, and why.";
        Field(r => r.Kind).Description("Rejected, not merged, or an identifier in conflict.");
        Field(r => r.File).Description("The publisher file (empty for an identifier conflict, which spans records).");
        Field(r => r.Row).Description("The row as a spreadsheet shows it (`row 481`) or a JSON path.");
        Field(r => r.Column, nullable: true).Description("The column or key, when one value of the row was rejected.");
        Field(r => r.Reason).Description("Why.");
        Field(r => r.Value, nullable: true).Description("The value as written in the file, when there is one.");
    }
}
