using System.Text.Json;
using System.Text.Json.Serialization;

namespace Disclosure.Store.Exports;

/// <summary>What <c>manifest.json</c> says about one version's bulk files.</summary>
public sealed record ExportManifest
{
    /// <summary>The dataset version (<c>sha256:…</c>), as the API's <c>dataset { version }</c> shows it.</summary>
    public required string Version { get; init; }

    /// <summary>The version's hex digest: its folder under <c>/exports/</c>.</summary>
    public required string Digest { get; init; }

    public required DateTimeOffset BuiltAt { get; init; }
    public required DateTimeOffset ExportedAt { get; init; }
    public required int FactCount { get; init; }
    public required int CitationCount { get; init; }
    public string? SeedCommit { get; init; }

    /// <summary>The version this one's change file compares with; null for the first version known.</summary>
    public string? PreviousVersion { get; init; }

    public required IReadOnlyList<ExportFile> Files { get; init; }
    public required IReadOnlyList<ExportTableSchema> Schemas { get; init; }
    public required IReadOnlyList<ExportDataset> Datasets { get; init; }

    /// <summary>The versions whose exports are kept (this one included), newest first.</summary>
    public required IReadOnlyList<string> Retained { get; init; }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter() },
    };

    public static ExportManifest? Read(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<ExportManifest>(File.ReadAllBytes(path), Json) : null;
}

/// <summary>One file of a version's exports.</summary>
public sealed record ExportFile(string Name, string Table, string Format, long Rows, long Bytes, string Sha256);

/// <summary>The columns of one table's files (the same in Parquet and CSV).</summary>
public sealed record ExportTableSchema(string Table, string Entity, IReadOnlyList<ExportColumnSchema> Columns);

public sealed record ExportColumnSchema(string Name, ExportColumnType Type, string Meaning);

/// <summary>An imported dataset the rows come from, with its licence and the attribution it asks for.</summary>
public sealed record ExportDataset(string Id, string Title, string Publisher, string? Url, string? Licence, string? LicenceUrl, string Attribution);
