using Disclosure.Store.Data;
using ReportEntry = Disclosure.Store.Data.ImportReportEntry;

namespace Disclosure.Store.Importing.Resolution;

/// <summary>
/// Makes one organization per company across the datasets. The datasets share no identifier type, so records are
/// linked by <see cref="NameKey"/>, in dataset priority order (Net Zero Tracker, Klimatkollen, Carbon Gap), except
/// where our overrides link a record by hand. A name that matches more than one candidate (two records of one
/// dataset, or an organization already split for that reason) is not merged: the record gets an organization of its
/// own and the import report lists it. Curated organizations are never matched by name, only by a manual link.
/// </summary>
internal sealed class OrganizationResolver
{
    private readonly Dictionary<string, Draft> _byKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ambiguous = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Draft> _curated = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Dataset, string Record), ManualLink> _manual;
    private readonly HashSet<(string Dataset, string Record)> _manualUsed = [];
    private readonly List<Draft> _drafts = [];

    public OrganizationResolver(IEnumerable<(string Id, string Name)> curated, OrganizationOverrides overrides)
    {
        foreach (var (id, name) in curated)
        {
            var draft = new Draft { Name = name, NameKey = NameKey.Of(name), Priority = -1, Disambiguator = id, FixedId = id };
            _curated[id] = draft;
            _drafts.Add(draft);
        }
        _manual = overrides.Links.ToDictionary(l => (l.Dataset, l.Record));
    }

    public IReadOnlyList<Draft> Drafts => _drafts;

    public List<(string Dataset, ReportEntry Entry)> Report { get; } = [];

    /// <summary>Links the records of one dataset (call in priority order); returns each record's organization and how.</summary>
    public IReadOnlyList<(Draft Organization, LinkMethod Method, string? Note)> Link<T>(string dataset, int priority, IReadOnlyList<T> records,
        Func<T, string> key, Func<T, string> name, Func<T, string> disambiguator, Func<T, RecordLocation> at, Func<T, string?>? country = null)
    {
        var keys = records.Select(r => NameKey.Of(name(r))).ToList();
        var counts = keys.GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<(Draft, LinkMethod, string?)>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            var nameKey = keys[i];
            if (_manual.TryGetValue((dataset, key(r)), out var link))
            {
                _manualUsed.Add((dataset, key(r)));
                var target = _curated.GetValueOrDefault(link.Organization)
                    ?? throw new ImportFormatException($"seed-data/overrides/organization-links.json: the link of {dataset} record '{link.Record}' names organization '{link.Organization}', which is not a curated organization");
                if (nameKey.Length > 0 && !_ambiguous.Contains(nameKey))
                {
                    _byKey.TryAdd(nameKey, target);
                }
                target.Country ??= country?.Invoke(r);
                result.Add((target, LinkMethod.ManualOverride, link.Why));
                continue;
            }
            if (nameKey.Length == 0)
            {
                result.Add((New(r), LinkMethod.Origin, "The name is made of legal-form words only, so it links nothing."));
                continue;
            }
            if (counts[nameKey] > 1 || _ambiguous.Contains(nameKey))
            {
                var others = _drafts.Where(d => d.NameKey == nameKey && d.FixedId is null).Select(d => d.Name).Distinct().ToList();
                _ambiguous.Add(nameKey);
                _byKey.Remove(nameKey);
                var draft = New(r);
                result.Add((draft, LinkMethod.Origin, "Not merged: the name matches more than one candidate."));
                Report.Add((dataset, new ReportEntry
                {
                    Id = "", DatasetId = dataset, Kind = ImportReportKind.NotMerged, File = at(r).File, Row = at(r).Row,
                    Reason = counts[nameKey] > 1
                        ? $"the name '{name(r)}' is shared (as '{nameKey}') by {counts[nameKey]} records of this dataset: each is an organization of its own, none merged"
                        : $"the name '{name(r)}' matches {others.Count} organizations already kept apart ({string.Join(", ", others.Take(5).Select(o => $"'{o}'"))}): not merged",
                    Value = name(r),
                }));
                continue;
            }
            if (_byKey.TryGetValue(nameKey, out var existing))
            {
                result.Add((existing, LinkMethod.NormalizedName, $"'{name(r)}' and '{existing.Name}' have the same normalised name '{nameKey}'."));
                existing.Country ??= country?.Invoke(r);
                continue;
            }
            var created = New(r);
            _byKey[nameKey] = created;
            result.Add((created, LinkMethod.Origin, null));
        }
        return result;

        Draft New(T r)
        {
            var d = new Draft { Name = name(r), NameKey = NameKey.Of(name(r)), Priority = priority, Disambiguator = disambiguator(r), Country = country?.Invoke(r) };
            _drafts.Add(d);
            return d;
        }
    }

    /// <summary>The manual links that matched no record: an override that no longer applies stops the build.</summary>
    public IEnumerable<ManualLink> UnusedLinks => _manual.Values.Where(l => !_manualUsed.Contains((l.Dataset, l.Record)));

    /// <summary>
    /// Gives every new organization its slug: the slug of its name, or, when two organizations (or a curated one)
    /// would share it, the name followed by the record's own id for all but the first in priority order. Stable:
    /// it depends on the names and dataset ids only, never on row order.
    /// </summary>
    public void AssignIds()
    {
        var taken = new HashSet<string>(_curated.Keys, StringComparer.Ordinal);
        var fresh = _drafts.Where(d => d.FixedId is null)
            .OrderBy(d => d.Priority).ThenBy(d => d.Disambiguator, StringComparer.Ordinal).ToList();
        foreach (var d in fresh)
        {
            var slug = NameKey.Slug(d.Name);
            if (slug.Length == 0)
            {
                slug = "organization";
            }
            d.Id = taken.Add(slug) ? slug : $"{slug}-{NameKey.Slug(d.Disambiguator)}";
            if (!taken.Add(d.Id) && d.Id != slug)
            {
                throw new InvalidOperationException($"two organizations would get the slug '{d.Id}'");
            }
        }
    }

    internal sealed class Draft
    {
        public required string Name { get; init; }
        public required string NameKey { get; init; }
        public required int Priority { get; init; }
        public required string Disambiguator { get; init; }
        public string? FixedId { get; init; }
        public string? Country { get; set; }
        private string? _id;
        public string Id { get => FixedId ?? _id ?? throw new InvalidOperationException("ids are assigned after linking"); set => _id = value; }
    }
}
