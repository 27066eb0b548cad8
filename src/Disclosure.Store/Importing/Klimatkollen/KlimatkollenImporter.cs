using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Disclosure.Store.Importing.Klimatkollen;

/// <summary>
/// Reads Klimatkollen's three files as published: <c>companies_2024-10-09.json</c> (a JSON array of companies, each
/// with <c>emissions</c> keyed by year), <c>facit.csv</c> (the hand-checked 2023 figures) and
/// <c>klimatkollen-company-wikidata.json</c> (name to Wikidata id). The shape every reader relies on (the array, the
/// objects, <c>companyName</c>, <c>emissions</c>, the CSV header) is checked first and stops the build when it changes.
/// A value that cannot be read honestly is rejected with its file, JSON path or row, key or column, and the value; the
/// rest of the company is kept unless its name is missing. Null and empty values are not disclosed: no figure, no
/// rejection. Scope 2 market-based and location-based are kept apart and never added up; <c>scope2.emissions</c> is
/// taken only where both are empty (basis not stated). Totals, sums and biogenic values are not figures.
/// </summary>
public static partial class KlimatkollenImporter
{
    public const string TotalsSkip = "emissions key totalEmissions/totalUnit: a total, not a year";
    public const string YearTotalSkip = "year key totalEmissions: a total of the scopes, not a figure";
    public const string BiogenicSkip = "biogenic value: not a Scope 1-3 figure";

    /// <summary>The keys of <c>emissions</c> that are not years (one company has them): skipped, not rejected.</summary>
    private static readonly string[] TotalKeys = ["totalEmissions", "totalUnit"];

    /// <summary>The keys of a company every reader relies on.</summary>
    private static readonly string[] CompanyKeys = ["companyName", "emissions"];

    private static readonly (string Key, string Scheme)[] GicsLevels =
    [
        ("sector", "GICS sector"), ("group", "GICS industry group"), ("industry", "GICS industry"), ("subIndustry", "GICS sub-industry"),
    ];

    public static readonly IReadOnlyList<string> FacitHeader =
    [
        "companyName", "wiki_id", "url", "Turnover", "turnover_currency", "no_employees",
        "23_scope1", "23_scope2MB", "23_scope2LB", "23_scope3", "23_total", "23_scope1_2Sum", "23_scope3Sum", "23_totalSum",
        "23_scope3_1", "23_scope3_2", "23_scope3_3", "23_scope3_4", "23_scope3_5", "23_scope3_6", "23_scope3_7", "23_scope3_8",
        "23_scope3_9", "23_scope3_10", "23_scope3_11", "23_scope3_12", "23_scope3_13", "23_scope3_14", "23_scope3_15",
        "23_scope3_16", "23_biogenic",
    ];

    /// <summary>
    /// The facit columns imported (position, metric, category): the disclosed values only. Not imported: turnover,
    /// currency, employees (not emissions), <c>23_total</c> and the <c>*Sum</c> columns (derived), <c>23_biogenic</c>.
    /// </summary>
    private static readonly (int Column, KlimatkollenMetric Metric, int? Category)[] FacitColumns =
    [
        (6, KlimatkollenMetric.Scope1, null), (7, KlimatkollenMetric.Scope2MarketBased, null),
        (8, KlimatkollenMetric.Scope2LocationBased, null), (9, KlimatkollenMetric.Scope3, null),
        .. Enumerable.Range(1, 16).Select(n => (13 + n, KlimatkollenMetric.Scope3Category, (int?)n)),
    ];

    public const int FacitYear = 2023;

