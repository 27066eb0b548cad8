namespace Disclosure.Store.Importing.OpenClimate;

/// <summary>
/// Reads OpenClimate's Net Zero Tracker name to LEI crosswalk (Actor.csv, ActorIdentifier.csv, ActorName.csv,
/// DataSource.csv, Publisher.csv; each header checked) into one <see cref="LeiMatch"/> per Actor.csv row. A row is
/// rejected when its LEI fails ISO 17442 (shape or MOD 97-10 check digits), has no LEI identifier row, its name is
/// empty or not among the actor's names, its country is not two capital letters, or its data source (or that
/// source's publisher) is not listed.
/// </summary>
public static class OpenClimateLeiImporter
{
    public static readonly IReadOnlyList<string> ActorHeader = ["actor_id", "type", "name", "is_part_of", "datasource_id"];
    public static readonly IReadOnlyList<string> IdentifierHeader = ["actor_id", "identifier", "namespace", "datasource_id"];
    public static readonly IReadOnlyList<string> NameHeader = ["actor_id", "name", "language", "preferred", "datasource_id"];
    public static readonly IReadOnlyList<string> DataSourceHeader = ["datasource_id", "name", "publisher", "published", "URL"];
    public static readonly IReadOnlyList<string> PublisherHeader = ["id", "name", "URL"];

    /// <param name="directory">The folder holding the five CSV files.</param>
    public static ImportBatch<LeiMatch> Read(string directory, ImportCorrections? corrections = null)
    {
        var publishers = Table(directory, "Publisher.csv", PublisherHeader, corrections ?? ImportCorrections.None).Select(r => r.Fields[0]).ToHashSet(StringComparer.Ordinal);
        var dataSources = Table(directory, "DataSource.csv", DataSourceHeader, corrections ?? ImportCorrections.None)
            .Where(r => publishers.Contains(r.Fields[2]))
            .Select(r => r.Fields[0]).ToHashSet(StringComparer.Ordinal);
        var leis = Table(directory, "ActorIdentifier.csv", IdentifierHeader, corrections ?? ImportCorrections.None)
            .Where(r => r.Fields[2] == "LEI" && r.Fields[0] == r.Fields[1])
            .Select(r => r.Fields[0]).ToHashSet(StringComparer.Ordinal);
        var names = Table(directory, "ActorName.csv", NameHeader, corrections ?? ImportCorrections.None)
            .Select(r => (r.Fields[0], r.Fields[1])).ToHashSet();

        var records = new List<LeiMatch>();
        var rejections = new List<ImportRejection>();
        var actors = Table(directory, "Actor.csv", ActorHeader, corrections ?? ImportCorrections.None);
        foreach (var (row, f) in actors)
        {
            var found = new List<ImportRejection>();
            void Check(bool ok, int column, string reason)
            {
                if (!ok)
                {
                    found.Add(new ImportRejection(new("Actor.csv", $"row {row}", ActorHeader[column]), reason, f[column]));
                }
            }
            Check(Identifiers.IsLei(f[0]), 0, "not an LEI (ISO 17442: 20 characters, MOD 97-10 check digits)");
            Check(!Identifiers.IsLei(f[0]) || leis.Contains(f[0]), 0, "no LEI row for this actor in ActorIdentifier.csv");
            Check(f[1] == "organization", 1, "not an organization");
            Check(!string.IsNullOrWhiteSpace(f[2]), 2, "missing company name");
            Check(string.IsNullOrWhiteSpace(f[2]) || !Identifiers.IsLei(f[0]) || names.Contains((f[0], f[2])), 2, "name not among the actor's names in ActorName.csv");
            Check(f[3].Length == 0 || Identifiers.IsAlpha2(f[3]), 3, "not an ISO 3166-1 alpha-2 code");
            Check(dataSources.Contains(f[4]), 4, "data source not in DataSource.csv (with a publisher in Publisher.csv)");
            rejections.AddRange(found);
            if (found.Count == 0)
            {
                records.Add(new LeiMatch
                {
                    At = new("Actor.csv", $"row {row}"),
                    Lei = f[0],
                    Name = f[2],
                    Country = f[3].Length == 0 ? null : f[3],
                    DataSourceId = f[4],
                });
            }
        }
        return new ImportBatch<LeiMatch> { Records = records, Rejections = rejections, RowsRead = actors.Count };
    }

    /// <summary>The data rows of one file (header checked), with their row numbers; a row of another width stops the import.</summary>
    private static List<(int Row, string[] Fields)> Table(string directory, string file, IReadOnlyList<string> header, ImportCorrections corrections)
    {
        var rows = new List<(int, string[])>();
        var headerSeen = false;
        foreach (var (row, fields) in corrections.Apply(file, 1, CsvRows.Read(Path.Combine(directory, file))))
        {
            if (!headerSeen)
            {
                ImportHeader.Check(file, $"row {row}", fields, header);
                headerSeen = true;
                continue;
            }
            if (fields.Length != header.Count)
            {
                throw new ImportFormatException($"{file}: row {row}: {fields.Length} fields, expected {header.Count}.");
            }
            rows.Add((row, fields));
        }
        if (!headerSeen)
        {
            throw new ImportFormatException($"{file}: empty: expected the header {string.Join(",", header)}.");
        }
        return rows;
    }
}
