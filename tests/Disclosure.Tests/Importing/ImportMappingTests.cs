using Disclosure.Store.Data;
using Disclosure.Store.Importing;
using Disclosure.Store.Importing.CarbonGap;
using Disclosure.Store.Importing.NetZeroTracker;
using Disclosure.Store.Importing.OpenClimate;
using Disclosure.Store.Importing.Resolution;
using Disclosure.Store.Seeding;

namespace Disclosure.Tests.Importing;

/// <summary>
/// The import mapping on small hand-made records: one organization per company (merged, not merged, ambiguous,
/// manual links), identifiers that conflict, IDs that do not depend on row order, and provenance on every fact.
/// </summary>
public sealed class ImportMappingTests
{
    private static readonly SeedModel.Scope[] Scopes =
    [
        new() { Id = "scope-1", Code = "SCOPE_1", Name = "Scope 1", Framework = ScopeFramework.GhgProtocol, Kind = ScopeKind.Scope, Definition = "d", Citations = [] },
        new() { Id = "scope-2", Code = "SCOPE_2", Name = "Scope 2", Framework = ScopeFramework.GhgProtocol, Kind = ScopeKind.Scope, Definition = "d", Citations = [] },
        new() { Id = "scope-3", Code = "SCOPE_3", Name = "Scope 3", Framework = ScopeFramework.GhgProtocol, Kind = ScopeKind.Scope, Definition = "d", Citations = [] },
    ];

    private static readonly (string, string)[] Curated = [("alibaba-group", "Alibaba Group")];

    [Fact]
    public void The_same_company_in_two_datasets_is_one_organization_linked_by_its_normalised_name()
    {
        var rows = Map(Input([Nzt("COM-0001", "Apple Inc.", isin: "US0378331005")], [Cg("Apple", 2020, 1, 100)]));

        var apple = Assert.Single(rows.OfType<Organization>());
        Assert.Equal(("apple-inc", "Apple Inc.", "USA"), (apple.Id, apple.Name, apple.Country));
        var records = rows.OfType<OrganizationRecord>().OrderBy(r => r.DatasetId).ToList();
        Assert.Equal([(ImportMapper.CarbonGapId, LinkMethod.NormalizedName), (ImportMapper.NetZeroTrackerId, LinkMethod.Origin)],
            records.Select(r => (r.DatasetId, r.Method)));
        Assert.Contains("'apple'", records[0].Note);
        Assert.All(rows.OfType<Figure>(), f => Assert.Equal("apple-inc", f.OrganizationId));
    }

    [Fact]
    public void A_name_that_matches_more_than_one_candidate_is_not_merged_and_is_reported()
    {
        var rows = Map(Input([Nzt("COM-0524", "Prudential"), Nzt("COM-2000", "Prudential")], [Cg("Prudential plc", 2020, 1, 5)]));

        var organizations = rows.OfType<Organization>().Select(o => o.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["prudential", "prudential-com-2000", "prudential-plc"], organizations);
        var report = rows.OfType<ImportReportEntry>().Where(r => r.Kind == ImportReportKind.NotMerged).ToList();
        Assert.Equal(3, report.Count);
        Assert.Contains(report, r => r.DatasetId == ImportMapper.CarbonGapId && r.Reason.Contains("not merged", StringComparison.Ordinal));
        Assert.Equal("prudential-plc", Assert.Single(rows.OfType<Figure>()).OrganizationId);
    }

    [Fact]
    public void A_curated_organization_is_reached_only_by_a_documented_manual_link()
    {
        var link = new ManualLink { Dataset = ImportMapper.NetZeroTrackerId, Record = "COM-0478", Organization = "alibaba-group", Why = "the report it cites" };
        var linked = Map(Input([Nzt("COM-0478", "Alibaba Group")], overrides: [link]));
        var unlinked = Map(Input([Nzt("COM-0478", "Alibaba Group")]));

        Assert.Empty(linked.OfType<Organization>());
        var record = Assert.Single(linked.OfType<OrganizationRecord>());
        Assert.Equal(("alibaba-group", LinkMethod.ManualOverride, "the report it cites"), (record.OrganizationId, record.Method, record.Note));
        // The same name without the link is never matched to the curated organization, and its slug stays clear of it.
        Assert.Equal("alibaba-group-com-0478", Assert.Single(unlinked.OfType<Organization>()).Id);
    }

    [Fact]
    public void A_manual_link_whose_record_is_gone_stops_the_build()
    {
        var link = new ManualLink { Dataset = ImportMapper.NetZeroTrackerId, Record = "COM-9999", Organization = "alibaba-group", Why = "gone" };
        var error = Assert.Throws<ImportFormatException>(() => Map(Input([Nzt("COM-0001", "Apple")], overrides: [link])));
        Assert.Contains("COM-9999", error.Message);
    }

