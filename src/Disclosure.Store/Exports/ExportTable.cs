using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Disclosure.Store.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Disclosure.Store.Exports;

/// <summary>The type of an exported column, as Parquet and the manifest name it.</summary>
public enum ExportColumnType
{
    [JsonStringEnumMemberName("string")] Text,
    [JsonStringEnumMemberName("int32")] Whole32,
    [JsonStringEnumMemberName("int64")] Whole64,
    [JsonStringEnumMemberName("double")] Real64,
    [JsonStringEnumMemberName("boolean")] Boolean,
    [JsonStringEnumMemberName("date")] Date,
    [JsonStringEnumMemberName("list<string>")] TextList,
    [JsonStringEnumMemberName("list<struct<field: string, old: string, new: string>>")] FieldChanges,
}

/// <summary>One column of a bulk file: its name, type, meaning, and how its value is read from the store.</summary>
public sealed record ExportColumn(string Name, ExportColumnType Type, string Meaning)
{
    /// <summary>The SQL expression that reads it (a delimited, aliased column of the query).</summary>
    internal string Sql { get; init; } = "";

    /// <summary>The enum type the store keeps by member name (exported in the API's spelling, e.g. <c>CHECKED_VERBATIM</c>).</summary>
    internal Type? Enum { get; init; }

    /// <summary>Part of the fact itself (compared by the change feed); provenance columns joined from the primary citation are not.</summary>
    internal bool OwnField { get; init; } = true;

    /// <summary>The value read from a data reader as the file holds it: string, int, long, double, bool, DateOnly or null.</summary>
    internal object? Read(System.Data.Common.DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }
        var value = reader.GetValue(ordinal);
        return Type switch
        {
            ExportColumnType.Text when Enum is { } e => EnumNames.Of((System.Enum)System.Enum.Parse(e, (string)value)),
            ExportColumnType.Text => value switch
            {
                string s => s,
                DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
                DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            },
            ExportColumnType.Whole32 => Convert.ToInt32(value, CultureInfo.InvariantCulture),
            ExportColumnType.Whole64 => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            ExportColumnType.Real64 => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            ExportColumnType.Boolean => value is bool b ? b : Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
            ExportColumnType.Date => value switch
            {
                DateOnly d => d,
                DateTime d => DateOnly.FromDateTime(d),
                string s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => throw new InvalidOperationException($"export: no date in a {value.GetType().Name}"),
            },
            _ => throw new InvalidOperationException($"export: unknown column type {Type}"),
        };
    }
}

/// <summary>
/// One bulk file: a store table (every column the EF model maps, in the API's spelling of enums), and for a fact its
/// primary citation's provenance (source, URL, page, quote or what the dataset recorded, verification, dataset,
/// licence) so that provenance travels with every row. Read in key order, one row at a time.
/// </summary>
public sealed class ExportTable
{
    /// <summary>Rows of these types are facts (what the change feed compares, as <see cref="Building"/>'s tally counts them).</summary>
    private static readonly HashSet<Type> NotFacts =
    [
        typeof(Source), typeof(Listing), typeof(TargetScope), typeof(Rename), typeof(ImportedDataset), typeof(DatasetFile),
        typeof(ImportReportEntry), typeof(AssessmentField), typeof(Identifier), typeof(Classification), typeof(OrganizationRecord),
        typeof(Citation), typeof(DatasetInfo),
    ];

    private ExportTable(string name, string entity, IReadOnlyList<ExportColumn> columns, string sql, bool isFact, bool isCitation)
    {
        Name = name;
        Entity = entity;
        Columns = columns;
        Sql = sql;
        IsFact = isFact;
        IsCitation = isCitation;
    }

    /// <summary>The file name without extension, e.g. <c>figures</c>, <c>governance_bodies</c>.</summary>
    public string Name { get; }

    /// <summary>The entity's name as the API's types and global IDs name it (e.g. <c>Figure</c>).</summary>
    public string Entity { get; }

    public IReadOnlyList<ExportColumn> Columns { get; }

    public string Sql { get; }

    /// <summary>A fact keyed by its <c>id</c> (the change feed compares it).</summary>
    public bool IsFact { get; }

    /// <summary>The citations (the change feed compares them by their stable <c>id</c>, after the facts).</summary>
    public bool IsCitation { get; }

