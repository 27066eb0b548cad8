using System.Globalization;
using System.Text.RegularExpressions;

namespace Disclosure.Store.Importing.CarbonGap;

/// <summary>
/// Reads Carbon Gap's "Profit and emission database" CSV: row 1 is a title (checked to start with the database's
/// name), row 2 the header (checked whole: the two year groups share column names, so columns are mapped by
/// position), then one company per row. Only the disclosed Scope 1, 2, 3 cells of both year groups are imported;
/// the derived sums, money and share columns are not. An emission cell is a plain integer, or "--", "-" or empty
/// for not disclosed (no figure, not a rejection). A row with a bad rank, a missing name, an unknown country or an
/// emission cell that is neither is rejected.
/// </summary>
public static partial class CarbonGapImporter
{
    public const string TitleStart = "Profit and emission database, by Robert Höglund";

    public static readonly IReadOnlyList<string> Header =
    [
        "2021 Global Rank Forbes 2000", "Company Name", "Industry", "Country/Territory",
        "Scope 1 GHG emissions tons CO₂e", "Scope 2 emissions tons CO₂e", "Scope 3 emissions tons CO₂e",
        "Scope 1 GHG emissions tons CO₂e", "Scope 2 emissions tons CO₂e (location based when available)", "Scope 1+2",
        "Scope 3 emissions tons CO₂e", "Scope 1-3 emissions", "Profit per ton in Scope 1+2", "Profit per ton in Scope 1+2+3",
        "Share of profit if carbon price for Scope 1-2 is 100 USD", "Share of profit if carbon price X for Scope 3",
        "Combined share of profits", "Share of Revenue (Sales) Scope 1+2 if carbon price 100 USD",
        "Share of Revenue (sales) Scope 1+2+3 if carbon price 100 USD", "CO2 intensity gram CO2/USD. (Scope 1-3/Revenue)",
        "1% of profit means", "Datasource emission data (name, link + page nr)", "Sales/Revenue", "Profit",
    ];

    /// <summary>The emission columns imported: position, year group, scope, Scope 2 basis.</summary>
    private static readonly (int Column, int Year, int Scope, Scope2Basis? Basis)[] EmissionColumns =
    [
        (4, 2019, 1, null), (5, 2019, 2, Scope2Basis.NotStated), (6, 2019, 3, null),
        (7, 2020, 1, null), (8, 2020, 2, Scope2Basis.LocationBasedWhereAvailable), (10, 2020, 3, null),
    ];

    private static readonly string[] NotDisclosed = ["--", "-", ""];

    /// <param name="path">The database CSV.</param>
    /// <param name="countryNamesPath">Our table <c>seed-data/mappings/country-names.csv</c> (name,alpha3).</param>
    public static ImportBatch<CarbonGapCompany> Read(string path, string countryNamesPath, ImportCorrections? corrections = null)
    {
        var file = Path.GetFileName(path);
        var countries = CountryNames.Read(countryNamesPath);
        var records = new List<CarbonGapCompany>();
        var rejections = new List<ImportRejection>();
        var rowsRead = 0;
        foreach (var (number, fields) in (corrections ?? ImportCorrections.None).Apply(file, 2, CsvRows.Read(path)))
        {
            if (number == 1)
            {
                if (fields.Length == 0 || !fields[0].StartsWith(TitleStart, StringComparison.Ordinal))
                {
                    throw new ImportFormatException($"{file}: row 1 (title): expected a title starting \"{TitleStart}\", found \"{fields.FirstOrDefault()}\".");
                }
                continue;
            }
            if (number == 2)
            {
                ImportHeader.Check(file, "row 2", fields, Header);
                continue;
            }
            rowsRead++;
            var company = ReadRow(file, number, fields, countries, out var rowRejections);
            rejections.AddRange(rowRejections);
            if (company is not null)
            {
                records.Add(company);
            }
        }
        if (rowsRead == 0 && records.Count == 0 && rejections.Count == 0)
        {
            throw new ImportFormatException($"{file}: no title, header or data rows.");
        }
        return new ImportBatch<CarbonGapCompany> { Records = records, Rejections = rejections, RowsRead = rowsRead };
    }

    private static CarbonGapCompany? ReadRow(string file, int number, string[] fields, IReadOnlyDictionary<string, string> countries, out List<ImportRejection> rejections)
    {
        var found = new List<ImportRejection>();
        rejections = found;
        RecordLocation At(int column) => new(file, $"row {number}", Header[column]);
        void Reject(int column, string reason) => found.Add(new ImportRejection(At(column), reason, fields[column]));

        if (fields.Length != Header.Count)
        {
            found.Add(new ImportRejection(new(file, $"row {number}"), $"{fields.Length} fields: expected {Header.Count}", string.Join(",", fields)));
            return null;
        }
        var rank = Integer().IsMatch(fields[0]) ? int.Parse(fields[0], CultureInfo.InvariantCulture) : (int?)null;
        if (rank is null)
        {
            Reject(0, "rank is not a whole number");
        }
        if (string.IsNullOrWhiteSpace(fields[1]))
        {
            Reject(1, "missing company name");
        }
        if (!countries.TryGetValue(fields[3], out var country))
        {
            Reject(3, "country name not in seed-data/mappings/country-names.csv");
        }
        var figures = new List<CarbonGapFigure>();
        foreach (var (column, year, scope, basis) in EmissionColumns)
        {
            var cell = fields[column];
            var at = At(column) with { Column = $"{Header[column]} ({year})" };
            if (NotDisclosed.Contains(cell))
            {
                continue;
            }
            if (!Integer().IsMatch(cell))
            {
                found.Add(new ImportRejection(at, "emission cell is neither a whole number of tonnes nor \"--\" / \"-\" (not disclosed)", cell));
                continue;
            }
            figures.Add(new CarbonGapFigure
            {
                At = at,
                Year = year,
                Scope = scope,
                Published = cell,
                Value = long.Parse(cell, CultureInfo.InvariantCulture),
                Header = Header[column],
                Scope2Basis = basis,
            });
        }
        if (found.Count > 0)
        {
            return null;
        }
        var datasource = string.IsNullOrWhiteSpace(fields[21]) ? null : fields[21];
        return new CarbonGapCompany
        {
            At = new(file, $"row {number}"),
            ForbesRank = rank!.Value,
            Name = fields[1],
            Industry = fields[2],
            CountryName = fields[3],
            Country = country!,
            Datasource = datasource,
            Source = datasource is null ? null : CarbonGapSources.Parse(datasource),
            Figures = figures,
        };
    }

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex Integer();
}
