using Disclosure.Store.Importing.CarbonGap;
using Disclosure.Store.Importing.Klimatkollen;
using Disclosure.Store.Importing.NetZeroTracker;
using Disclosure.Store.Importing.OpenClimate;

namespace Disclosure.Store.Importing;

/// <summary>What the importers read from <c>seed-data/imports/</c>, with our overrides: the input of the import mapping.</summary>
public sealed class ImportInput
{
    public static ImportInput Empty { get; } = new() { Manifests = [], Overrides = OrganizationOverrides.None };

    public required IReadOnlyList<DatasetManifest> Manifests { get; init; }
    public required OrganizationOverrides Overrides { get; init; }
    public ImportBatch<NztCompany>? NetZeroTracker { get; init; }
    public ImportBatch<CarbonGapCompany>? CarbonGap { get; init; }
    public ImportBatch<KlimatkollenCompany>? Klimatkollen { get; init; }
    public ImportBatch<KlimatkollenFacitRow>? KlimatkollenFacit { get; init; }
    public ImportBatch<KlimatkollenWikidataName>? KlimatkollenWikidata { get; init; }
    public ImportBatch<LeiMatch>? Leis { get; init; }
    /// <summary>Our corrections of publisher cells that the importers applied.</summary>
    public IReadOnlyList<ImportCorrection> Corrections { get; init; } = [];

    /// <summary>File sizes by dataset id and file name (for the served file list).</summary>
    public IReadOnlyDictionary<(string Dataset, string File), long> FileSizes { get; init; } = new Dictionary<(string, string), long>();
}

/// <summary>
/// <c>seed-data/overrides/organization-links.json</c>: our documented manual links of a dataset's record to an
/// organization, where no name rule gets there safely (e.g. Net Zero Tracker's "Alibaba", <c>COM-0478</c>, is the
/// curated <c>alibaba-group</c>).
/// </summary>
public sealed class OrganizationOverrides
{
    public static OrganizationOverrides None { get; } = new() { Links = [] };

    public required IReadOnlyList<ManualLink> Links { get; init; }
}

public sealed class ManualLink
{
    /// <summary>The dataset's id, e.g. <c>net-zero-tracker-2022-12-20</c>.</summary>
    public required string Dataset { get; init; }
    /// <summary>The record's key in the dataset: its own id (<c>COM-0478</c>, a Wikidata QID) or, where it has none, its name as recorded.</summary>
    public required string Record { get; init; }
    /// <summary>The organization's slug.</summary>
    public required string Organization { get; init; }
    /// <summary>Why the link holds, with the evidence.</summary>
    public required string Why { get; init; }
}