    /// <summary>
    /// Every table of the store but the dataset version row (which the manifest states): the others first, then the
    /// facts by entity name, then the citations (the order of the change feed's fact digest).
    /// </summary>
    public static IReadOnlyList<ExportTable> All(DisclosureDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.ClrType != typeof(DatasetInfo))
            .Select(e => Of(e, db.Model, sql))
            .ToList();
        return
        [
            .. tables.Where(t => !t.IsFact && !t.IsCitation).OrderBy(t => t.Name, StringComparer.Ordinal),
            .. tables.Where(t => t.IsFact).OrderBy(t => t.Entity, StringComparer.Ordinal),
            .. tables.Where(t => t.IsCitation),
        ];
    }

    private static ExportTable Of(IEntityType entity, IModel model, ISqlGenerationHelper sql)
    {
        var type = entity.ClrType;
        var isCitation = type == typeof(Citation);
        var isFact = !NotFacts.Contains(type);
        var tableName = entity.GetTableName()!;
        var table = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
        string Column(IEntityType e, string alias, string property) =>
            $"{alias}.{sql.DelimitIdentifier(e.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema()))!)}";
        string From(Type t) => sql.DelimitIdentifier(model.FindEntityType(t)!.GetTableName()!);

        var columns = new List<ExportColumn>();
        foreach (var p in entity.GetProperties())
        {
            if (isCitation && p.Name == nameof(Citation.Ordinal))
            {
                // Its position among the fact's citations: exported, but not a field the change feed compares.
                columns.Add(new ExportColumn("ordinal", ExportColumnType.Whole32, "The citation's position among its fact's citations (0: the primary one). Not stable: use `id`.")
                    { Sql = $"t.{sql.DelimitIdentifier(p.GetColumnName(table)!)}", OwnField = false });
                continue;
            }
            var clr = Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType;
            var kind = clr.IsEnum ? ExportColumnType.Text : clr switch
            {
                _ when clr == typeof(string) => ExportColumnType.Text,
                _ when clr == typeof(int) || clr == typeof(short) => ExportColumnType.Whole32,
                _ when clr == typeof(long) => ExportColumnType.Whole64,
                _ when clr == typeof(double) || clr == typeof(float) => ExportColumnType.Real64,
                _ when clr == typeof(bool) => ExportColumnType.Boolean,
                _ when clr == typeof(DateOnly) => ExportColumnType.Date,
                _ => ExportColumnType.Text,
            };
            columns.Add(new ExportColumn(Snake(p.Name), kind, Meaning(type, p.Name, clr))
            {
                Sql = $"t.{sql.DelimitIdentifier(p.GetColumnName(table)!)}",
                Enum = clr.IsEnum ? clr : null,
            });
        }

        var citations = model.FindEntityType(typeof(Citation))!;
        var sources = model.FindEntityType(typeof(Source))!;
        var datasets = model.FindEntityType(typeof(ImportedDataset))!;
        var joins = new StringBuilder();
        if (isFact)
        {
            joins.Append(CultureInfo.InvariantCulture,
                $" LEFT JOIN {From(typeof(Citation))} c ON {Column(citations, "c", nameof(Citation.SubjectType))} = '{type.Name}' " +
                $"AND {Column(citations, "c", nameof(Citation.SubjectId))} = {Column(entity, "t", "Id")} AND {Column(citations, "c", nameof(Citation.Ordinal))} = 0" +
                $" LEFT JOIN {From(typeof(Source))} s ON {Column(sources, "s", nameof(Source.Id))} = {Column(citations, "c", nameof(Citation.SourceId))}" +
                $" LEFT JOIN {From(typeof(ImportedDataset))} d ON {Column(datasets, "d", nameof(ImportedDataset.Id))} = {Column(citations, "c", nameof(Citation.DatasetId))}");
            columns.AddRange(
            [
                new("citation_id", ExportColumnType.Text, "Provenance: the stable ID of the fact's primary citation (see citations).") { Sql = Column(citations, "c", nameof(Citation.Id)), OwnField = false },
                new("source_id", ExportColumnType.Text, "Provenance: the source document of the primary citation (see sources).") { Sql = Column(citations, "c", nameof(Citation.SourceId)), OwnField = false },
                new("source_url", ExportColumnType.Text, "Provenance: the source document's URL.") { Sql = Column(sources, "s", nameof(Source.Url)), OwnField = false },
                new("page", ExportColumnType.Text, "Provenance: the page(s) of the source, when the dataset names any.") { Sql = Column(citations, "c", nameof(Citation.Page)), OwnField = false },
                new("quote", ExportColumnType.Text, "Provenance: the exact quote from the source, verbatim; null when the dataset recorded a value without a passage.") { Sql = Column(citations, "c", nameof(Citation.Quote)), OwnField = false },
                new("recorded", ExportColumnType.Text, "Provenance: what the dataset recorded, as written, when there is no quote.") { Sql = Column(citations, "c", nameof(Citation.Recorded)), OwnField = false },
                new("citation_verification", ExportColumnType.Text, "Provenance: how far the primary citation was checked (CHECKED_VERBATIM, RESEARCH_NOTES, AS_RECORDED_BY_DATASET…).") { Sql = Column(citations, "c", nameof(Citation.Verification)), Enum = typeof(Verification), OwnField = false },
                new("citation_dataset_id", ExportColumnType.Text, "Provenance: the dataset the fact came through (see datasets).") { Sql = Column(citations, "c", nameof(Citation.DatasetId)), OwnField = false },
                new("licence", ExportColumnType.Text, "Provenance: the licence of that dataset (null for Disclosure's own curation: see the manifest's attribution).") { Sql = Column(datasets, "d", nameof(ImportedDataset.Licence)), OwnField = false },
            ]);
        }
        else if (isCitation)
        {
            joins.Append(CultureInfo.InvariantCulture,
                $" LEFT JOIN {From(typeof(Source))} s ON {Column(sources, "s", nameof(Source.Id))} = {Column(entity, "t", nameof(Citation.SourceId))}" +
                $" LEFT JOIN {From(typeof(ImportedDataset))} d ON {Column(datasets, "d", nameof(ImportedDataset.Id))} = {Column(entity, "t", nameof(Citation.DatasetId))}");
            columns.AddRange(
            [
                new("source_url", ExportColumnType.Text, "Provenance: the source document's URL.") { Sql = Column(sources, "s", nameof(Source.Url)), OwnField = false },
                new("licence", ExportColumnType.Text, "Provenance: the licence of the dataset the fact came through.") { Sql = Column(datasets, "d", nameof(ImportedDataset.Licence)), OwnField = false },
            ]);
        }
        else if (entity.FindProperty("DatasetId") is not null && type != typeof(ImportedDataset))
        {
            joins.Append(CultureInfo.InvariantCulture,
                $" LEFT JOIN {From(typeof(ImportedDataset))} d ON {Column(datasets, "d", nameof(ImportedDataset.Id))} = {Column(entity, "t", "DatasetId")}");
            columns.Add(new("licence", ExportColumnType.Text, "Provenance: the licence of the dataset the row came from.") { Sql = Column(datasets, "d", nameof(ImportedDataset.Licence)), OwnField = false });
        }

        // Key order: the fact digest and the change feed rely on it (facts and citations by id).
        var key = isCitation
            ? [Column(entity, "t", nameof(Citation.Id))]
            : entity.FindPrimaryKey()!.Properties.Select(p => $"t.{sql.DelimitIdentifier(p.GetColumnName(table)!)}").ToList();
        var select = $"SELECT {string.Join(", ", columns.Select(c => c.Sql))} FROM {sql.DelimitIdentifier(tableName)} t{joins} ORDER BY {string.Join(", ", key)}";
        var name = tableName switch
        {
            "ImportedDatasets" => "datasets",
            "ImportReport" => "import_report",
            _ => Snake(tableName),
        };
        return new ExportTable(name, type.Name, columns, select, isFact, isCitation);
    }

    public static string Snake(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                builder.Append('_');
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private static string Meaning(Type entity, string property, Type clr)
    {
        var known = property switch
        {
            "Id" => entity == typeof(Citation)
                ? "The citation's stable ID: 16 hex digits of a SHA-256 of its subject, source, quote (or recorded value) and page (32 for a citation whose 16 digits another one already has; -2, -3… for a fact citing the same passage again)."
                : $"The {entity.Name}'s stable id (the slug the API shows in `slug`).",
            "OrganizationId" => "The organization's id (see organizations).",
            "DatasetId" => "The dataset the row came through (see datasets).",
            "SourceId" => "The source document (see sources).",
            "Verification" => "How far the fact was checked: CHECKED_VERBATIM, RESEARCH_NOTES, AS_RECORDED_BY_DATASET or DERIVED.",
            "SubjectType" => "The type of fact cited (e.g. Figure, Target).",
            "SubjectId" => "The id of the fact cited.",
            "Quote" => "The exact quote from the source, verbatim.",
            "Recorded" => "What the dataset recorded, as written, when there is no quote.",
            "Page" => "The page(s) of the source, when the dataset names any.",
            "DatasetLocation" => "Where in the dataset's files the fact was read (file and row or JSON path).",
            "PublishedValue" => "The value exactly as published (never rounded).",
            "Value" => "The published value as a number, when it is one.",
            "NormalizedValue" => "The value in the normalised unit (tCO2e, kWh), when the unit converts.",
            "MeasureKey" => "Organization, metric, period and category: figures with the same key state the same measure.",
            "TargetId" => "The target the figure is reported against (see targets).",
            "ReportId" => "The report the figure was published in (see reports).",
            "Licence" => "The dataset's licence.",
            "Attribution" => "The attribution the dataset's licence asks for.",
            "Url" => "The address.",
            _ => null,
        };
        if (known is not null)
        {
            return known;
        }
        var kind = clr.IsEnum ? $" (one of {string.Join(", ", System.Enum.GetValues(clr).Cast<System.Enum>().Take(6).Select(EnumNames.Of))}{(System.Enum.GetValues(clr).Length > 6 ? ", …" : "")})" : "";
        return $"The {entity.Name}'s {Snake(property).Replace('_', ' ')}, as the API's `{char.ToLowerInvariant(property[0])}{property[1..]}` field shows it{kind}.";
    }
}
