using Disclosure.Api.Figures;
using Disclosure.Api.Paging;
using Disclosure.Store.Data;

namespace Disclosure.Api.GraphQL;

/// <summary>
/// What each connection can be filtered and sorted on: the fields users slice by, each backed by a store index
/// (see DisclosureDbContext), the default ordering, and the long text columns read only when selected. The GraphQL filter and sort inputs are generated from these.
/// </summary>
public static class QuerySpecs
{
    private static readonly QuerySpec<Organization> Organizations = new QuerySpec<Organization>("Organization", o => o.Id, "organizations")
        .Field("name", o => o.Name, "The organization's name.")
        .Field("kind", o => o.Kind, "How the organization stands in its group.")
        .Field("parent", o => o.ParentId, "The slug of the parent organization.", sort: false)
        .Field("country", o => o.Country, "The country as ISO 3166-1 alpha-3 (e.g. `DEU`, `CHN`), as the datasets record it.")
        .Filter("identifier", "Organizations that hold one of these identifiers (ISIN, LEI, Wikidata QID, Net Zero Tracker id); identifiers served with a warning never match.",
            (db, values) => o => db.Identifiers.Any(i => i.OrganizationId == o.Id && values.Contains(i.Value) && i.Warning == null))
        .Filter("industry", "Organizations a dataset classifies under one of these sector or industry labels, in the dataset's own words (e.g. `Retail`, `Banking`).",
            (db, labels) => o => db.Classifications.Any(c => c.OrganizationId == o.Id && labels.Contains(c.Label)))
        .Filter("hasTargetKind", "Organizations with at least one target of one of these kinds (e.g. `NET_ZERO`, `CARBON_NEUTRALITY`).",
            (db, kinds) =>
            {
                var parsed = TargetKinds(kinds);
                return o => db.Targets.Any(t => t.OrganizationId == o.Id && parsed.Contains(t.Kind));
            })
        .Filter("dataset", "Organizations that one of these datasets has a record of (dataset ids, e.g. `net-zero-tracker-2022-12-20`).",
            (db, ids) => o => db.OrganizationRecords.Any(r => r.OrganizationId == o.Id && ids.Contains(r.DatasetId)) || (ids.Contains(ImportedDataset.CuratedId) && o.Kind != OrganizationKind.Company))
        .Filter("endTargetCategory", "Organizations whose end target a dataset's assessment records in one of these categories, as recorded (e.g. `No target`: assessed and found to have none; `Net zero`).",
            (db, categories) => o => db.Assessments.Any(a => a.OrganizationId == o.Id && a.EndTargetCategory != null && categories.Contains(a.EndTargetCategory)))
        .ReadWhenSelected(o => o.Mission, "mission")
        .OrderBy(("name", SortDirection.Asc));

    private static readonly QuerySpec<Target> Targets = new QuerySpec<Target>("Target", t => t.Id, "targets")
        .Field("organization", t => t.OrganizationId, "The slug of the organization that set the target.")
        .Field("kind", t => t.Kind, "The kind of target.")
        .Field("status", t => t.Status, "The target's status.")
        .Field("baselineYear", t => t.BaselineYear, "The baseline year (targets without one sort first).")
        .Field("targetYear", t => t.TargetYear, "The target year (targets without one never match).", sort: false)
        .Field("targetYear", t => t.TargetYearSortKey, "The target year (targets without one sort first).", filter: false)
        .Field("category", t => t.Category, "The target's category in the dataset's own words (e.g. `Net zero`).", sort: false)
        .Field("recordedStatus", t => t.RecordedStatus, "The status as the dataset recorded it (e.g. `In corporate strategy`).", sort: false)
        .Field("role", t => t.Role, "End or interim target.", sort: false)
        .Field("dataset", t => t.DatasetId, "The id of the dataset the target came through (e.g. `net-zero-tracker-2022-12-20`, `disclosure-curated`).", sort: false)
        .Field("verification", t => t.Verification, "How far the target was checked against what it rests on.", sort: false)
        .Field("announcedOn", t => t.AnnouncedOn, "The announcement date.")
        .Filter("scope", "Targets that cover a scope, by scope code (e.g. `SCOPE_3`, `SCOPE_3_PLUS`).",
            (db, codes) => t => db.TargetScopes.Any(ts => ts.TargetId == t.Id && db.Scopes.Any(s => s.Id == ts.ScopeId && codes.Contains(s.Code))))
        .ReadWhenSelected(t => t.Text, "text")
        .OrderBy(("targetYear", SortDirection.Asc));

