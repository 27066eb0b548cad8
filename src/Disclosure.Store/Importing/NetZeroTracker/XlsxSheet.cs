using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Disclosure.Store.Importing.NetZeroTracker;

/// <summary>The cells of a workbook's first sheet as their text is stored (inline, shared or numeric text), row by row.</summary>
internal static class XlsxSheet
{
    /// <summary>Each row's number (as the sheet shows it) and its cells by zero-based column; an absent cell is null.</summary>
    public static IEnumerable<(int Row, string?[] Cells)> Rows(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart ?? throw new ImportFormatException($"{Path.GetFileName(path)}: no workbook part.");
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
            ?? throw new ImportFormatException($"{Path.GetFileName(path)}: the workbook has no sheet.");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        var sheetData = part.Worksheet.GetFirstChild<SheetData>()
            ?? throw new ImportFormatException($"{Path.GetFileName(path)}: the sheet has no data.");
        var previous = 0;
        foreach (var row in sheetData.Elements<Row>())
        {
            var number = row.RowIndex?.Value is { } index ? (int)index : previous + 1;
            previous = number;
            var cells = new List<string?>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                while (cells.Count <= column)
                {
                    cells.Add(null);
                }
                cells[column] = Text(cell, shared);
            }
            yield return (number, [.. cells]);
        }
    }

    private static string? Text(Cell cell, string[] shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText;
        }
        var value = cell.CellValue?.Text;
        if (cell.DataType?.Value == CellValues.SharedString && value is not null)
        {
            return shared[int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)];
        }
        return value;
    }

    /// <summary>"A1" -> 0, "BM4090" -> 64.</summary>
    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetterUpper))
        {
            index = (index * 26) + (c - 'A' + 1);
        }
        return index - 1;
    }
}
