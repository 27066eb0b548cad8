using System.Globalization;
using System.Text.RegularExpressions;

namespace Disclosure.Store.Importing.NetZeroTracker;

/// <summary>
/// Reads the Net Zero Tracker snapshot (one sheet, header in row 1, 65 columns) into <see cref="NztCompany"/> records.
/// Only <c>actor_type = Company</c> rows are imported; cities, regions and countries are counted in
/// <see cref="ImportBatch{T}.Skipped"/>. A row with any value that cannot be read honestly (a year that is not a
/// year, a malformed ISIN or country code, a missing id or name) is rejected as a whole, one rejection per value.
/// Target values without a target category (5 companies' interim columns) are rejected alone: the company is
/// imported without that target.
/// </summary>
public static partial class NetZeroTrackerImporter
{
    public static readonly IReadOnlyList<string> Header =
    [
        "last_updated", "id_code", "name", "country", "actor_type", "isin_id", "race_to_zero_member",
        "end_target", "end_target_percentage_reduction", "end_target_baseline_year", "end_target_intensity_unit",
        "end_target_baseline_emissions", "end_target_target_emissions", "end_target_bau_emissions", "end_target_other",
        "end_target_year", "end_target_status", "status_date",
        "interim_target", "interim_target_percentage_reduction", "interim_target_baseline_year", "interim_target_intensity_unit",
        "interim_target_baseline_emissions", "interim_target_target_emissions", "interim_target_bau_emissions", "interim_target_other",
        "interim_target_year", "end_target_text", "interim_target_text", "target_notes", "source_url", "gasses_coverage",
        "territorial_emissions", "consumption_emissions", "international_aviation", "international_shipping",
        "scope_1", "scope_2", "scope_3", "historical_emissions", "coverage_notes", "has_plan", "plan_options",
        "reporting_mechanism", "equity", "accountability", "governance_notes", "carbon_credit_offsets",
        "carbon_credit_conditions", "max_emission_offset", "conditions_other", "removals_targets", "cdr",
        "sinks_and_credits_notes", "memberships", "gdp_real", "annual_revenue", "population", "industry", "sector",
        "employees", "market_index", "ghg", "inventory_year", "higher_net_zero",
    ];

    private static readonly Dictionary<string, int> ColumnIndex = Header.Select((h, i) => (h, i)).ToDictionary(c => c.h, c => c.i, StringComparer.Ordinal);

    private static readonly string[] ActorTypesSkipped = ["City", "Region", "Country"];

    /// <summary>The columns mapped to named members; every other non-empty column goes to <see cref="NztCompany.Assessment"/>.</summary>
    private static readonly HashSet<string> Mapped =
    [
        "last_updated", "id_code", "name", "country", "actor_type", "isin_id", "end_target_status", "status_date",
        "end_target_text", "interim_target_text", "source_url", "industry", "sector",
        .. Header.Where(h => h.StartsWith("end_target_", StringComparison.Ordinal) || h.StartsWith("interim_target_", StringComparison.Ordinal)),
        "end_target", "interim_target",
    ];

    public static ImportBatch<NztCompany> Read(string path, ImportCorrections? corrections = null)
    {
        var file = Path.GetFileName(path);
        var records = new List<NztCompany>();
        var rejections = new List<ImportRejection>();
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var rowsRead = 0;
        var headerSeen = false;
        foreach (var (number, cells) in (corrections ?? ImportCorrections.None).Apply(file, 1, XlsxSheet.Rows(path)))
        {
            if (!headerSeen)
            {
                ImportHeader.Check(file, $"row {number}", cells, Header);
                headerSeen = true;
                continue;
            }
            if (cells.All(string.IsNullOrEmpty))
            {
                continue;
            }
            rowsRead++;
            var row = new Row(file, number, cells);
            var actorType = row["actor_type"];
            if (actorType is not null && ActorTypesSkipped.Contains(actorType))
            {
                skipped[$"actor_type {actorType}"] = skipped.GetValueOrDefault($"actor_type {actorType}") + 1;
                continue;
            }
            if (actorType != "Company")
            {
                rejections.Add(row.Reject("actor_type", actorType is null ? "missing actor type" : "unknown actor type"));
                continue;
            }
            var company = ReadCompany(row);
            rejections.AddRange(row.Rejections);
            rejections.AddRange(row.ValuesLeftOut);
            if (row.Rejections.Count == 0)
            {
                records.Add(company);
            }
        }
        if (!headerSeen)
        {
            throw new ImportFormatException($"{file}: the sheet is empty: expected the header in row 1.");
        }
        return new ImportBatch<NztCompany> { Records = records, Rejections = rejections, RowsRead = rowsRead, Skipped = skipped };
    }

