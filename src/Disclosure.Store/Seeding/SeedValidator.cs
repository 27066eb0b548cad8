using System.Text.RegularExpressions;
using Disclosure.Store.Data;

namespace Disclosure.Store.Seeding;

/// <summary>
/// The rules a parsed seed dataset must follow beyond its JSON shape: slug ids unique per collection, references
/// that resolve, citations with a known source and a quote (found verbatim in the source's text when we hold it),
/// units that fit the metric, periods that are one thing, dates in order.
/// </summary>
public static partial class SeedValidator
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    public static IReadOnlyList<SeedError> Validate(SeedDataset d)
    {
        var v = new Context(d);

        var sources = v.Ids(SeedLoader.SourcesFile, "sources", d.Sources, s => s.Id);
        for (var i = 0; i < d.Sources.Count; i++)
        {
            var s = d.Sources[i];
            var at = new At(SeedLoader.SourcesFile, $"$.sources[{i}]");
            v.Text(at, "title", s.Title);
            v.Text(at, "publisher", s.Publisher);
            v.Text(at, "language", s.Language);
            if (!Uri.TryCreate(s.Url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                v.Error(at.Then("url"), $"'{s.Url}' is not an absolute http(s) URL");
            }
        }
        v.Sources = sources;

        var organizations = v.Ids(SeedLoader.OrganizationsFile, "organizations", d.Organizations, o => o.Id);
        for (var i = 0; i < d.Organizations.Count; i++)
        {
            var o = d.Organizations[i];
            var at = new At(SeedLoader.OrganizationsFile, $"$.organizations[{i}]");
            v.Text(at, "name", o.Name);
            v.Ref(at.Then("parent"), o.Parent, organizations, "organization");
            if (o.Parent == o.Id)
            {
                v.Error(at.Then("parent"), "an organization cannot be its own parent");
            }
            for (var j = 0; j < o.Listings.Count; j++)
            {
                v.Text(at.Then($"listings[{j}]"), "exchange", o.Listings[j].Exchange);
                v.Text(at.Then($"listings[{j}]"), "symbol", o.Listings[j].Symbol);
            }
            v.Citations(at, o.Citations);
        }
        v.NoCycles(SeedLoader.OrganizationsFile, "organizations", d.Organizations, o => o.Id, o => o.Parent);

        var reports = v.Ids(SeedLoader.ReportsFile, "reports", d.Reports, r => r.Id);
        for (var i = 0; i < d.Reports.Count; i++)
        {
            var r = d.Reports[i];
            var at = new At(SeedLoader.ReportsFile, $"$.reports[{i}]");
            v.Text(at, "title", r.Title);
            v.Ref(at.Then("organization"), r.Organization, organizations, "organization");
            v.Year(at.Then("fiscalYear"), r.FiscalYear);
            v.Citations(at, r.Citations);
        }

        var scopes = v.Ids(SeedLoader.ScopesFile, "scopes", d.Scopes, s => s.Id);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < d.Scopes.Count; i++)
        {
            var s = d.Scopes[i];
            var at = new At(SeedLoader.ScopesFile, $"$.scopes[{i}]");
            v.Text(at, "name", s.Name);
            v.Text(at, "definition", s.Definition);
            if (!codes.Add(s.Code))
            {
                v.Error(at.Then("code"), $"duplicate code '{s.Code}'");
            }
            v.Ref(at.Then("parent"), s.Parent, scopes, "scope");
            if ((s.Parent is null) != (s.Relation is null))
            {
                v.Error(at.Then("relation"), "'parent' and 'relation' go together: give both or neither");
            }
            if (s.Kind == ScopeKind.Category)
            {
                if (s.CategoryNumber is not (>= 1 and <= 15))
                {
                    v.Error(at.Then("categoryNumber"), "a category needs a categoryNumber from 1 to 15");
                }
                if (s.Direction is null)
                {
                    v.Error(at.Then("direction"), "a category needs a direction (UPSTREAM or DOWNSTREAM)");
                }
                if (s.Relation != ScopeRelation.CategoryOf)
                {
                    v.Error(at.Then("relation"), "a category needs relation CATEGORY_OF");
                }
            }
            else if (s.CategoryNumber is not null || s.Direction is not null)
            {
                v.Error(at.Then("categoryNumber"), "only a CATEGORY has a categoryNumber and a direction");
            }
            if (s.Framework == ScopeFramework.CompanyDefined && s.DefinedBy is null)
            {
                v.Error(at.Then("definedBy"), "a COMPANY_DEFINED scope needs the organization that defines it");
            }
            v.Ref(at.Then("definedBy"), s.DefinedBy, organizations, "organization");
            v.Citations(at, s.Citations);
        }
        v.NoCycles(SeedLoader.ScopesFile, "scopes", d.Scopes, s => s.Id, s => s.Parent);

        var targets = v.Ids(SeedLoader.TargetsFile, "targets", d.Targets, t => t.Id);
        for (var i = 0; i < d.Targets.Count; i++)
        {
            var t = d.Targets[i];
            var at = new At(SeedLoader.TargetsFile, $"$.targets[{i}]");
            v.Text(at, "name", t.Name);
            v.Text(at, "text", t.Text);
            v.Ref(at.Then("organization"), t.Organization, organizations, "organization");
            if (t.Scopes.Count == 0)
            {
                v.Error(at.Then("scopes"), "a target covers at least one scope");
            }
            for (var j = 0; j < t.Scopes.Count; j++)
            {
                v.Ref(at.Then($"scopes[{j}]"), t.Scopes[j], scopes, "scope");
                if (t.Scopes.Take(j).Contains(t.Scopes[j]))
                {
                    v.Error(at.Then($"scopes[{j}]"), $"scope '{t.Scopes[j]}' is listed twice");
                }
            }
            v.Year(at.Then("targetYear"), t.TargetYear);
            v.Year(at.Then("baselineYear"), t.BaselineYear);
            if (t.BaselineYear >= t.TargetYear)
            {
                v.Error(at.Then("baselineYear"), $"the baseline year {t.BaselineYear} is not before the target year {t.TargetYear}");
            }
            if (t.TargetYear < t.AnnouncedOn.Year)
            {
                v.Error(at.Then("targetYear"), $"the target year {t.TargetYear} is before the announcement ({t.AnnouncedOn:yyyy-MM-dd})");
            }
            if (t.Quantity is { } q)
            {
                if (q.Unit != Unit.Percent && !Units.IsEmission(q.Unit))
                {
                    v.Error(at.Then("quantity.unit"), $"a target quantity is a PERCENT or an emission amount, not {EnumNames.Of(q.Unit)}");
                }
                if (q.Value <= 0 || (q.Unit == Unit.Percent && q.Value > 100))
                {
                    v.Error(at.Then("quantity.value"), $"{q.Value} is out of range for {EnumNames.Of(q.Unit)}");
                }
            }
            if (t.Kind == TargetKind.IntensityReduction && string.IsNullOrWhiteSpace(t.IntensityDenominator))
            {
                v.Error(at.Then("intensityDenominator"), "an INTENSITY_REDUCTION target says what the intensity is per");
            }
            v.Citations(at, t.Citations);
            if (t.Citations.Count > 0 && t.Citations[0].Quote != t.Text)
            {
                v.Error(at.Then("text"), "the target text must be the primary citation's quote, verbatim");
            }
        }

        v.Ids(SeedLoader.CommitmentsFile, "commitments", d.Commitments, c => c.Id);
        for (var i = 0; i < d.Commitments.Count; i++)
        {
            var c = d.Commitments[i];
            var at = new At(SeedLoader.CommitmentsFile, $"$.commitments[{i}]");
            v.Text(at, "name", c.Name);
            v.Text(at, "description", c.Description);
            v.Ref(at.Then("organization"), c.Organization, organizations, "organization");
            v.Citations(at, c.Citations);
        }

        var g = d.Governance;
        var bodies = v.Ids(SeedLoader.GovernanceFile, "bodies", g.Bodies, b => b.Id);
        var people = v.Ids(SeedLoader.GovernanceFile, "people", g.People, p => p.Id);
        v.Ids(SeedLoader.GovernanceFile, "memberships", g.Memberships, m => m.Id);
        for (var i = 0; i < g.Bodies.Count; i++)
        {
            var b = g.Bodies[i];
            var at = new At(SeedLoader.GovernanceFile, $"$.bodies[{i}]");
            v.Text(at, "name", b.Name);
            v.Text(at, "mandate", b.Mandate);
            v.Ref(at.Then("organization"), b.Organization, organizations, "organization");
            if (b.Tier is not (null or >= 1 and <= 3))
            {
                v.Error(at.Then("tier"), $"tier {b.Tier} is not 1, 2 or 3");
            }
            v.Citations(at, b.Citations);
        }
        for (var i = 0; i < g.People.Count; i++)
        {
            var at = new At(SeedLoader.GovernanceFile, $"$.people[{i}]");
            v.Text(at, "name", g.People[i].Name);
            v.Citations(at, g.People[i].Citations);
        }
        for (var i = 0; i < g.Memberships.Count; i++)
        {
            var m = g.Memberships[i];
            var at = new At(SeedLoader.GovernanceFile, $"$.memberships[{i}]");
            v.Text(at, "title", m.Title);
            v.Ref(at.Then("body"), m.Body, bodies, "governance body");
            v.Ref(at.Then("person"), m.Person, people, "person");
            if (m.Since > m.Until)
            {
                v.Error(at.Then("until"), $"until {m.Until:yyyy-MM-dd} is before since {m.Since:yyyy-MM-dd}");
            }
            if (m.Since > m.EndedBy)
            {
                v.Error(at.Then("endedBy"), $"endedBy {m.EndedBy:yyyy-MM-dd} is before since {m.Since:yyyy-MM-dd}");
            }
            v.Citations(at, m.Citations);
        }

        v.Ids(SeedLoader.StatementsFile, "statements", d.Statements, s => s.Id);
        for (var i = 0; i < d.Statements.Count; i++)
        {
            var s = d.Statements[i];
            var at = new At(SeedLoader.StatementsFile, $"$.statements[{i}]");
            v.Text(at, "text", s.Text);
            v.Text(at, "speakerTitle", s.SpeakerTitle);
            v.Ref(at.Then("organization"), s.Organization, organizations, "organization");
            v.Ref(at.Then("speaker"), s.Speaker, people, "person");
            v.Citations(at, s.Citations);
            if (s.Citations.Count > 0 && !s.Citations[0].Quote.Contains(s.Text, StringComparison.Ordinal))
            {
                v.Error(at.Then("text"), "the statement text must appear verbatim in its primary citation's quote");
            }
        }

        v.Ids(SeedLoader.FiguresFile, "figures", d.Figures, f => f.Id);
        for (var i = 0; i < d.Figures.Count; i++)
        {
            var f = d.Figures[i];
            var at = new At(SeedLoader.FiguresFile, $"$.figures[{i}]");
            v.Text(at, "publishedValue", f.PublishedValue);
            v.Ref(at.Then("organization"), f.Organization, organizations, "organization");
            v.Ref(at.Then("report"), f.Report, reports, "report");
            v.Ref(at.Then("target"), f.Target, targets, "target");
            v.Period(at.Then("period"), f.Period);
            if (!Units.Fits(f.Metric, f.Unit))
            {
                v.Error(at.Then("unit"), $"{EnumNames.Of(f.Unit)} is not a unit for {EnumNames.Of(f.Metric)}");
            }
            if ((f.Unit == Unit.Text) != (f.Value is null))
            {
                v.Error(at.Then("value"), f.Unit == Unit.Text
                    ? "a TEXT figure has no numeric value"
                    : $"a figure in {EnumNames.Of(f.Unit)} needs its numeric value");
            }
            if (Units.IsChange(f.Metric) != (f.Direction is not null))
            {
                v.Error(at.Then("direction"), Units.IsChange(f.Metric)
                    ? $"a {EnumNames.Of(f.Metric)} figure needs a direction (INCREASE or DECREASE)"
                    : "only a change metric has a direction");
            }
            if (f.Value is < 0 && !Units.IsChange(f.Metric))
            {
                v.Error(at.Then("value"), "only a change figure can be negative");
            }
            if (Units.IsInventory(f.Metric) && f.Basis == EmissionBasis.NotApplicable)
            {
                v.Error(at.Then("basis"), "an emission inventory figure is GROSS, NET or NOT_STATED");
            }
            else if (f.Metric == Metric.NetScope12Emissions && f.Basis != EmissionBasis.Net)
            {
                v.Error(at.Then("basis"), "a NET_SCOPE_1_2_EMISSIONS figure has basis NET");
            }
            else if (!Units.IsEmission(f.Unit) && !Units.IsChange(f.Metric) && f.Basis != EmissionBasis.NotApplicable)
            {
                v.Error(at.Then("basis"), "a figure that is neither an emission amount nor a change has basis NOT_APPLICABLE");
            }
            v.Citations(at, f.Citations);
        }
        return v.Errors;
    }

    private readonly record struct At(string File, string Path)
    {
        public At Then(string member) => new(File, $"{Path}.{member}");
    }

    private sealed class Context(SeedDataset dataset)
    {
        public List<SeedError> Errors { get; } = [];
        public HashSet<string> Sources { get; set; } = [];

        public void Error(At at, string message) => Errors.Add(new SeedError(at.File, at.Path, message));

        public HashSet<string> Ids<T>(string file, string collection, IReadOnlyList<T> items, Func<T, string> id)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < items.Count; i++)
            {
                var at = new At(file, $"$.{collection}[{i}].id");
                var value = id(items[i]);
                if (!Slug().IsMatch(value))
                {
                    Error(at, $"'{value}' is not a slug (lowercase letters and digits, joined by single hyphens)");
                }
                else if (!seen.Add(value))
                {
                    Error(at, $"duplicate id '{value}'");
                }
            }
            return seen;
        }

        public void Text(At at, string member, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Error(at.Then(member), "must not be empty");
            }
        }

        public void Ref(At at, string? id, HashSet<string> known, string what)
        {
            if (id is not null && !known.Contains(id))
            {
                Error(at, $"unknown {what} '{id}'");
            }
        }

        public void Year(At at, int? year)
        {
            if (year is not null and not (>= 1900 and <= 2100))
            {
                Error(at, $"{year} is not a plausible year");
            }
        }

        public void NoCycles<T>(string file, string collection, IReadOnlyList<T> items, Func<T, string> id, Func<T, string?> parent)
        {
            var parents = items.GroupBy(id).ToDictionary(x => x.Key, x => parent(x.First()));
            for (var i = 0; i < items.Count; i++)
            {
                var seen = new HashSet<string>();
                for (var current = id(items[i]); current is not null && parents.ContainsKey(current); current = parents[current]!)
                {
                    if (!seen.Add(current))
                    {
                        Error(new At(file, $"$.{collection}[{i}].parent"), $"'{id(items[i])}' is its own ancestor");
                        break;
                    }
                    if (parents[current] is null)
                    {
                        break;
                    }
                }
            }
        }

        public void Period(At at, SeedModel.Period p)
        {
            var forms = (p.FiscalYear is not null ? 1 : 0) + (p.CalendarYear is not null ? 1 : 0) +
                        (p.Start is not null || p.End is not null ? 1 : 0) + (p.AsOf is not null ? 1 : 0);
            if (forms != 1)
            {
                Error(at, "give exactly one of fiscalYear, calendarYear, start+end+label, or asOf");
                return;
            }
            Year(at.Then("fiscalYear"), p.FiscalYear);
            Year(at.Then("calendarYear"), p.CalendarYear);
            if (p.Start is not null || p.End is not null)
            {
                if (p.Start is null || p.End is null || string.IsNullOrWhiteSpace(p.Label))
                {
                    Error(at, "a range needs start, end and label");
                }
                else if (p.Start > p.End)
                {
                    Error(at.Then("end"), $"end {p.End:yyyy-MM-dd} is before start {p.Start:yyyy-MM-dd}");
                }
            }
            else if (p.Label is not null)
            {
                Error(at.Then("label"), "only a range has a label; fiscal and calendar years are labelled FYn and CYn");
            }
        }

        public void Citations(At at, IReadOnlyList<SeedModel.Citation> citations)
        {
            if (citations.Count == 0)
            {
                Error(at.Then("citations"), "every fact needs at least one citation (source and exact quote)");
            }
            for (var i = 0; i < citations.Count; i++)
            {
                var c = citations[i];
                var cat = at.Then($"citations[{i}]");
                if (!Sources.Contains(c.Source))
                {
                    Error(cat.Then("source"), $"unknown source '{c.Source}'");
                }
                if (string.IsNullOrWhiteSpace(c.Quote))
                {
                    Error(cat.Then("quote"), "the exact quote is missing");
                }
                else if (dataset.Documents.TryGetValue(c.Source, out var text) && !text.Contains(c.Quote, StringComparison.Ordinal))
                {
                    Error(cat.Then("quote"), $"the quote is not in the text of source '{c.Source}': \"{Shorten(c.Quote)}\"");
                }
            }
        }

        private static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";
    }
}