    [Fact]
    public void An_identifier_held_by_companies_whose_names_disagree_carries_a_warning_and_is_reported()
    {
        var rows = Map(Input([Nzt("COM-0100", "Ford Motor", isin: "US3453708600"), Nzt("COM-0200", "Formosa Plastics", isin: "US3453708600"), Nzt("COM-0300", "Honda", isin: "JP3854600008")]));

        var isins = rows.OfType<Identifier>().Where(i => i.Scheme == IdentifierScheme.Isin).ToList();
        Assert.All(isins.Where(i => i.Value == "US3453708600"), i => Assert.Contains("names do not agree", i.Warning));
        Assert.Null(isins.Single(i => i.Value == "JP3854600008").Warning);
        var conflict = Assert.Single(rows.OfType<ImportReportEntry>(), r => r.Kind == ImportReportKind.IdentifierConflict);
        Assert.Contains("US3453708600", conflict.Reason);
    }

    [Fact]
    public void An_lei_match_is_attached_only_to_the_one_company_of_that_name()
    {
        var leis = new ImportBatch<LeiMatch>
        {
            Records = [Lei("5493000LKVGOO9PELI61", "ABB"), Lei("529900EHPFPYHV6IQO98", "Prudential"), Lei("549300ZZZZZZZZZZZZ00", "Nobody")],
            Rejections = [], RowsRead = 3,
        };
        var rows = Map(Input([Nzt("COM-0001", "ABB"), Nzt("COM-0524", "Prudential"), Nzt("COM-2000", "Prudential")], leis: leis));

        var lei = Assert.Single(rows.OfType<Identifier>(), i => i.Scheme == IdentifierScheme.Lei);
        Assert.Equal(("abb", "5493000LKVGOO9PELI61", ImportMapper.OpenClimateId), (lei.OrganizationId, lei.Value, lei.DatasetId));
        Assert.Contains("name match", lei.Method);
        var rejected = rows.OfType<ImportReportEntry>().Where(r => r.DatasetId == ImportMapper.OpenClimateId && r.Kind == ImportReportKind.Rejected).ToList();
        Assert.Equal(2, rejected.Count);
        Assert.Contains(rejected, r => r.Reason.Contains("2 Net Zero Tracker companies", StringComparison.Ordinal));
    }

    [Fact]
    public void Ids_depend_on_names_and_dataset_ids_never_on_row_order()
    {
        NztCompany[] companies = [Nzt("COM-0524", "Prudential"), Nzt("COM-2000", "Prudential"), Nzt("COM-0001", "Apple")];
        CarbonGapCompany[] gap = [Cg("Apple", 2019, 3, 7), Cg("Zeta AG", 2020, 2, 9)];

        var forward = Map(Input(companies, gap));
        var backward = Map(Input([.. companies.Reverse()], [.. gap.Reverse()]));

        Assert.Equal(Ids(forward), Ids(backward));
    }

    [Fact]
    public void Every_imported_fact_says_through_which_dataset_where_and_how_far_it_was_checked()
    {
        var rows = Map(Input([Nzt("COM-0001", "Apple", end: Target("Net zero", 2030, "'We will be net zero by 2030' (p9)", NztTextKind.QuotedWithPage, ["9"]))],
            [Cg("Apple", 2020, 2, 100, Scope2Basis.LocationBasedWhereAvailable)]));

        var citations = rows.OfType<Citation>().ToList();
        Assert.Equal(3, citations.Count); // the assessment, the target, the figure
        Assert.All(citations, c =>
        {
            Assert.False(string.IsNullOrEmpty(c.DatasetLocation));
            Assert.True(c.Quote is not null || c.Recorded is not null, $"{c.SubjectType} {c.SubjectId} has neither a quote nor what was recorded");
        });
        var target = citations.Single(c => c.SubjectType == nameof(Target));
        Assert.Equal(("'We will be net zero by 2030' (p9)", "9", Verification.QuotedAsRecorded), (target.Quote, target.Page, target.Verification));
        var figure = citations.Single(c => c.SubjectType == nameof(Figure));
        Assert.Null(figure.Quote);
        Assert.Equal(Verification.ValueAsRecorded, figure.Verification);
        Assert.Contains("Environmental Progress Report - Apple, page 67", figure.Recorded);
        var scope2 = Assert.Single(rows.OfType<Figure>());
        Assert.Equal((Scope2Method.LocationBasedWhereAvailable, PeriodKind.ReportingYear, (DateOnly?)null, 2020), (scope2.Scope2Method, scope2.PeriodKind, scope2.PeriodStart, scope2.Year));
        var netZero = Assert.Single(rows.OfType<Target>());
        Assert.Equal((TargetKind.NetZero, TargetStatus.NotStated, "Net zero", TargetRole.End), (netZero.Kind, netZero.Status, netZero.Category, netZero.Role));
    }

    [Fact]
    public void No_target_is_an_assessment_that_found_none_not_a_missing_value()
    {
        var rows = Map(Input([Nzt("COM-0001", "Apple", end: Target("No target", null, null, NztTextKind.None, []))]));

        Assert.Empty(rows.OfType<Target>());
        var assessment = Assert.Single(rows.OfType<Assessment>());
        Assert.Equal((false, "No target", new DateOnly(2022, 12, 20)), (assessment.HasTarget, assessment.EndTargetCategory, assessment.AssessedOn));
    }

