using System.Security.Cryptography;
using System.Text;
using Disclosure.Store.Building;
using Disclosure.Store.Data;
using Disclosure.Store.Importing.CarbonGap;
using Disclosure.Store.Importing.Klimatkollen;
using Disclosure.Store.Importing.NetZeroTracker;
using Disclosure.Store.Importing.Resolution;
using Disclosure.Store.Seeding;
using Rejection = Disclosure.Store.Data.ImportReportEntry;

namespace Disclosure.Store.Importing;

/// <summary>
/// Maps what the importers read to store rows: the datasets and their files, one organization per company
/// (<see cref="OrganizationResolver"/>), identifiers with their source and warnings, each dataset's record of each
/// company, classifications, Net Zero Tracker's assessments, targets and figures with their citations, and each
/// dataset's import report. Every fact carries the dataset it came through, where in its files, and a verification
/// level; a value recorded without a passage has no quote, only what the dataset recorded.
/// </summary>
internal sealed class ImportMapper
{
    public const string NetZeroTrackerId = "net-zero-tracker-2022-12-20";
    public const string CarbonGapId = "carbon-gap-2021";
    public const string KlimatkollenId = "klimatkollen-2024-10";
    public const string OpenClimateId = "openclimate-lei-crosswalk";

    private const string CarbonGapWarning = "Carbon Gap's file says its emission data was \"manually collected (so will likely contain smaller mistakes!)\".";
    private const string KlimatkollenNote = "Klimatkollen read this value from the company's report, partly by machine; its hand-checked file (facit.csv) covers 2023 only.";
    private const string KlimatkollenReportNote = "Klimatkollen records one report per company; values of earlier years may have been read from that report's comparisons or from earlier reports.";

    private readonly ImportInput _input;
    private readonly Dictionary<string, string> _scopeIds;
    private readonly OrganizationResolver _resolver;
    private readonly Dictionary<string, Source> _sources = new(StringComparer.Ordinal);
    private readonly List<object> _facts = [];
    private readonly List<(string Dataset, Rejection Entry)> _report = [];
    private readonly List<(OrganizationResolver.Draft Org, IdentifierScheme Scheme, string Value, string Dataset, string Method)> _identifiers = [];
    private readonly List<(OrganizationResolver.Draft Org, string Dataset, string Key, string Name, RecordLocation At, LinkMethod Method, string? Note)> _records = [];
    private readonly List<(OrganizationResolver.Draft Org, string Dataset, string Scheme, string Label, string? Code)> _classes = [];
    private readonly HashSet<string> _factIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _imported = new(StringComparer.Ordinal);

    private ImportMapper(ImportInput input, IEnumerable<(string Id, string Name)> curated, IEnumerable<SeedModel.Scope> scopes)
    {
        _input = input;
        _scopeIds = scopes.ToDictionary(s => s.Code, s => s.Id, StringComparer.Ordinal);
        _resolver = new OrganizationResolver(curated, input.Overrides);
    }

    /// <summary>The rows of every imported dataset, in dependency order (a row's references come before it).</summary>
    public static IEnumerable<object> Rows(ImportInput input, IEnumerable<(string Id, string Name)> curated, IEnumerable<SeedModel.Scope> scopes) =>
        Map(input, curated, scopes).Rows;

    /// <summary>
    /// The rows of every imported dataset, and the country that a manually linked record gives a curated
    /// organization (e.g. Net Zero Tracker's CHN for alibaba-group), which the curated rows carry.
    /// </summary>
    public static (IReadOnlyList<object> Rows, IReadOnlyDictionary<string, string> CuratedCountries) Map(ImportInput input,
        IEnumerable<(string Id, string Name)> curated, IEnumerable<SeedModel.Scope> scopes)
    {
        if (input.Manifests.Count == 0)
        {
            return ([], new Dictionary<string, string>());
        }
        var mapper = new ImportMapper(input, curated, scopes);
        var rows = mapper.Map();
        return (rows, mapper._resolver.Drafts.Where(d => d.FixedId is not null && d.Country is not null)
            .ToDictionary(d => d.Id, d => d.Country!, StringComparer.Ordinal));
    }