    private static readonly QuerySpec<Figure> Figures = new QuerySpec<Figure>("Figure", f => f.Id, "figures")
        .Field("organization", f => f.OrganizationId, "The slug of the organization the figure is for.")
        .Field("metric", f => f.Metric, "What the figure measures.")
        .Field("periodKind", f => f.PeriodKind, "Fiscal year, calendar year, range or single date.", sort: false)
        .Field("fiscalYear", f => f.FiscalYear, "The fiscal year (fiscal-year figures only; others sort first).")
        .Field("calendarYear", f => f.CalendarYear, "The calendar year (calendar-year figures only; others sort first).")
        .Field("periodStart", f => f.PeriodStart, "The first day of the figure's period (reporting-year figures, which have no dates, never match).", sort: false)
        .Field("periodStart", f => f.PeriodSortKey, "The first day of the figure's period; a reporting-year figure, which has no dates, sorts at the 1st of January of its year.", filter: false)
        .Field("year", f => f.Year, "The year the figure is labelled with: fiscal, calendar or the dataset's reporting year (ranges and dates sort first).")
        .Field("category", f => f.Category, "The Scope 3 category number (1-15; 16 is \"other\" as Klimatkollen records it).", sort: false)
        .Field("scope2Method", f => f.Scope2Method, "Market- or location-based, for Scope 2 figures whose dataset says it.", sort: false)
        .Field("dataset", f => f.DatasetId, "The id of the dataset the figure came through (e.g. `carbon-gap-2021`, `disclosure-curated`).", sort: false)
        .Field("verification", f => f.Verification, "How far the figure was checked against what it rests on.", sort: false)
        .Field("periodEnd", f => f.PeriodEnd, "The last day of the figure's period (reporting-year figures have none and sort first).")
        .Field("confidence", f => f.Confidence, "The confidence rating.")
        .Field("basis", f => f.Basis, "Gross or net.", sort: false)
        .Field("unit", f => f.Unit, "The unit as published.", sort: false)
        .Field("normalizedValue", f => f.NormalizedValue, "The value in tCO2e or kWh (figures in other units sort first).")
        .Field("target", f => f.TargetId, "The slug of the target the figure measures.", sort: false)
        .Field("report", f => f.ReportId, "The slug of the report the figure was published in.", sort: false)
        .Filter("scope", "Figures about a scope, by scope code (e.g. `SCOPE_1`); total emissions count for Scopes 1, 2 and 3.",
            (_, codes) =>
            {
                var metrics = Enum.GetValues<Metric>().Where(m => MetricScopes.Of(m).Intersect(codes).Any()).ToList();
                return f => metrics.Contains(f.Metric);
            })
        .ReadWhenSelected(f => f.Subject, "subject")
        .ReadWhenSelected(f => f.ConfidenceNote, "confidenceNote")
        .ReadWhenSelected(f => f.Note, "note")
        .OrderBy(("periodStart", SortDirection.Asc));

    private static readonly QuerySpec<Report> Reports = new QuerySpec<Report>("Report", r => r.Id, "reports")
        .Field("organization", r => r.OrganizationId, "The slug of the publishing organization.")
        .Field("kind", r => r.Kind, "The kind of report.")
        .Field("fiscalYear", r => r.FiscalYear, "The fiscal year covered (reports without one sort first).")
        .Field("publishedOn", r => r.PublishedOn, "The publication date.")
        .OrderBy(("publishedOn", SortDirection.Asc));

    private static readonly QuerySpec<Commitment> Commitments = new QuerySpec<Commitment>("Commitment", c => c.Id, "commitments")
        .Field("organization", c => c.OrganizationId, "The slug of the organization.")
        .Field("kind", c => c.Kind, "The kind of commitment.")
        .Field("madeOn", c => c.MadeOn, "When it was announced (undated first).")
        .ReadWhenSelected(c => c.Description, "description")
        .OrderBy(("organization", SortDirection.Asc))
        .OrderNestedBy(("madeOn", SortDirection.Asc));

    private static readonly QuerySpec<GovernanceBody> Bodies = new QuerySpec<GovernanceBody>("GovernanceBody", b => b.Id, "governanceBodies")
        .Field("organization", b => b.OrganizationId, "The slug of the organization the body governs.")
        .Field("tier", b => b.Tier, "The tier in the three-tier ESG framework (bodies outside it sort first).")
        .Field("level", b => b.Level, "The level at which the body works.")
        .Field("name", b => b.Name, "The body's name.")
        .ReadWhenSelected(b => b.Mandate, "mandate")
        .OrderBy(("organization", SortDirection.Asc))
        .OrderNestedBy(("tier", SortDirection.Asc));

    private static readonly QuerySpec<Membership> Memberships = new QuerySpec<Membership>("Membership", m => m.Id, "memberships")
        .Field("body", m => m.BodyId, "The slug of the governance body.", sort: false)
        .Field("person", m => m.PersonId, "The slug of the person.", sort: false)
        .Field("role", m => m.Role, "Chair or member.")
        .Field("since", m => m.Since, "The date from which a source attests the membership (undated first).")
        .Field("until", m => m.Until, "The reported end date.", sort: false)
        .ReadWhenSelected(m => m.Note, "note")
        .OrderBy(("role", SortDirection.Asc), ("since", SortDirection.Asc));