    [Fact]
    public void Scopes_go_on_a_target_only_where_the_dataset_says_which_target_covers_them()
    {
        var rows = Map(Input([Nzt("COM-0478", "Alibaba",
            end: Target("Carbon neutral(ity)", 2030, "text", NztTextKind.Summary, [], scopes: [1, 2]),
            interim: Target("Emissions reduction target", 2030, "text", NztTextKind.Summary, [], scopes: null, end: false))]));

        var scopes = rows.OfType<TargetScope>().ToList();
        Assert.Equal(["scope-1", "scope-2"], scopes.Where(s => s.TargetId == "nzt-com-0478-end-target").Select(s => s.ScopeId));
        Assert.DoesNotContain(scopes, s => s.TargetId == "nzt-com-0478-interim-target");
    }

    [Fact]
    public void Legal_suffixes_case_and_punctuation_do_not_change_a_name_key()
    {
        Assert.Equal("volvo", NameKey.Of("AB Volvo (publ)"));
        Assert.Equal("volvo", NameKey.Of("VOLVO"));
        Assert.Equal("nestle", NameKey.Of("Nestlé S.A."));
        Assert.Equal("orsted", NameKey.Of("Ørsted A/S"));
        Assert.NotEqual(NameKey.Of("Ford Motor"), NameKey.Of("Formosa Plastics"));
    }

    // ---- builders --------------------------------------------------------------------------------------------

    private static List<object> Map(ImportInput input) => [.. ImportMapper.Rows(input, Curated, Scopes)];

    private static List<string> Ids(List<object> rows) =>
    [
        .. rows.OfType<Organization>().Select(o => "O " + o.Id)
            .Concat(rows.OfType<Figure>().Select(f => $"F {f.Id} {f.OrganizationId}"))
            .Concat(rows.OfType<Target>().Select(t => $"T {t.Id} {t.OrganizationId}"))
            .Concat(rows.OfType<OrganizationRecord>().Select(r => $"R {r.DatasetId} {r.RecordKey} {r.OrganizationId}"))
            .Order(StringComparer.Ordinal),
    ];

    private static ImportInput Input(NztCompany[] nzt, CarbonGapCompany[]? gap = null, ImportBatch<LeiMatch>? leis = null,
        ManualLink[]? overrides = null) => new()
    {
        Manifests = [Manifest(ImportMapper.NetZeroTrackerId), Manifest(ImportMapper.CarbonGapId), Manifest(ImportMapper.OpenClimateId)],
        Overrides = new OrganizationOverrides { Links = overrides ?? [] },
        NetZeroTracker = new ImportBatch<NztCompany> { Records = nzt, Rejections = [], RowsRead = nzt.Length },
        CarbonGap = new ImportBatch<CarbonGapCompany> { Records = gap ?? [], Rejections = [], RowsRead = gap?.Length ?? 0 },
        Leis = leis,
    };

    private static DatasetManifest Manifest(string id) => new()
    {
        Id = id, Title = id, Publisher = "p", Url = "https://example.org/" + id, Licence = "CC BY 4.0", LicenceUrl = "https://creativecommons.org/licenses/by/4.0/",
        Attribution = "a", SnapshotDate = new DateOnly(2022, 12, 20), Checks = "c", Files = [],
    };

    private static NztCompany Nzt(string id, string name, string? isin = null, NztTarget? end = null, NztTarget? interim = null) => new()
    {
        At = new RecordLocation("snapshot.xlsx", $"row {id[4..]}"), IdCode = id, Name = name, Country = "USA", Isin = isin,
        EndTarget = end, InterimTarget = interim, Assessment = [new RecordedField("scope_1", "Yes")],
    };

    private static NztTarget Target(string category, int? year, string? text, NztTextKind kind, IReadOnlyList<string> pages, IReadOnlyList<int>? scopes = null, bool end = true) => new()
    {
        At = new RecordLocation("snapshot.xlsx", "row 9"), IsEndTarget = end, Category = category, TargetYear = year, Text = text, TextKind = kind, Pages = pages, Scopes = scopes,
    };

    private static CarbonGapCompany Cg(string name, int year, int scope, long value, Scope2Basis? basis = null) => new()
    {
        At = new RecordLocation("database.csv", "row 3"), ForbesRank = 7, Name = name, Industry = "IT Software & Services", CountryName = "United States", Country = "USA",
        Datasource = "Environmental Progress Report - Apple, page 67 https://example.org/apple.pdf",
        Source = new CarbonGapSource { ReportName = "Environmental Progress Report - Apple", Page = "67", Url = "https://example.org/apple.pdf", IsLocalFile = false },
        Figures = [new CarbonGapFigure { At = new RecordLocation("database.csv", "row 3", "Scope"), Year = year, Scope = scope, Published = value.ToString(System.Globalization.CultureInfo.InvariantCulture), Value = value, Header = "Scope", Scope2Basis = basis }],
    };

    private static LeiMatch Lei(string lei, string name) => new() { At = new RecordLocation("Actor.csv", "row 2"), Lei = lei, Name = name, Country = "CH", DataSourceId = "GLEIF_golden_copy" };
}
