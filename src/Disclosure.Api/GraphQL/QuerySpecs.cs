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
        .ReadWhenSelected(o => o.Mission, "mission")
        .OrderBy(("name", SortDirection.Asc));

    private static readonly QuerySpec<Target> Targets = new QuerySpec<Target>("Target", t => t.Id, "targets")
        .Field("organization", t => t.OrganizationId, "The slug of the organization that set the target.")
        .Field("kind", t => t.Kind, "The kind of target.")
        .Field("status", t => t.Status, "The target's status.")
        .Field("baselineYear", t => t.BaselineYear, "The baseline year (targets without one sort first).")
        .Field("targetYear", t => t.TargetYear, "The target year.")
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
        .Field("periodStart", f => f.PeriodStart, "The first day of the figure's period.")
        .Field("periodEnd", f => f.PeriodEnd, "The last day of the figure's period.")
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
        .OrderBy(("subjectType", SortDirection.Asc), ("subject", SortDirection.Asc), ("ordinal", SortDirection.Asc));

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
        _ => throw new NotSupportedException($"No connection over {typeof(T).Name}."),
    });
}
