using CsvHelper;

namespace Disclosure.Store.Importing;

/// <summary>The records of a comma-separated file as written (RFC 4180 quoting; a UTF-8 BOM is not part of the first cell).</summary>
public static class CsvRows
{
    private static readonly CsvReaderOptions Options = new()
    {
        HasHeader = false,
        Separator = ',',
        SkipEmptyLines = false,
        TrimWhitespace = false,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
    };

    /// <summary>Each record's row number (1-based, as a spreadsheet shows it: the first record is row 1) and its fields.</summary>
    public static IEnumerable<(int Row, string[] Fields)> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = CsvReader.Create(stream, Options, leaveOpen: false);
        var row = 0;
        while (reader.Read())
        {
            row++;
            yield return (row, reader.Current.ToArray());
        }
    }
}