    /// <summary>Reads <c>companies_2024-10-09.json</c>: one record per company with a name.</summary>
    public static ImportBatch<KlimatkollenCompany> ReadCompanies(string path)
    {
        var file = Path.GetFileName(path);
        using var document = Parse(path, file);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw Shape(file, "$", $"expected an array of companies, found {root.ValueKind}");
        }
        var records = new List<KlimatkollenCompany>();
        var rejections = new List<ImportRejection>();
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowsRead = 0;
        foreach (var company in root.EnumerateArray())
        {
            var row = $"$[{rowsRead}]";
            rowsRead++;
            if (company.ValueKind != JsonValueKind.Object)
            {
                throw Shape(file, row, $"expected a company object, found {company.ValueKind}");
            }
            foreach (var key in CompanyKeys)
            {
                if (!company.TryGetProperty(key, out _))
                {
                    throw Shape(file, row, $"key \"{key}\" is missing");
                }
            }
            if (company.GetProperty("emissions").ValueKind != JsonValueKind.Object)
            {
                throw Shape(file, $"{row}.emissions", $"expected an object keyed by year, found {company.GetProperty("emissions").ValueKind}");
            }
            var record = ReadCompany(file, row, company, rejections, skipped);
            if (record is not null)
            {
                records.Add(record);
            }
        }
        return new ImportBatch<KlimatkollenCompany> { Records = records, Rejections = rejections, RowsRead = rowsRead, Skipped = skipped };
    }

    private static KlimatkollenCompany? ReadCompany(string file, string row, JsonElement company, List<ImportRejection> rejections, Dictionary<string, int> skipped)
    {
        var reader = new Values(file, row, company, rejections);
        var name = reader.Text("companyName");
        if (name is null)
        {
            rejections.Add(new ImportRejection(new(file, row, "companyName"), "missing company name", Raw(company, "companyName")));
            return null;
        }
        var wikidataId = reader.Text("wikidataId");
        if (wikidataId is not null && !Identifiers.IsWikidataQid(wikidataId))
        {
            reader.Reject("wikidataId", "not a Wikidata id (Q and a number)", wikidataId);
            wikidataId = null;
        }
        var years = new List<int>();
        var figures = new List<KlimatkollenFigure>();
        foreach (var entry in company.GetProperty("emissions").EnumerateObject())
        {
            if (TotalKeys.Contains(entry.Name))
            {
                Count(skipped, TotalsSkip);
                continue;
            }
            if (!FourDigitYear().IsMatch(entry.Name))
            {
                rejections.Add(new ImportRejection(new(file, $"{row}.emissions", entry.Name), "emissions key is neither a four-digit year nor totalEmissions/totalUnit", entry.Name));
                continue;
            }
            if (entry.Value.ValueKind != JsonValueKind.Object)
            {
                rejections.Add(new ImportRejection(new(file, $"{row}.emissions", entry.Name), "a year's entry is not an object", entry.Value.GetRawText()));
                continue;
            }
            var year = int.Parse(entry.Name, CultureInfo.InvariantCulture);
            years.Add(year);
            ReadYear(file, $"{row}.emissions.{entry.Name}", year, entry.Value, figures, rejections, skipped);
        }
        return new KlimatkollenCompany
        {
            At = new(file, row),
            Name = name,
            WikidataId = wikidataId,
            ReportUrl = reader.Url("url", "report URL is not an http(s) URL"),
            BaseYear = reader.Year("baseYear", "base year is not a four-digit year"),
            Description = reader.Text("description"),
            Industry = ReadIndustry(company),
            Years = years,
            Figures = figures,
            Goals = ReadGoals(file, row, company, rejections),
        };
    }

    private static void ReadYear(string file, string row, int year, JsonElement entry, List<KlimatkollenFigure> figures, List<ImportRejection> rejections, Dictionary<string, int> skipped)
    {
        if (entry.TryGetProperty("totalEmissions", out var total) && total.ValueKind != JsonValueKind.Null)
        {
            Count(skipped, YearTotalSkip);
        }
        if (entry.TryGetProperty("totalBiogenic", out var totalBiogenic) && totalBiogenic.ValueKind != JsonValueKind.Null)
        {
            Count(skipped, BiogenicSkip);
        }
        foreach (var scope in (string[])["scope1", "scope2", "scope3"])
        {
            if (!entry.TryGetProperty(scope, out var s) || s.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            var at = $"{row}.{scope}";
            if (s.ValueKind != JsonValueKind.Object)
            {
                rejections.Add(new ImportRejection(new(file, row, scope), "a scope's entry is not an object", s.GetRawText()));
                continue;
            }
            if (s.TryGetProperty("biogenic", out var biogenic) && biogenic.ValueKind != JsonValueKind.Null)
            {
                Count(skipped, BiogenicSkip);
            }
            var reader = new Values(file, at, s, rejections);
            var unit = reader.Text("unit");
            var verified = reader.Url("verified", "verified is not an http(s) URL");
            void Add(JsonElement parent, string key, KlimatkollenMetric metric, int? category = null)
            {
                var path = category is null ? at : $"{at}.categories";
                if (new Values(file, path, parent, rejections).Number(key) is not { } number)
                {
                    return;
                }
                figures.Add(new KlimatkollenFigure
                {
                    At = new(file, path, key),
                    Year = year,
                    Metric = metric,
                    Category = category,
                    CategoryKey = category is null ? null : key,
                    Published = number.Published,
                    Value = number.Value,
                    Unit = unit,
                    // The scope's verified URL is a statement of the scope's total, not of its categories.
                    VerifiedUrl = category is null ? verified : null,
                });
            }
            switch (scope)
            {
                case "scope1":
                    Add(s, "emissions", KlimatkollenMetric.Scope1);
                    break;
                case "scope2":
                    Add(s, "mb", KlimatkollenMetric.Scope2MarketBased);
                    Add(s, "lb", KlimatkollenMetric.Scope2LocationBased);
                    // scope2.emissions is sometimes mb, sometimes lb, sometimes their sum: only where both are empty.
                    if (IsEmpty(s, "mb") && IsEmpty(s, "lb"))
                    {
                        Add(s, "emissions", KlimatkollenMetric.Scope2NotStated);
                    }
                    break;
                default:
                    Add(s, "emissions", KlimatkollenMetric.Scope3);
                    if (s.TryGetProperty("categories", out var categories) && categories.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var category in categories.EnumerateObject())
                        {
                            var match = CategoryKey().Match(category.Name);
                            if (!match.Success)
                            {
                                rejections.Add(new ImportRejection(new(file, $"{at}.categories", category.Name), "unknown Scope 3 category key (expected 1_ to 16_ and a name)", category.Name));
                                continue;
                            }
                            Add(categories, category.Name, KlimatkollenMetric.Scope3Category, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
                        }
                    }
                    else if (s.TryGetProperty("categories", out var other) && other.ValueKind != JsonValueKind.Null)
                    {
                        rejections.Add(new ImportRejection(new(file, at, "categories"), "categories is not an object", other.GetRawText()));
                    }
                    break;
            }
        }
    }

    private static List<RecordedLabel> ReadIndustry(JsonElement company)
    {
        var labels = new List<RecordedLabel>();
        if (!company.TryGetProperty("industryGics", out var gics) || gics.ValueKind != JsonValueKind.Object)
        {
            return labels;
        }
        foreach (var (key, scheme) in GicsLevels)
        {
            if (gics.TryGetProperty(key, out var level) && level.ValueKind == JsonValueKind.Object
                && level.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(name.GetString()))
            {
                var code = level.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(c.GetString()) ? c.GetString() : null;
                labels.Add(new RecordedLabel(scheme, name.GetString()!, code));
            }
        }
        return labels;
    }

    private static List<KlimatkollenGoal> ReadGoals(string file, string row, JsonElement company, List<ImportRejection> rejections)
    {
        var goals = new List<KlimatkollenGoal>();
        if (!company.TryGetProperty("goals", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return goals;
        }
        if (array.ValueKind != JsonValueKind.Array)
        {
            rejections.Add(new ImportRejection(new(file, row, "goals"), "goals is not an array", array.GetRawText()));
            return goals;
        }
        var index = 0;
        foreach (var goal in array.EnumerateArray())
        {
            var at = $"{row}.goals[{index++}]";
            if (goal.ValueKind != JsonValueKind.Object)
            {
                rejections.Add(new ImportRejection(new(file, at), "a goal is not an object", goal.GetRawText()));
                continue;
            }
            var reader = new Values(file, at, goal, rejections);
            var description = reader.Text("description");
            if (description is null)
            {
                reader.Reject("description", "missing goal description", Raw(goal, "description"));
                continue;
            }
            goals.Add(new KlimatkollenGoal
            {
                At = new(file, at),
                Description = description,
                Year = reader.Year("year", "goal year is not a four-digit year"),
                Target = reader.Number("target")?.Value,
                BaseYear = reader.Year("baseYear", "goal base year is not a four-digit year"),
            });
        }
        return goals;
    }

    /// <summary>
    /// Reads <c>facit.csv</c>: one record per data row with a name; its figures are the hand-checked 2023 values.
    /// A number cell is plain digits (<c>6817620</c>), digits with a decimal point (<c>2596.1</c>) or digits grouped in
    /// threes by commas (<c>260,834</c>, <c>1,240,000</c>): in this file a comma is a thousands separator (the file
    /// uses the point as its decimal mark, every comma cell groups exactly three digits, and the file's own sums agree:
    /// AAK's 23_scope1_2Sum 315941 = 260,834 + 55,107). Anything else (<c>1,5</c> could be a decimal comma) is rejected.
    /// </summary>
    public static ImportBatch<KlimatkollenFacitRow> ReadFacit(string path, ImportCorrections? corrections = null)
    {
        var file = Path.GetFileName(path);
        var records = new List<KlimatkollenFacitRow>();
        var rejections = new List<ImportRejection>();
        var rowsRead = 0;
        var headerSeen = false;
        foreach (var (number, fields) in (corrections ?? ImportCorrections.None).Apply(file, 1, CsvRows.Read(path)))
        {
            if (!headerSeen)
            {
                ImportHeader.Check(file, $"row {number}", fields, FacitHeader);
                headerSeen = true;
                continue;
            }
            rowsRead++;
            var row = ReadFacitRow(file, number, fields, rejections);
            if (row is not null)
            {
                records.Add(row);
            }
        }
        if (!headerSeen)
        {
            throw new ImportFormatException($"{file}: empty: expected the header {string.Join(",", FacitHeader)}.");
        }
        return new ImportBatch<KlimatkollenFacitRow> { Records = records, Rejections = rejections, RowsRead = rowsRead };
    }

    private static KlimatkollenFacitRow? ReadFacitRow(string file, int number, string[] fields, List<ImportRejection> rejections)
    {
        RecordLocation At(int column) => new(file, $"row {number}", FacitHeader[column]);
        if (fields.Length != FacitHeader.Count)
        {
            rejections.Add(new ImportRejection(new(file, $"row {number}"), $"{fields.Length} fields: expected {FacitHeader.Count}", string.Join(",", fields)));
            return null;
        }
        if (string.IsNullOrWhiteSpace(fields[0]))
        {
            rejections.Add(new ImportRejection(At(0), "missing company name", fields[0]));
            return null;
        }
        string? wikidataId = fields[1].Length == 0 ? null : fields[1];
        if (wikidataId is not null && !Identifiers.IsWikidataQid(wikidataId))
        {
            rejections.Add(new ImportRejection(At(1), "not a Wikidata id (Q and a number)", wikidataId));
            wikidataId = null;
        }
        string? url = fields[2].Length == 0 ? null : fields[2];
        if (url is not null && !IsHttpUrl(url))
        {
            rejections.Add(new ImportRejection(At(2), "report URL is not an http(s) URL", url));
            url = null;
        }
        var figures = new List<KlimatkollenFigure>();
        foreach (var (column, metric, category) in FacitColumns)
        {
            var cell = fields[column];
            if (cell.Length == 0)
            {
                continue;
            }
            if (!FacitNumber().IsMatch(cell))
            {
                rejections.Add(new ImportRejection(At(column), "not a number this file writes (plain digits, a decimal point, or commas grouping thousands): ambiguous", cell));
                continue;
            }
            figures.Add(new KlimatkollenFigure
            {
                At = At(column),
                Year = FacitYear,
                Metric = metric,
                Category = category,
                CategoryKey = category is null ? null : FacitHeader[column],
                Published = cell,
                Value = decimal.Parse(cell.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
                // The header names no unit and the file states none: null, not an assumed tCO2e.
                Unit = null,
            });
        }
        return new KlimatkollenFacitRow { At = new(file, $"row {number}"), Name = fields[0], WikidataId = wikidataId, ReportUrl = url, Figures = figures };
    }

    /// <summary>Reads <c>klimatkollen-company-wikidata.json</c>: an object of name to { wikidataId, tags }.</summary>
    public static ImportBatch<KlimatkollenWikidataName> ReadWikidataNames(string path)
    {
        var file = Path.GetFileName(path);
        using var document = Parse(path, file);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Shape(file, "$", $"expected an object of company names, found {root.ValueKind}");
        }
        var records = new List<KlimatkollenWikidataName>();
        var rejections = new List<ImportRejection>();
        var rowsRead = 0;
        foreach (var pair in root.EnumerateObject())
        {
            rowsRead++;
            var row = $"$['{pair.Name}']";
            if (pair.Value.ValueKind != JsonValueKind.Object || !pair.Value.TryGetProperty("wikidataId", out var id) || !pair.Value.TryGetProperty("tags", out var tags))
            {
                throw Shape(file, row, "expected an object with the keys \"wikidataId\" and \"tags\"");
            }
            if (tags.ValueKind != JsonValueKind.Array)
            {
                throw Shape(file, $"{row}.tags", $"expected an array, found {tags.ValueKind}");
            }
            var qid = id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText();
            if (!Identifiers.IsWikidataQid(qid))
            {
                rejections.Add(new ImportRejection(new(file, row, "wikidataId"), "not a Wikidata id (Q and a number)", qid));
                continue;
            }
            if (string.IsNullOrWhiteSpace(pair.Name))
            {
                rejections.Add(new ImportRejection(new(file, row), "missing company name", pair.Name));
                continue;
            }
            var tagList = new List<string>();
            foreach (var tag in tags.EnumerateArray())
            {
                if (tag.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(tag.GetString()))
                {
                    tagList.Add(tag.GetString()!);
                }
                else
                {
                    rejections.Add(new ImportRejection(new(file, row, "tags"), "a tag is not a text", tag.GetRawText()));
                }
            }
            records.Add(new KlimatkollenWikidataName(new(file, row), pair.Name, qid, tagList));
        }
        return new ImportBatch<KlimatkollenWikidataName> { Records = records, Rejections = rejections, RowsRead = rowsRead };
    }

    private static JsonDocument Parse(string path, string file)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new ImportFormatException($"{file}: not valid JSON ({e.Message}). The importer was written for another layout; the build stops.");
        }
    }

    private static ImportFormatException Shape(string file, string path, string what) =>
        new($"{file}: {path}: {what}. The importer was written for another layout; the build stops.");

    private static void Count(Dictionary<string, int> skipped, string reason) =>
        skipped[reason] = skipped.GetValueOrDefault(reason) + 1;

    private static bool IsEmpty(JsonElement parent, string key) =>
        !parent.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null;

    private static string? Raw(JsonElement parent, string key) =>
        !parent.TryGetProperty(key, out var value) ? null : value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The values of one JSON object: null, absent and empty text are not given; a value of the wrong kind is rejected.</summary>
    private readonly struct Values(string file, string row, JsonElement parent, List<ImportRejection> rejections)
    {
        public void Reject(string key, string reason, string? value) => rejections.Add(new ImportRejection(new(file, row, key), reason, value));

        public string? Text(string key)
        {
            if (!parent.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            if (value.ValueKind != JsonValueKind.String)
            {
                Reject(key, "not a text", value.GetRawText());
                return null;
            }
            var text = value.GetString()!;
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }

        public string? Url(string key, string reason)
        {
            var text = Text(key);
            if (text is not null && !IsHttpUrl(text))
            {
                Reject(key, reason, text);
                return null;
            }
            return text;
        }

        /// <summary>A four-digit year written as text ("2019") or as a JSON number (2025); empty text is not given.</summary>
        public int? Year(string key, string reason)
        {
            if (!parent.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
            if (value.ValueKind == JsonValueKind.String && text.Length == 0)
            {
                return null;
            }
            if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number) || !FourDigitYear().IsMatch(text))
            {
                Reject(key, reason, text);
                return null;
            }
            return int.Parse(text, CultureInfo.InvariantCulture);
        }

        /// <summary>A JSON number, kept as written (<see cref="JsonElement.GetRawText"/>) and as a decimal.</summary>
        public (string Published, decimal Value)? Number(string key)
        {
            if (!parent.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            var raw = value.GetRawText();
            if (value.ValueKind != JsonValueKind.Number)
            {
                Reject(key, "not a JSON number", value.ValueKind == JsonValueKind.String ? value.GetString() : raw);
                return null;
            }
            if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                Reject(key, "a JSON number out of decimal range", raw);
                return null;
            }
            return (raw, number);
        }
    }

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex FourDigitYear();

    [GeneratedRegex("^([1-9]|1[0-6])_[A-Za-z]+$")]
    private static partial Regex CategoryKey();

    [GeneratedRegex(@"^(?:[0-9]+|[0-9]+\.[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)$")]
    private static partial Regex FacitNumber();
}
