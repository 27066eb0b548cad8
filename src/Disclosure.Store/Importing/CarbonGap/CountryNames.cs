namespace Disclosure.Store.Importing.CarbonGap;

/// <summary>Our table of country names as a dataset writes them to ISO 3166-1 alpha-3 (<c>seed-data/mappings/country-names.csv</c>).</summary>
public static class CountryNames
{
    public static readonly IReadOnlyList<string> Header = ["name", "alpha3"];

    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        var file = Path.GetFileName(path);
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (row, fields) in CsvRows.Read(path))
        {
            if (row == 1)
            {
                ImportHeader.Check(file, "row 1", fields, Header);
                continue;
            }
            if (fields.Length != 2 || fields[0].Length == 0 || !Identifiers.IsAlpha3(fields[1]))
            {
                throw new ImportFormatException($"{file}: row {row}: expected a name and an ISO 3166-1 alpha-3 code, found \"{string.Join(",", fields)}\".");
            }
            if (!table.TryAdd(fields[0], fields[1]))
            {
                throw new ImportFormatException($"{file}: row {row}: \"{fields[0]}\" is listed twice.");
            }
        }
        return table;
    }
}