    private static NztCompany ReadCompany(Row row)
    {
        var idCode = row.Required("id_code", "missing id_code");
        var name = row.Required("name", "missing company name");
        var country = row.Checked("country", Identifiers.IsAlpha3, "not an ISO 3166-1 alpha-3 code");
        var isin = row.Checked("isin_id", Identifiers.IsIsin, "not an ISIN (shape or check digit)");
        var notes = row["coverage_notes"];
        var scopes = NztScopes.FromCoverageNotes(notes);
        return new NztCompany
        {
            At = row.At(),
            IdCode = idCode ?? "",
            Name = name ?? "",
            Country = country,
            Isin = isin,
            Industry = row["industry"],
            Sector = row["sector"],
            LastUpdated = row["last_updated"],
            SourceUrl = row["source_url"],
            EndTarget = ReadTarget(row, "end_target", scopes.End),
            InterimTarget = ReadTarget(row, "interim_target", scopes.Interim),
            Status = row["end_target_status"],
            StatusYear = row.Year("status_date"),
            Assessment = [.. Header.Where(h => !Mapped.Contains(h) && row[h] is not null).Select(h => new RecordedField(h, row[h]!))],
        };
    }

    private static NztTarget? ReadTarget(Row row, string prefix, IReadOnlyList<int>? scopes)
    {
        var category = row[prefix];
        var percentage = row.Decimal($"{prefix}_percentage_reduction");
        var baseline = row.Year($"{prefix}_baseline_year");
        var year = row.Year($"{prefix}_year");
        var text = row[$"{prefix}_text"];
        if (category is null)
        {
            foreach (var column in Header.Where(h => h.StartsWith(prefix + "_", StringComparison.Ordinal) && h != "end_target_status" && row[h] is not null))
            {
                row.ValuesLeftOut.Add(row.Reject(column, $"{prefix} value without a {prefix} category: not imported"));
            }
            return null;
        }
        return new NztTarget
        {
            At = row.At(prefix),
            IsEndTarget = prefix == "end_target",
            Category = category,
            PercentageReduction = percentage,
            PercentageReductionRecorded = row[$"{prefix}_percentage_reduction"],
            BaselineYear = baseline,
            TargetYear = year,
            IntensityUnit = row[$"{prefix}_intensity_unit"],
            BaselineEmissions = row[$"{prefix}_baseline_emissions"],
            TargetEmissions = row[$"{prefix}_target_emissions"],
            BauEmissions = row[$"{prefix}_bau_emissions"],
            Other = row[$"{prefix}_other"],
            Text = text,
            TextKind = NztText.Kind(text),
            Pages = NztText.Pages(text),
            Scopes = scopes,
        };
    }

    /// <summary>One data row: its cells by column name (an empty cell is null), and the rejections found so far.</summary>
    private sealed partial class Row(string file, int number, string?[] cells)
    {
        /// <summary>Values that reject the whole row.</summary>
        public List<ImportRejection> Rejections { get; } = [];

        /// <summary>Values rejected alone: the row is imported without them.</summary>
        public List<ImportRejection> ValuesLeftOut { get; } = [];

        public string? this[string column]
        {
            get
            {
                var i = ColumnIndex[column];
                return i < cells.Length && !string.IsNullOrEmpty(cells[i]) ? cells[i] : null;
            }
        }

        public RecordLocation At(string? column = null) => new(file, $"row {number}", column);

        public ImportRejection Reject(string column, string reason) => new(At(column), reason, this[column]);

        public string? Required(string column, string reason)
        {
            var value = this[column];
            if (string.IsNullOrWhiteSpace(value))
            {
                Rejections.Add(Reject(column, reason));
            }
            return value;
        }

        public string? Checked(string column, Func<string, bool> valid, string reason)
        {
            var value = this[column];
            if (value is not null && !valid(value))
            {
                Rejections.Add(Reject(column, reason));
                return null;
            }
            return value;
        }

        public int? Year(string column) =>
            Checked(column, v => YearPattern().IsMatch(v), "not a year (four digits)") is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;

        public decimal? Decimal(string column) =>
            Checked(column, v => DecimalPattern().IsMatch(v), "not a number (digits with an optional decimal point)") is { } v
                ? decimal.Parse(v, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)
                : null;

        [GeneratedRegex("^[12][0-9]{3}$")]
        private static partial Regex YearPattern();

        [GeneratedRegex("^[0-9]+(\\.[0-9]+)?$")]
        private static partial Regex DecimalPattern();
    }
}