    private List<object> Map()
    {
        var nzt = _input.NetZeroTracker?.Records ?? [];
        var kk = _input.Klimatkollen?.Records ?? [];
        var cg = _input.CarbonGap?.Records ?? [];
        var facit = _input.KlimatkollenFacit?.Records ?? [];

        // 1. Organizations, in priority order.
        var nztOrgs = _resolver.Link(NetZeroTrackerId, 0, nzt, c => c.IdCode, c => c.Name, c => c.IdCode, c => c.At, c => c.Country);
        var kkOrgs = _resolver.Link(KlimatkollenId, 1, kk, c => c.WikidataId ?? c.Name, c => c.Name, c => c.WikidataId ?? "kk", c => c.At);
        var cgOrgs = _resolver.Link(CarbonGapId, 2, cg, c => c.Name, c => c.Name, c => $"forbes-{c.ForbesRank}", c => c.At, c => c.Country);
        // Klimatkollen's checked file: the company of its companies file with the same Wikidata id, else by name.
        var kkByQid = kk.Select((c, i) => (c, i)).Where(x => x.c.WikidataId is not null)
            .GroupBy(x => x.c.WikidataId!, StringComparer.Ordinal).Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => kkOrgs[g.Single().i].Organization, StringComparer.Ordinal);
        var facitLinked = facit.Select(r => r.WikidataId is { } q && kkByQid.TryGetValue(q, out var o) ? o : null).ToList();
        var facitRest = facit.Where((_, i) => facitLinked[i] is null).ToList();
        var facitRestOrgs = _resolver.Link(KlimatkollenId, 3, facitRest, r => "facit.csv " + r.Name, r => r.Name, r => r.WikidataId ?? "facit", r => r.At);
        var unused = _resolver.UnusedLinks.ToList();
        if (unused.Count > 0)
        {
            throw new ImportFormatException($"seed-data/overrides/organization-links.json: the link of {unused[0].Dataset} record '{unused[0].Record}' matches no record of that dataset");
        }
        _resolver.AssignIds();
        _report.AddRange(_resolver.Report);

        // 2. Facts, dataset by dataset.
        for (var i = 0; i < nzt.Count; i++)
        {
            MapNetZeroTracker(nzt[i], nztOrgs[i]);
        }
        for (var i = 0; i < kk.Count; i++)
        {
            MapKlimatkollen(kk[i], kkOrgs[i]);
        }
        var rest = 0;
        for (var i = 0; i < facit.Count; i++)
        {
            var link = facitLinked[i] is { } o
                ? (o, LinkMethod.WikidataQid, (string?)$"The same Wikidata id ({facit[i].WikidataId}) as in companies_2024-10-09.json.")
                : facitRestOrgs[rest++];
            MapFacit(facit[i], link);
        }
        for (var i = 0; i < cg.Count; i++)
        {
            MapCarbonGap(cg[i], cgOrgs[i]);
        }
        MapWikidataNames(kk, kkOrgs);
        MapLeis(nzt, nztOrgs);

