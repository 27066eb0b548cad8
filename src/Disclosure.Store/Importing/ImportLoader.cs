using System.Text.Json;
using Disclosure.Store.Importing.CarbonGap;
using Disclosure.Store.Importing.Klimatkollen;
using Disclosure.Store.Importing.NetZeroTracker;
using Disclosure.Store.Importing.OpenClimate;
using Disclosure.Store.Seeding;

namespace Disclosure.Store.Importing;

/// <summary>
/// Reads <c>seed-data/imports/</c>: checks every dataset folder against its manifest (a changed publisher file stops
/// the build, naming it), runs each dataset's importer over its files, and reads our overrides
/// (<c>seed-data/overrides/organization-links.json</c>). A seed folder without <c>imports/</c> imports nothing.
/// Any error is a <see cref="SeedValidationException"/> naming the file: the store is not touched.
/// </summary>
public static class ImportLoader
{
    public const string ImportsFolder = "imports";
    public const string OverridesFile = "overrides/organization-links.json";
    public const string CountryNamesFile = "mappings/country-names.csv";
    public const string CorrectionsFile = "overrides/corrections.json";

    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };

    public static ImportInput Load(string seedDirectory)
    {
        var imports = Path.Combine(seedDirectory, ImportsFolder);
        if (!Directory.Exists(imports))
        {
            return ImportInput.Empty;
        }
        try
        {
            var manifests = DatasetManifests.Load(imports);
            var byId = manifests.ToDictionary(m => m.Id, StringComparer.Ordinal);
            string File(string dataset, string extension) =>
                Path.Combine(imports, dataset, byId[dataset].Files.Single(f => f.Name.EndsWith(extension, StringComparison.Ordinal)).Name);
            var corrections = ReadCorrections(Path.Combine(seedDirectory, CorrectionsFile));
            var unknown = corrections.FirstOrDefault(c => !byId.ContainsKey(c.Dataset));
            if (unknown is not null)
            {
                throw new ImportFormatException($"{CorrectionsFile}: a correction names the dataset '{unknown.Dataset}', which is not imported.");
            }
            var fixes = manifests.ToDictionary(m => m.Id, m => new ImportCorrections([.. corrections.Where(c => c.Dataset == m.Id)]), StringComparer.Ordinal);
            foreach (var m in manifests.Where(m => !Importers.Contains(m.Id)))
            {
                throw new ImportFormatException($"{ImportsFolder}/{m.Id}: no importer reads this dataset (known: {string.Join(", ", Importers)}).");
            }
            bool Has(string dataset) => byId.ContainsKey(dataset);
            // The importers read (and apply our corrections) before the input is made, so it can list the corrections applied.
            var netZeroTracker = Has(ImportMapper.NetZeroTrackerId)
                ? NetZeroTrackerImporter.Read(File(ImportMapper.NetZeroTrackerId, ".xlsx"), fixes[ImportMapper.NetZeroTrackerId]) : null;
            var carbonGap = Has(ImportMapper.CarbonGapId)
                ? CarbonGapImporter.Read(File(ImportMapper.CarbonGapId, ".csv"), Path.Combine(seedDirectory, CountryNamesFile), fixes[ImportMapper.CarbonGapId]) : null;
            var klimatkollen = Has(ImportMapper.KlimatkollenId) ? KlimatkollenImporter.ReadCompanies(File(ImportMapper.KlimatkollenId, "companies_2024-10-09.json")) : null;
            var facit = Has(ImportMapper.KlimatkollenId) ? KlimatkollenImporter.ReadFacit(File(ImportMapper.KlimatkollenId, "facit.csv"), fixes[ImportMapper.KlimatkollenId]) : null;
            var wikidata = Has(ImportMapper.KlimatkollenId) ? KlimatkollenImporter.ReadWikidataNames(File(ImportMapper.KlimatkollenId, "klimatkollen-company-wikidata.json")) : null;
            var leis = Has(ImportMapper.OpenClimateId) ? OpenClimateLeiImporter.Read(Path.Combine(imports, ImportMapper.OpenClimateId), fixes[ImportMapper.OpenClimateId]) : null;
            return new ImportInput
            {
                Manifests = manifests,
                Overrides = ReadOverrides(Path.Combine(seedDirectory, OverridesFile)),
                NetZeroTracker = netZeroTracker, CarbonGap = carbonGap, Klimatkollen = klimatkollen, KlimatkollenFacit = facit,
                KlimatkollenWikidata = wikidata, Leis = leis,
                Corrections = [.. fixes.Values.SelectMany(f => f.Applied)],
                FileSizes = manifests.SelectMany(m => m.Files.Select(f => (m.Id, f.Name)))
                    .ToDictionary(k => k, k => new FileInfo(Path.Combine(imports, k.Item1, k.Item2)).Length),
            };
        }
        catch (ImportFormatException e)
        {
            throw new SeedValidationException([new SeedError(ImportsFolder, "", e.Message)]);
        }
    }

    private static readonly string[] Importers =
        [ImportMapper.NetZeroTrackerId, ImportMapper.CarbonGapId, ImportMapper.KlimatkollenId, ImportMapper.OpenClimateId];

    private static IReadOnlyList<ImportCorrection> ReadCorrections(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            return [];
        }
        try
        {
            var file = JsonSerializer.Deserialize<CorrectionsDocument>(System.IO.File.ReadAllBytes(path), Strict)
                ?? throw new ImportFormatException($"{CorrectionsFile}: the file is empty (null).");
            foreach (var (c, i) in file.Corrections.Select((c, i) => (c, i)))
            {
                if (string.IsNullOrWhiteSpace(c.Why))
                {
                    throw new ImportFormatException($"{CorrectionsFile}: $.corrections[{i}].why: a correction needs its reason.");
                }
            }
            return file.Corrections;
        }
        catch (JsonException e)
        {
            throw new ImportFormatException($"{CorrectionsFile}: {e.Path}: {e.Message}");
        }
    }

    private sealed class CorrectionsDocument
    {
        public required IReadOnlyList<ImportCorrection> Corrections { get; init; }
    }

    private static OrganizationOverrides ReadOverrides(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            return OrganizationOverrides.None;
        }
        try
        {
            var overrides = JsonSerializer.Deserialize<OrganizationOverrides>(System.IO.File.ReadAllBytes(path), Strict)
                ?? throw new ImportFormatException($"{OverridesFile}: the file is empty (null).");
            foreach (var (link, i) in overrides.Links.Select((l, i) => (l, i)))
            {
                if (string.IsNullOrWhiteSpace(link.Why))
                {
                    throw new ImportFormatException($"{OverridesFile}: $.links[{i}].why: a manual link needs its reason.");
                }
            }
            return overrides;
        }
        catch (JsonException e)
        {
            throw new ImportFormatException($"{OverridesFile}: {e.Path}: {e.Message}");
        }
    }
}