    private static readonly QuerySpec<Person> People = new QuerySpec<Person>("Person", p => p.Id, "people")
        .Field("name", p => p.Name, "The person's name.")
        .Field("nativeName", p => p.NativeName, "The name in Chinese characters.", sort: false)
        .OrderBy(("name", SortDirection.Asc));

    private static readonly QuerySpec<Statement> Statements = new QuerySpec<Statement>("Statement", s => s.Id, "statements")
        .Field("organization", s => s.OrganizationId, "The slug of the organization.")
        .Field("speaker", s => s.SpeakerId, "The slug of the speaker.", sort: false)
        .Field("saidOn", s => s.SaidOn, "When it was said.")
        .ReadWhenSelected(s => s.Text, "text")
        .OrderBy(("saidOn", SortDirection.Asc));

    private static readonly QuerySpec<Source> Sources = new QuerySpec<Source>("Source", s => s.Id, "sources")
        .Field("kind", s => s.Kind, "The kind of document.")
        .Field("publisher", s => s.Publisher, "The publisher.")
        .Field("language", s => s.Language, "The language tag.", sort: false)
        .Field("title", s => s.Title, "The title.", sort: false)
        .Field("publishedOn", s => s.PublishedOn, "The publication date (undated first).")
        .OrderBy(("publishedOn", SortDirection.Asc));

    private static readonly QuerySpec<Citation> Citations = new QuerySpec<Citation>("Citation", c => c.SubjectId, "citations")
        .Field("subjectType", c => c.SubjectType, "The type of fact cited (e.g. `Figure`, `Target`).", sort: false)
        .Field("subject", c => c.SubjectId, "The slug of the fact cited.", sort: false)
        .Field("ordinal", c => c.Ordinal, "0 for a fact's primary citation.", sort: false)
        .Field("dataset", c => c.DatasetId, "The id of the dataset the cited fact came through.", sort: false)
        .Field("verification", c => c.Verification, "How far the citation was checked.", sort: false)
        .OrderBy(("subjectType", SortDirection.Asc), ("subject", SortDirection.Asc), ("ordinal", SortDirection.Asc));

    private static readonly QuerySpec<ImportReportEntry> Rejections = new QuerySpec<ImportReportEntry>("ImportReportEntry", r => r.Id, "report")
        .Field("kind", r => r.Kind, "Rejected row or value, name not merged, or conflicting identifier.", sort: false)
        .Field("file", r => r.File, "The publisher file.", sort: false)
        .Field("reason", r => r.Reason, "The reason, as written in the report.")
        .OrderBy(("reason", SortDirection.Asc));

    private static readonly QuerySpec<Assessment> Assessments = new QuerySpec<Assessment>("Assessment", a => a.Id, "assessments")
        .Field("organization", a => a.OrganizationId, "The slug of the organization assessed.")
        .Field("dataset", a => a.DatasetId, "The id of the dataset that made the assessment.", sort: false)
        .Field("endTargetCategory", a => a.EndTargetCategory, "The end-target category as recorded (`No target` when the company had none).")
        .Field("status", a => a.Status, "The status as recorded (e.g. `In corporate strategy`).", sort: false)
        .Field("assessedOn", a => a.AssessedOn, "The date of the assessment (the snapshot's date).", sort: false)
        .OrderBy(("organization", SortDirection.Asc));

    private static List<TargetKind> TargetKinds(IReadOnlyList<string> names)
    {
        var byName = Enum.GetValues<TargetKind>().ToDictionary(k => EnumNames.Of(k), k => k, StringComparer.Ordinal);
        return [.. names.Select(n => byName.TryGetValue(n, out var k) ? k
            : throw new global::GraphQL.ExecutionError($"'{n}' is not a TargetKind; use one of {string.Join(", ", byName.Keys)}.") { Code = "INVALID_FILTER" })];
    }

    public static QuerySpec<T> Get<T>() where T : class => (QuerySpec<T>)(object)(typeof(T).Name switch
    {
        nameof(Organization) => (object)Organizations,
        nameof(Target) => Targets,
        nameof(Figure) => Figures,
        nameof(Report) => Reports,
        nameof(Commitment) => Commitments,
        nameof(GovernanceBody) => Bodies,
        nameof(Membership) => Memberships,
        nameof(Person) => People,
        nameof(Statement) => Statements,
        nameof(Source) => Sources,
        nameof(Citation) => Citations,
        nameof(ImportReportEntry) => Rejections,
        nameof(Assessment) => Assessments,
        _ => throw new NotSupportedException($"No connection over {typeof(T).Name}."),
    });
}