        return [.. Emit()];
    }

    // ---- Net Zero Tracker --------------------------------------------------------------------------------------

    private void MapNetZeroTracker(NztCompany c, (OrganizationResolver.Draft Org, LinkMethod Method, string? Note) link)
    {
        var org = link.Org;
        Count(NetZeroTrackerId);
        _records.Add((org, NetZeroTrackerId, c.IdCode, c.Name, c.At, link.Method, link.Note));
        _identifiers.Add((org, IdentifierScheme.NetZeroTrackerId, c.IdCode, NetZeroTrackerId, "The tracker's own id (id_code)."));
        if (c.Isin is { } isin)
        {
            _identifiers.Add((org, IdentifierScheme.Isin, isin, NetZeroTrackerId, "Recorded by Net Zero Tracker (isin_id)."));
        }
        if (c.Industry is { } industry)
        {
            _classes.Add((org, NetZeroTrackerId, "industry", industry, null));
        }
        if (c.Sector is { } sector)
        {
            _classes.Add((org, NetZeroTrackerId, "sector", sector, null));
        }
        var source = c.SourceUrl is { } url ? Document(url, null, $"[Document Net Zero Tracker cites for {c.Name}]") : DatasetRecord(NetZeroTrackerId);
        var manifest = Manifest(NetZeroTrackerId);
        var slug = "nzt-" + c.IdCode.ToLowerInvariant();
        var hasTarget = IsTarget(c.EndTarget) || IsTarget(c.InterimTarget);
        var assessment = new Assessment
        {
            Id = slug, OrganizationId = org.Id, DatasetId = NetZeroTrackerId, AssessedOn = manifest.SnapshotDate ?? default,
            LastUpdated = c.LastUpdated, EndTargetCategory = c.EndTarget?.Category, HasTarget = hasTarget,
            Status = c.Status, StatusYear = c.StatusYear, Location = c.At.ToString(),
            Scope1 = Field(c, "scope_1"), Scope2 = Field(c, "scope_2"), Scope3 = Field(c, "scope_3"),
        };
        if (!AddFact(NetZeroTrackerId, slug, c.At))
        {
            return;
        }
        _facts.Add(assessment);
        for (var i = 0; i < c.Assessment.Count; i++)
        {
            _facts.Add(new AssessmentField { AssessmentId = slug, Ordinal = i, Column = c.Assessment[i].Column, Value = c.Assessment[i].Value });
        }
        _facts.Add(Cite(nameof(Assessment), slug, source, NetZeroTrackerId, c.At, quote: null, page: null,
            recorded: $"end_target: {c.EndTarget?.Category ?? "(empty)"}; interim_target: {c.InterimTarget?.Category ?? "(empty)"}; end_target_status: {c.Status ?? "(empty)"}; status_date: {c.StatusYear?.ToString() ?? "(empty)"}",
            Verification.ValueAsRecorded, note: c.SourceUrl is null ? "Net Zero Tracker names no source document for this company: its record is the source." : null));

        foreach (var t in new[] { c.EndTarget, c.InterimTarget })
        {
            if (t is null || !IsTarget(t))
            {
                continue;
            }
            if (TargetKindOf(t) is not { } kind)
            {
                Reject(NetZeroTrackerId, t.At with { Column = t.IsEndTarget ? "end_target" : "interim_target" }, $"unknown target category '{t.Category}'", t.Category);
                continue;
            }
            var id = $"{slug}-{(t.IsEndTarget ? "end" : "interim")}-target";
            if (!AddFact(NetZeroTrackerId, id, t.At))
            {
                continue;
            }
            var quoted = t.TextKind is NztTextKind.QuotedWithPage or NztTextKind.Quoted;
            _facts.Add(new Target
            {
                Id = id, OrganizationId = org.Id, Kind = kind, Category = t.Category, Role = t.IsEndTarget ? TargetRole.End : TargetRole.Interim,
                Name = $"{t.Category} ({(t.IsEndTarget ? "end" : "interim")} target{(t.TargetYear is { } y ? $", {y}" : "")}), as recorded by Net Zero Tracker",
                BaselineYear = t.BaselineYear, TargetYear = t.TargetYear, TargetYearSortKey = t.TargetYear ?? int.MinValue,
                QuantityValue = (double?)t.PercentageReduction, QuantityUnit = t.PercentageReduction is null ? null : Unit.Percent,
                IntensityDenominator = t.IntensityUnit, Status = TargetStatus.NotStated,
                RecordedStatus = t.IsEndTarget ? c.Status : null, RecordedStatusYear = t.IsEndTarget ? c.StatusYear : null,
                AnnouncedOn = null, Text = t.Text, DatasetId = NetZeroTrackerId,
                Verification = quoted ? Verification.QuotedAsRecorded : Verification.ValueAsRecorded,
            });
            for (var i = 0; i < (t.Scopes?.Count ?? 0); i++)
            {
                if (_scopeIds.TryGetValue($"SCOPE_{t.Scopes![i]}", out var scopeId))
                {
                    _facts.Add(new TargetScope { TargetId = id, ScopeId = scopeId, Ordinal = i });
                }
            }
            _facts.Add(Cite(nameof(Target), id, source, NetZeroTrackerId, t.At, quoted ? t.Text : null,
                t.Pages.Count > 0 ? string.Join(", ", t.Pages) : null,
                recorded: quoted ? null : RecordedTarget(t),
                quoted ? Verification.QuotedAsRecorded : Verification.ValueAsRecorded,
                note: TextNote(t.TextKind)));
        }
    }

    private static string? Field(NztCompany c, string column) => c.Assessment.FirstOrDefault(f => f.Column == column)?.Value;

    private static bool IsTarget(NztTarget? t) => t is not null && t.Category != "No target";

    private static string RecordedTarget(NztTarget t)
    {
        var parts = new List<string> { $"{(t.IsEndTarget ? "end_target" : "interim_target")}: {t.Category}" };
        if (t.TargetYear is { } y) parts.Add($"year: {y}");
        if (t.PercentageReductionRecorded is { } p) parts.Add($"percentage_reduction: {p}");
        if (t.BaselineYear is { } b) parts.Add($"baseline_year: {b}");
        if (t.Text is { } text) parts.Add($"text: {text}");
        return string.Join("; ", parts);
    }

    private static string? TextNote(NztTextKind kind) => kind switch
    {
        NztTextKind.QuotedWithPage => "Net Zero Tracker's transcription of the company's document, with the page it gives; we hold no copy of the document.",
        NztTextKind.Quoted => "Net Zero Tracker's transcription of the company's document, without a page; we hold no copy of the document.",
        NztTextKind.SeeOther => "Net Zero Tracker's text refers to the company's other target's text; no passage of its own.",
        NztTextKind.Summary => "Net Zero Tracker's own summary, not a quotation.",
        _ => "Net Zero Tracker recorded no text for this target.",
    };

    private static TargetKind? TargetKindOf(NztTarget t) => t.Category switch
    {
        "Net zero" => TargetKind.NetZero,
        "Carbon neutral(ity)" => TargetKind.CarbonNeutrality,
        "Climate neutral" => TargetKind.ClimateNeutrality,
        "Emissions reduction target" => TargetKind.EmissionsReduction,
        "Absolute emissions target" => TargetKind.AbsoluteReduction,
        "Emissions intensity target" => TargetKind.IntensityReduction,
        "Zero emissions" => TargetKind.ZeroEmissions,
        "Zero carbon" => TargetKind.ZeroCarbon,
        "Carbon negative" => TargetKind.CarbonNegative,
        "Climate positive" => TargetKind.ClimatePositive,
        "GHG neutral(ity)" => TargetKind.GhgNeutrality,
        "Science-based target" => TargetKind.ScienceBased,
        "1.5°C target" => TargetKind.TemperatureAligned,
        "Other" => TargetKind.Other,
        _ => null,
    };

    // ---- Klimatkollen ------------------------------------------------------------------------------------------

    private void MapKlimatkollen(KlimatkollenCompany c, (OrganizationResolver.Draft Org, LinkMethod Method, string? Note) link)
    {
        var org = link.Org;
        Count(KlimatkollenId);
        _records.Add((org, KlimatkollenId, c.WikidataId ?? c.Name, c.Name, c.At, link.Method, link.Note));
        if (c.WikidataId is { } qid)
        {
            _identifiers.Add((org, IdentifierScheme.WikidataQid, qid, KlimatkollenId, "Recorded by Klimatkollen (wikidataId in companies_2024-10-09.json)."));
        }
        foreach (var label in c.Industry)
        {
            _classes.Add((org, KlimatkollenId, label.Scheme, label.Label, label.Code));
        }
        var key = KlimatkollenKey(c.WikidataId, c.Name);
        var source = c.ReportUrl is { } url ? Document(url, null, $"[Report of {c.Name} that Klimatkollen read]") : DatasetRecord(KlimatkollenId);
        foreach (var f in c.Figures)
        {
            AddKlimatkollenFigure($"kk-{key}", org, f, source, Verification.ValueAsRecorded, Confidence.Low,
                KlimatkollenNote + (c.ReportUrl is null ? "" : " " + KlimatkollenReportNote));
        }
        foreach (var g in c.Goals)
        {
            var id = $"kk-{key}-goal-{ShortHash(g.Description)}";
            if (!AddFact(KlimatkollenId, id, g.At))
            {
                continue;
            }
            _facts.Add(new Target
            {
                Id = id, OrganizationId = org.Id, Kind = TargetKind.NotClassified, Name = g.Description, BaselineYear = g.BaseYear,
                TargetYear = g.Year, TargetYearSortKey = g.Year ?? int.MinValue, Status = TargetStatus.NotStated, Text = g.Description, DatasetId = KlimatkollenId,
                Verification = Verification.ValueAsRecorded,
            });
            var recorded = $"description: {g.Description}; year: {g.Year?.ToString() ?? "null"}; target: {g.Target?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}; baseYear: {g.BaseYear?.ToString() ?? "null"}";
            _facts.Add(Cite(nameof(Target), id, source, KlimatkollenId, g.At, null, null, recorded, Verification.ValueAsRecorded,
                "Klimatkollen's wording of the goal (Swedish); the number `target` is recorded without a unit, so it is not served as a quantity."));
        }
    }

    private void MapFacit(KlimatkollenFacitRow r, (OrganizationResolver.Draft Org, LinkMethod Method, string? Note) link)
    {
        Count(KlimatkollenId);
        _records.Add((link.Org, KlimatkollenId, "facit.csv " + (r.WikidataId ?? r.Name), r.Name, r.At, link.Method, link.Note));
        var source = r.ReportUrl is { } url ? Document(url, null, $"[Report of {r.Name} that Klimatkollen read]") : DatasetRecord(KlimatkollenId);
        foreach (var f in r.Figures)
        {
            AddKlimatkollenFigure($"kk-facit-{KlimatkollenKey(r.WikidataId, r.Name)}", link.Org, f, source, Verification.CheckedByPublisher, Confidence.Medium,
                "Checked by hand by Klimatkollen (facit.csv).");
        }
    }

    private void AddKlimatkollenFigure(string prefix, OrganizationResolver.Draft org, KlimatkollenFigure f, Source source, Verification verification,
        Confidence confidence, string confidenceNote)
    {
        if (f.Unit is not null && f.Unit != "tCO2e")
        {
            Reject(KlimatkollenId, f.At, $"unknown unit '{f.Unit}'", f.Unit);
            return;
        }
        var (metric, suffix, method) = f.Metric switch
        {
            KlimatkollenMetric.Scope1 => (Metric.Scope1Emissions, "scope-1", (Scope2Method?)null),
            KlimatkollenMetric.Scope2MarketBased => (Metric.Scope2Emissions, "scope-2-mb", Scope2Method.MarketBased),
            KlimatkollenMetric.Scope2LocationBased => (Metric.Scope2Emissions, "scope-2-lb", Scope2Method.LocationBased),
            KlimatkollenMetric.Scope2NotStated => (Metric.Scope2Emissions, "scope-2", Scope2Method.NotStated),
            KlimatkollenMetric.Scope3 => (Metric.Scope3Emissions, "scope-3", null),
            _ => (Metric.Scope3CategoryEmissions, $"scope-3-category-{f.Category}", null),
        };
        var id = $"{prefix}-{f.Year}-{suffix}";
        AddEmissionFigure(KlimatkollenId, id, org, metric, f.Year, f.Category, method, f.Published, f.Value, f.At, source, page: null,
            recorded: $"{f.At.Row}{(f.At.Column is null ? "" : "." + f.At.Column)}: {f.Published}{(f.Unit is null ? " (no unit recorded)" : " " + f.Unit)}{(f.VerifiedUrl is null ? "" : $"; verified: {f.VerifiedUrl}")}",
            verification, confidence, confidenceNote,
            subject: f.Category == 16 ? $"Scope 3 emissions Klimatkollen records as category 16 \"other\" ({f.CategoryKey}); not a GHG Protocol category." : null,
            note: f.Unit is null ? "Klimatkollen gives no unit for this value; its other values are in tCO2e." : null);
    }

    private static string KlimatkollenKey(string? qid, string name) => qid?.ToLowerInvariant() ?? NameKey.Slug(name);

    private void MapWikidataNames(IReadOnlyList<KlimatkollenCompany> kk, IReadOnlyList<(OrganizationResolver.Draft Organization, LinkMethod Method, string? Note)> kkOrgs)
    {
        if (_input.KlimatkollenWikidata is not { } list)
        {
            return;
        }
        var byKey = kk.Select((c, i) => (Key: NameKey.Of(c.Name), Org: kkOrgs[i].Organization))
            .GroupBy(x => x.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(x => x.Org).Distinct().ToList(), StringComparer.Ordinal);
        foreach (var pair in list.Records)
        {
            if (byKey.TryGetValue(NameKey.Of(pair.Name), out var orgs) && orgs.Count == 1)
            {
                Count(KlimatkollenId);
                _identifiers.Add((orgs[0], IdentifierScheme.WikidataQid, pair.WikidataId, KlimatkollenId,
                    "Klimatkollen's name-to-Wikidata list (klimatkollen-company-wikidata.json), linked by normalised name."));
            }
            else
            {
                Reject(KlimatkollenId, pair.At, orgs is null
                    ? "the name names no company of Klimatkollen's companies file: a name and a Wikidata id without facts are not an organization"
                    : $"the name matches {orgs.Count} companies of Klimatkollen's companies file", pair.Name);
            }
        }
    }

    // ---- Carbon Gap --------------------------------------------------------------------------------------------

    private void MapCarbonGap(CarbonGapCompany c, (OrganizationResolver.Draft Org, LinkMethod Method, string? Note) link)
    {
        var org = link.Org;
        Count(CarbonGapId);
        _records.Add((org, CarbonGapId, c.Name, c.Name, c.At, link.Method, link.Note));
        _classes.Add((org, CarbonGapId, "Forbes industry", c.Industry, null));
        var source = c.Source is { IsLocalFile: false, Url: { } url } s ? Document(url, s.ReportName, $"[Report of {c.Name} that Carbon Gap names]") : DatasetRecord(CarbonGapId);
        var slug = NameKey.Slug(c.Name);
        foreach (var f in c.Figures)
        {
            var metric = f.Scope switch { 1 => Metric.Scope1Emissions, 2 => Metric.Scope2Emissions, _ => Metric.Scope3Emissions };
            AddEmissionFigure(CarbonGapId, $"cg-{slug}-{f.Year}-scope-{f.Scope}", org, metric, f.Year, null,
                f.Scope2Basis switch
                {
                    Scope2Basis.MarketBased => Scope2Method.MarketBased,
                    Scope2Basis.LocationBased => Scope2Method.LocationBased,
                    Scope2Basis.LocationBasedWhereAvailable => Scope2Method.LocationBasedWhereAvailable,
                    Scope2Basis.NotStated => Scope2Method.NotStated,
                    _ => null,
                },
                f.Published, f.Value, f.At, source, c.Source?.Page,
                recorded: $"{f.Header} ({f.Year} group): {f.Published}; datasource: {c.Datasource ?? "(empty)"}",
                Verification.ValueAsRecorded, Confidence.Low, CarbonGapWarning, subject: null,
                note: c.Source?.IsLocalFile == true ? "The datasource cell is the author's local file path: no public source." : null);
        }
    }

    // ---- OpenClimate's LEI matches -----------------------------------------------------------------------------

    private void MapLeis(IReadOnlyList<NztCompany> nzt, IReadOnlyList<(OrganizationResolver.Draft Organization, LinkMethod Method, string? Note)> nztOrgs)
    {
        if (_input.Leis is not { } leis)
        {
            return;
        }
        var byName = nzt.Select((c, i) => (c.Name, Org: nztOrgs[i].Organization, c.IdCode))
            .GroupBy(x => x.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var m in leis.Records)
        {
            if (!byName.TryGetValue(m.Name, out var matches))
            {
                Reject(OpenClimateId, m.At, "the matched name is the name of no Net Zero Tracker company in the 2022-12-20 snapshot", m.Name);
            }
            else if (matches.Count > 1)
            {
                Reject(OpenClimateId, m.At, $"the matched name is the name of {matches.Count} Net Zero Tracker companies ({string.Join(", ", matches.Select(x => x.IdCode))}): the LEI is not attached to either", m.Name);
            }
            else
            {
                Count(OpenClimateId);
                _identifiers.Add((matches[0].Org, IdentifierScheme.Lei, m.Lei, OpenClimateId,
                    $"OpenClimate's match of the Net Zero Tracker name '{m.Name}' against the GLEIF golden copy of 2022-12-16 ({m.DataSourceId}); a name match, not ground truth."));
            }
        }
    }

    // ---- Shared ------------------------------------------------------------------------------------------------

    private void AddEmissionFigure(string dataset, string id, OrganizationResolver.Draft org, Metric metric, int year, int? category, Scope2Method? method,
        string published, decimal value, RecordLocation at, Source source, string? page, string recorded, Verification verification,
        Confidence confidence, string confidenceNote, string? subject, string? note)
    {
        if (!AddFact(dataset, id, at))
        {
            return;
        }
        _facts.Add(new Figure
        {
            Id = id, OrganizationId = org.Id, Metric = metric, Subject = subject,
            PeriodKind = PeriodKind.ReportingYear, PeriodLabel = $"RY{year}", PeriodStart = null, PeriodEnd = null, PeriodSortKey = new DateOnly(year, 1, 1), Year = year,
            PublishedValue = published, Value = (double)value, Qualifier = ValueQualifier.Exact, Unit = Unit.Tco2e,
            NormalizedValue = (double)value, NormalizedUnit = Units.Tco2e, Basis = EmissionBasis.NotStated,
            Confidence = confidence, ConfidenceNote = confidenceNote, Note = note, Category = category, Scope2Method = method,
            DatasetId = dataset, Verification = verification, MeasureKey = StoreMapper.MeasureKey(org.Id, metric, $"RY{year}", category),
        });
        _facts.Add(Cite(nameof(Figure), id, source, dataset, at, null, page, recorded, verification, null));
    }

    private bool AddFact(string dataset, string id, RecordLocation at)
    {
        if (_factIds.Add(id))
        {
            return true;
        }
        Reject(dataset, at, $"a second record gives the fact '{id}' (same company, year and measure): only the first is imported", null);
        return false;
    }

    private static Citation Cite(string subjectType, string subjectId, Source source, string dataset, RecordLocation at, string? quote, string? page,
        string? recorded, Verification verification, string? note) => new()
    {
        Id = Citation.StableId(subjectType, subjectId, source.Id, quote, recorded, page),
        SubjectType = subjectType, SubjectId = subjectId, Ordinal = 0, SourceId = source.Id, Quote = quote, Page = page,
        Recorded = recorded, DatasetId = dataset, DatasetLocation = at.ToString(), Verification = verification, Note = note,
    };

    private Source Document(string url, string? title, string fallbackTitle)
    {
        var id = "doc-" + ShortHash(url, 12);
        if (_sources.TryGetValue(id, out var existing))
        {
            if (title is not null && existing.Title.StartsWith('['))
            {
                _sources[id] = existing = new Source
                {
                    Id = id, Title = title, Publisher = existing.Publisher, Url = url, Kind = existing.Kind, Language = existing.Language,
                };
            }
            return existing;
        }
        return _sources[id] = new Source
        {
            Id = id, Title = title ?? fallbackTitle, Publisher = "[not recorded]", Url = url, Kind = SourceKind.DatasetCitedDocument, Language = "und",
        };
    }

    private Source DatasetRecord(string dataset)
    {
        var id = "dataset-" + dataset;
        if (!_sources.TryGetValue(id, out var source))
        {
            var m = Manifest(dataset);
            _sources[id] = source = new Source
            {
                Id = id, Title = m.Title, Publisher = m.Publisher, Url = m.Url, Kind = SourceKind.DatasetRecord, Language = "en",
                PublishedOn = m.SnapshotDate,
            };
        }
        return source;
    }

    private DatasetManifest Manifest(string dataset) =>
        _input.Manifests.FirstOrDefault(m => m.Id == dataset) ?? throw new ImportFormatException($"seed-data/imports/{dataset}/manifest.json is missing");

    private void Reject(string dataset, RecordLocation at, string reason, string? value) =>
        _report.Add((dataset, new Rejection { Id = "", DatasetId = dataset, Kind = ImportReportKind.Rejected, File = at.File, Row = at.Row, Column = at.Column, Reason = reason, Value = value }));

    private void Count(string dataset) => _imported[dataset] = _imported.GetValueOrDefault(dataset) + 1;

    private static string ShortHash(string s, int length = 8) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..length];

    private IEnumerable<object> Emit()
    {
        // Identifier claims: one held by organizations whose names do not agree is a conflict, served with a warning.
        var warnings = new Dictionary<(IdentifierScheme, string), string>();
        foreach (var g in _identifiers.GroupBy(i => (i.Scheme, i.Value)))
        {
            var orgs = g.Select(i => i.Org).Distinct().ToList();
            if (orgs.Count > 1 && orgs.Select(o => o.NameKey).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                var names = string.Join(", ", orgs.Select(o => $"{o.Name} ({o.Id})"));
                warnings[g.Key] = $"Also claimed for {orgs.Count - 1} other organization(s) whose names do not agree ({names}): not used to merge or to look up.";
                foreach (var dataset in g.Select(i => i.Dataset).Distinct())
                {
                    _report.Add((dataset, new Rejection
                    {
                        Id = "", DatasetId = dataset, Kind = ImportReportKind.IdentifierConflict, File = "", Row = "",
                        Reason = $"{EnumNames.Of(g.Key.Scheme)} {g.Key.Value} is claimed for organizations whose names do not agree: {names}", Value = g.Key.Value,
                    }));
                }
            }
        }
        // One organization with two values of a scheme that admits one (Wikidata) from two files: warn on both.
        foreach (var g in _identifiers.Where(i => i.Scheme == IdentifierScheme.WikidataQid).GroupBy(i => i.Org))
        {
            var values = g.Select(i => i.Value).Distinct(StringComparer.Ordinal).ToList();
            if (values.Count > 1)
            {
                foreach (var v in values)
                {
                    warnings.TryAdd((IdentifierScheme.WikidataQid, v), $"Klimatkollen's files give this organization {values.Count} different Wikidata ids ({string.Join(", ", values)}).");
                }
            }
        }

        var ordinal = 1;
        foreach (var m in _input.Manifests.OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            var rejected = _report.Count(r => r.Dataset == m.Id && r.Entry.Kind == ImportReportKind.Rejected) + ImporterRejections(m.Id).Count();
            yield return new ImportedDataset
            {
                Id = m.Id, Kind = DatasetKind.Imported, Title = m.Title, Publisher = m.Publisher, Url = m.Url, RetrievedFrom = m.RetrievedFrom,
                Licence = m.Licence, LicenceUrl = m.LicenceUrl, Attribution = m.Attribution, SnapshotDate = m.SnapshotDate, AccessedOn = m.AccessedOn,
                Checks = m.Checks, RowsRead = RowsRead(m.Id), RowsImported = _imported.GetValueOrDefault(m.Id), RowsRejected = rejected, Ordinal = ordinal++,
            };
            foreach (var f in m.Files)
            {
                yield return new DatasetFile
                {
                    DatasetId = m.Id, Name = f.Name, Sha256 = f.Sha256, Description = f.Description,
                    Bytes = _input.FileSizes.GetValueOrDefault((m.Id, f.Name)),
                };
            }
        }
        foreach (var s in _sources.Values.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            yield return s;
        }
        foreach (var d in _resolver.Drafts.Where(d => d.FixedId is null).OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            yield return new Organization { Id = d.Id, Name = d.Name, Kind = OrganizationKind.Company, Country = d.Country };
        }
        foreach (var i in _identifiers.DistinctBy(i => (i.Org.Id, i.Scheme, i.Value, i.Dataset)))
        {
            yield return new Identifier
            {
                OrganizationId = i.Org.Id, Scheme = i.Scheme, Value = i.Value, DatasetId = i.Dataset, Method = i.Method,
                Warning = warnings.GetValueOrDefault((i.Scheme, i.Value)),
            };
        }
        var keys = new HashSet<(string, string)>();
        foreach (var r in _records)
        {
            var key = keys.Add((r.Dataset, r.Key)) ? r.Key : $"{r.Key} ({r.At})";
            keys.Add((r.Dataset, key));
            yield return new OrganizationRecord
            {
                OrganizationId = r.Org.Id, DatasetId = r.Dataset, RecordKey = key, RecordName = r.Name, Location = r.At.ToString(), Method = r.Method, Note = r.Note,
            };
        }
        foreach (var c in _classes.DistinctBy(c => (c.Org.Id, c.Dataset, c.Scheme, c.Label)))
        {
            yield return new Classification { OrganizationId = c.Org.Id, DatasetId = c.Dataset, Scheme = c.Scheme, Label = c.Label, Code = c.Code };
        }
        foreach (var fact in _facts)
        {
            yield return fact;
        }
        var corrected = _input.Corrections.Select(c => (c.Dataset, new Rejection
        {
            Id = "", DatasetId = c.Dataset, Kind = ImportReportKind.Corrected, File = c.File, Row = $"row {c.Row}", Column = c.Column,
            Reason = $"corrected by our override: '{c.Old}' -> '{c.New}': {c.Why}", Value = c.New,
        }));
        foreach (var group in ImporterRejections().Concat(_report).Concat(corrected).GroupBy(r => r.Dataset))
        {
            var n = 0;
            foreach (var (_, entry) in group)
            {
                yield return new Rejection
                {
                    Id = $"{group.Key}:{++n:D6}", DatasetId = group.Key, Kind = entry.Kind, File = entry.File, Row = entry.Row,
                    Column = entry.Column, Reason = entry.Reason, Value = entry.Value,
                };
            }
        }
    }

    private int RowsRead(string dataset) => dataset switch
    {
        NetZeroTrackerId => _input.NetZeroTracker?.RowsRead ?? 0,
        CarbonGapId => _input.CarbonGap?.RowsRead ?? 0,
        KlimatkollenId => (_input.Klimatkollen?.RowsRead ?? 0) + (_input.KlimatkollenFacit?.RowsRead ?? 0) + (_input.KlimatkollenWikidata?.RowsRead ?? 0),
        OpenClimateId => _input.Leis?.RowsRead ?? 0,
        _ => 0,
    };

    private IEnumerable<(string Dataset, Rejection Entry)> ImporterRejections(string? only = null)
    {
        IEnumerable<(string, IReadOnlyList<ImportRejection>?)> all =
        [
            (NetZeroTrackerId, _input.NetZeroTracker?.Rejections), (CarbonGapId, _input.CarbonGap?.Rejections),
            (KlimatkollenId, _input.Klimatkollen?.Rejections), (KlimatkollenId, _input.KlimatkollenFacit?.Rejections),
            (KlimatkollenId, _input.KlimatkollenWikidata?.Rejections), (OpenClimateId, _input.Leis?.Rejections),
        ];
        foreach (var (dataset, rejections) in all)
        {
            if (only is not null && dataset != only)
            {
                continue;
            }
            foreach (var r in rejections ?? [])
            {
                yield return (dataset, new Rejection
                {
                    Id = "", DatasetId = dataset, Kind = ImportReportKind.Rejected, File = r.At.File, Row = r.At.Row, Column = r.At.Column,
                    Reason = r.Reason, Value = r.Value,
                });
            }
        }
    }
}
