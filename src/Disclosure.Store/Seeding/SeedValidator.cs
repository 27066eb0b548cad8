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
        var v = new Context(d.Documents);

        v.Sources = v.Ids(SeedLoader.SourcesFile, "sources", d.Sources, s => s.Id);
        for (var i = 0; i < d.Sources.Count; i++)
        {
            v.Source(i, d.Sources[i]);
        }

        v.Organizations = v.Ids(SeedLoader.OrganizationsFile, "organizations", d.Organizations, o => o.Id);
        for (var i = 0; i < d.Organizations.Count; i++)
        {
            v.Organization(i, d.Organizations[i]);
        }
        v.NoCycles(SeedLoader.OrganizationsFile, "organizations", d.Organizations, o => o.Id, o => o.Parent);

        v.Reports = v.Ids(SeedLoader.ReportsFile, "reports", d.Reports, r => r.Id);
        for (var i = 0; i < d.Reports.Count; i++)
        {
            v.Report(i, d.Reports[i]);
        }

        v.Scopes = v.Ids(SeedLoader.ScopesFile, "scopes", d.Scopes, s => s.Id);
        for (var i = 0; i < d.Scopes.Count; i++)
        {
            v.Scope(i, d.Scopes[i]);
        }
        v.NoCycles(SeedLoader.ScopesFile, "scopes", d.Scopes, s => s.Id, s => s.Parent);

        v.Targets = v.Ids(SeedLoader.TargetsFile, "targets", d.Targets, t => t.Id);
        for (var i = 0; i < d.Targets.Count; i++)
        {
            v.Target(i, d.Targets[i]);
        }

        var commitments = v.Ids(SeedLoader.CommitmentsFile, "commitments", d.Commitments, c => c.Id);
        for (var i = 0; i < d.Commitments.Count; i++)
        {
            v.Commitment(i, d.Commitments[i]);
        }

        var g = d.Governance;
        v.Bodies = v.Ids(SeedLoader.GovernanceFile, "bodies", g.Bodies, b => b.Id);
        v.People = v.Ids(SeedLoader.GovernanceFile, "people", g.People, p => p.Id);
        var memberships = v.Ids(SeedLoader.GovernanceFile, "memberships", g.Memberships, m => m.Id);
        for (var i = 0; i < g.Bodies.Count; i++)
        {
            v.Body(i, g.Bodies[i]);
        }
        for (var i = 0; i < g.People.Count; i++)
        {
            v.Person(i, g.People[i]);
        }
        for (var i = 0; i < g.Memberships.Count; i++)
        {
            v.Membership(i, g.Memberships[i]);
        }

        var statements = v.Ids(SeedLoader.StatementsFile, "statements", d.Statements, s => s.Id);
        for (var i = 0; i < d.Statements.Count; i++)
        {
            v.Statement(i, d.Statements[i]);
        }

        var figures = v.Ids(SeedLoader.FiguresFile, "figures", d.Figures, f => f.Id);
        for (var i = 0; i < d.Figures.Count; i++)
        {
            v.Figure(i, d.Figures[i]);
        }

        v.Renames(d.Renames, commitments, memberships, statements, figures);
        return v.Errors;
    }

    internal readonly record struct At(string File, string Path)
    {
        public At Then(string member) => new(File, $"{Path}.{member}");
    }

    /// <summary>
    /// The rules, one item at a time: used over a whole <see cref="SeedDataset"/> by <see cref="Validate"/>, and
    /// item by item while large files stream (<see cref="SeedLoader.LoadStreaming"/>). Each item method needs the
    /// id sets of the collections it refers to, filled before it runs.
    /// </summary>
    internal sealed class Context(IReadOnlyDictionary<string, string> documents)
    {
        private readonly HashSet<string> _codes = new(StringComparer.Ordinal);

        public List<SeedError> Errors { get; } = [];
        public HashSet<string> Sources { get; set; } = [];
        public HashSet<string> Organizations { get; set; } = [];
        public HashSet<string> Reports { get; set; } = [];
        public HashSet<string> Scopes { get; set; } = [];
        public HashSet<string> Targets { get; set; } = [];
        public HashSet<string> Bodies { get; set; } = [];
        public HashSet<string> People { get; set; } = [];

        /// <summary>Checks one id of a streamed collection: a slug, not seen before in <paramref name="seen"/>.</summary>
        public void Id(string file, string collection, int index, string value, HashSet<string> seen)
        {
            var at = new At(file, $"$.{collection}[{index}].id");
            if (!Slug().IsMatch(value))
            {
                Error(at, $"'{value}' is not a slug (lowercase letters and digits, joined by single hyphens)");
            }
            else if (!seen.Add(value))
            {
                Error(at, $"duplicate id '{value}'");
            }
        }

        public void Source(int i, SeedModel.Source s)
        {
            var at = new At(SeedLoader.SourcesFile, $"$.sources[{i}]");
            Text(at, "title", s.Title);
            Text(at, "publisher", s.Publisher);
            Text(at, "language", s.Language);
            if (!Uri.TryCreate(s.Url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                Error(at.Then("url"), $"'{s.Url}' is not an absolute http(s) URL");
            }
        }

        public void Organization(int i, SeedModel.Organization o)
        {
            var at = new At(SeedLoader.OrganizationsFile, $"$.organizations[{i}]");
            Text(at, "name", o.Name);
            Ref(at.Then("parent"), o.Parent, Organizations, "organization");
            if (o.Parent == o.Id)
            {
                Error(at.Then("parent"), "an organization cannot be its own parent");
            }
            for (var j = 0; j < o.Listings.Count; j++)
            {
                Text(at.Then($"listings[{j}]"), "exchange", o.Listings[j].Exchange);
                Text(at.Then($"listings[{j}]"), "symbol", o.Listings[j].Symbol);
            }
            Citations(at, o.Citations);
        }

        public void Report(int i, SeedModel.Report r)
        {
            var at = new At(SeedLoader.ReportsFile, $"$.reports[{i}]");
            Text(at, "title", r.Title);
            Ref(at.Then("organization"), r.Organization, Organizations, "organization");
            Year(at.Then("fiscalYear"), r.FiscalYear);
            Citations(at, r.Citations);
        }

        public void Scope(int i, SeedModel.Scope s)
        {
            var at = new At(SeedLoader.ScopesFile, $"$.scopes[{i}]");
            Text(at, "name", s.Name);
            Text(at, "definition", s.Definition);
            if (!_codes.Add(s.Code))
            {
                Error(at.Then("code"), $"duplicate code '{s.Code}'");
            }
            Ref(at.Then("parent"), s.Parent, Scopes, "scope");
            if ((s.Parent is null) != (s.Relation is null))
            {
                Error(at.Then("relation"), "'parent' and 'relation' go together: give both or neither");
            }
            if (s.Kind == ScopeKind.Category)
            {
                if (s.CategoryNumber is not (>= 1 and <= 15))
                {
                    Error(at.Then("categoryNumber"), "a category needs a categoryNumber from 1 to 15");
                }
                if (s.Direction is null)
                {
                    Error(at.Then("direction"), "a category needs a direction (UPSTREAM or DOWNSTREAM)");
                }
                if (s.Relation != ScopeRelation.CategoryOf)
                {
                    Error(at.Then("relation"), "a category needs relation CATEGORY_OF");
                }
            }
            else if (s.CategoryNumber is not null || s.Direction is not null)
            {
                Error(at.Then("categoryNumber"), "only a CATEGORY has a categoryNumber and a direction");
            }
            if (s.Framework == ScopeFramework.CompanyDefined && s.DefinedBy is null)
            {
                Error(at.Then("definedBy"), "a COMPANY_DEFINED scope needs the organization that defines it");
            }
            Ref(at.Then("definedBy"), s.DefinedBy, Organizations, "organization");
            Citations(at, s.Citations);
        }

        public void Target(int i, SeedModel.Target t)
        {
            var at = new At(SeedLoader.TargetsFile, $"$.targets[{i}]");
            Text(at, "name", t.Name);
            Text(at, "text", t.Text);
            Ref(at.Then("organization"), t.Organization, Organizations, "organization");
            if (t.Scopes.Count == 0)
            {
                Error(at.Then("scopes"), "a target covers at least one scope");
            }
            for (var j = 0; j < t.Scopes.Count; j++)
            {
                Ref(at.Then($"scopes[{j}]"), t.Scopes[j], Scopes, "scope");
                if (t.Scopes.Take(j).Contains(t.Scopes[j]))
                {
                    Error(at.Then($"scopes[{j}]"), $"scope '{t.Scopes[j]}' is listed twice");
                }
            }
            Year(at.Then("targetYear"), t.TargetYear);
            Year(at.Then("baselineYear"), t.BaselineYear);
            if (t.BaselineYear >= t.TargetYear)
            {
                Error(at.Then("baselineYear"), $"the baseline year {t.BaselineYear} is not before the target year {t.TargetYear}");
            }
            if (t.TargetYear < t.AnnouncedOn.Year)
            {
                Error(at.Then("targetYear"), $"the target year {t.TargetYear} is before the announcement ({t.AnnouncedOn:yyyy-MM-dd})");
            }
            if (t.Quantity is { } q)
            {
                if (q.Unit != Unit.Percent && !Units.IsEmission(q.Unit))
                {
                    Error(at.Then("quantity.unit"), $"a target quantity is a PERCENT or an emission amount, not {EnumNames.Of(q.Unit)}");
                }
                if (q.Value <= 0 || (q.Unit == Unit.Percent && q.Value > 100))
                {
                    Error(at.Then("quantity.value"), $"{q.Value} is out of range for {EnumNames.Of(q.Unit)}");
                }
            }
            if (t.Kind == TargetKind.IntensityReduction && string.IsNullOrWhiteSpace(t.IntensityDenominator))
            {
                Error(at.Then("intensityDenominator"), "an INTENSITY_REDUCTION target says what the intensity is per");
            }
            Citations(at, t.Citations);
            if (t.Citations.Count > 0 && t.Citations[0].Quote != t.Text)
            {
                Error(at.Then("text"), "the target text must be the primary citation's quote, verbatim");
            }
        }

        public void Commitment(int i, SeedModel.Commitment c)
        {
            var at = new At(SeedLoader.CommitmentsFile, $"$.commitments[{i}]");
            Text(at, "name", c.Name);
            Text(at, "description", c.Description);
            Ref(at.Then("organization"), c.Organization, Organizations, "organization");
            Citations(at, c.Citations);
        }

        public void Body(int i, SeedModel.Body b)
        {
            var at = new At(SeedLoader.GovernanceFile, $"$.bodies[{i}]");
            Text(at, "name", b.Name);
            Text(at, "mandate", b.Mandate);
            Ref(at.Then("organization"), b.Organization, Organizations, "organization");
            if (b.Tier is not (null or >= 1 and <= 3))
            {
                Error(at.Then("tier"), $"tier {b.Tier} is not 1, 2 or 3");
            }
            Citations(at, b.Citations);
        }

        public void Person(int i, SeedModel.Person p)
        {
            var at = new At(SeedLoader.GovernanceFile, $"$.people[{i}]");
            Text(at, "name", p.Name);
            Citations(at, p.Citations);
        }

        public void Membership(int i, SeedModel.Membership m)
        {
            var at = new At(SeedLoader.GovernanceFile, $"$.memberships[{i}]");
            Text(at, "title", m.Title);
            Ref(at.Then("body"), m.Body, Bodies, "governance body");
            Ref(at.Then("person"), m.Person, People, "person");
            if (m.Since > m.Until)
            {
                Error(at.Then("until"), $"until {m.Until:yyyy-MM-dd} is before since {m.Since:yyyy-MM-dd}");
            }
            if (m.Since > m.EndedBy)
            {
                Error(at.Then("endedBy"), $"endedBy {m.EndedBy:yyyy-MM-dd} is before since {m.Since:yyyy-MM-dd}");
            }
            Citations(at, m.Citations);
        }

        public void Statement(int i, SeedModel.Statement s)
        {
            var at = new At(SeedLoader.StatementsFile, $"$.statements[{i}]");
            Text(at, "text", s.Text);
            Text(at, "speakerTitle", s.SpeakerTitle);
            Ref(at.Then("organization"), s.Organization, Organizations, "organization");
            Ref(at.Then("speaker"), s.Speaker, People, "person");
            Citations(at, s.Citations);
            if (s.Citations.Count > 0 && !s.Citations[0].Quote.Contains(s.Text, StringComparison.Ordinal))
            {
                Error(at.Then("text"), "the statement text must appear verbatim in its primary citation's quote");
            }
        }

        public void Figure(int i, SeedModel.Figure f)
        {
            var at = new At(SeedLoader.FiguresFile, $"$.figures[{i}]");
            Text(at, "publishedValue", f.PublishedValue);
            Ref(at.Then("organization"), f.Organization, Organizations, "organization");
            Ref(at.Then("report"), f.Report, Reports, "report");
            Ref(at.Then("target"), f.Target, Targets, "target");
            Period(at.Then("period"), f.Period);
            if (!Units.Fits(f.Metric, f.Unit))
            {
                Error(at.Then("unit"), $"{EnumNames.Of(f.Unit)} is not a unit for {EnumNames.Of(f.Metric)}");
            }
            if ((f.Unit == Unit.Text) != (f.Value is null))
            {
                Error(at.Then("value"), f.Unit == Unit.Text
                    ? "a TEXT figure has no numeric value"
                    : $"a figure in {EnumNames.Of(f.Unit)} needs its numeric value");
            }
            if (Units.IsChange(f.Metric) != (f.Direction is not null))
            {
                Error(at.Then("direction"), Units.IsChange(f.Metric)
                    ? $"a {EnumNames.Of(f.Metric)} figure needs a direction (INCREASE or DECREASE)"
                    : "only a change metric has a direction");
            }
            if (f.Value is < 0 && !Units.IsChange(f.Metric))
            {
                Error(at.Then("value"), "only a change figure can be negative");
            }
            if (Units.IsInventory(f.Metric) && f.Basis == EmissionBasis.NotApplicable)
            {
                Error(at.Then("basis"), "an emission inventory figure is GROSS, NET or NOT_STATED");
            }
            else if (f.Metric == Metric.NetScope12Emissions && f.Basis != EmissionBasis.Net)
            {
                Error(at.Then("basis"), "a NET_SCOPE_1_2_EMISSIONS figure has basis NET");
            }
            else if (f.Metric is Metric.Scope12Emissions or Metric.Scope12EmissionsChange && f.Basis == EmissionBasis.Net)
            {
                Error(at.Then("basis"), $"a {EnumNames.Of(f.Metric)} figure is not stated to be net (a net figure is NET_SCOPE_1_2_EMISSIONS)");
            }
            else if (!Units.IsEmission(f.Unit) && !Units.IsChange(f.Metric) && f.Basis != EmissionBasis.NotApplicable)
            {
                Error(at.Then("basis"), "a figure that is neither an emission amount nor a change has basis NOT_APPLICABLE");
            }
            Citations(at, f.Citations);
        }

        /// <summary>
        /// The rename record: each entry names a type of object, an old id that no object of that type has any more
        /// (ids are never reused), the new id that one has, and why. An old id is renamed once.
        /// </summary>
        public void Renames(IReadOnlyList<SeedModel.Rename> renames, HashSet<string> commitments, HashSet<string> memberships,
            HashSet<string> statements, HashSet<string> figures)
        {
            var byType = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
            {
                ["Source"] = Sources, ["Organization"] = Organizations, ["Report"] = Reports, ["Scope"] = Scopes,
                ["Target"] = Targets, ["Commitment"] = commitments, ["GovernanceBody"] = Bodies, ["Person"] = People,
                ["Membership"] = memberships, ["Statement"] = statements, ["Figure"] = figures,
            };
            var seen = new HashSet<(string, string)>();
            for (var i = 0; i < renames.Count; i++)
            {
                var r = renames[i];
                var at = new At(SeedLoader.RenamesFile, $"$.renames[{i}]");
                Text(at, "reason", r.Reason);
                if (!byType.TryGetValue(r.Type, out var ids))
                {
                    Error(at.Then("type"), $"'{r.Type}' is not a type of object ({string.Join(", ", byType.Keys)})");
                    continue;
                }
                if (!Slug().IsMatch(r.OldId))
                {
                    Error(at.Then("oldId"), $"'{r.OldId}' is not a slug");
                }
                else if (ids.Contains(r.OldId))
                {
                    Error(at.Then("oldId"), $"a {r.Type} still has the id '{r.OldId}': a renamed id is never reused");
                }
                else if (!seen.Add((r.Type, r.OldId)))
                {
                    Error(at.Then("oldId"), $"'{r.OldId}' is renamed twice");
                }
                if (!ids.Contains(r.NewId))
                {
                    Error(at.Then("newId"), $"no {r.Type} has the id '{r.NewId}'");
                }
            }
        }

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
                else if (documents.TryGetValue(c.Source, out var text) && !text.Contains(c.Quote, StringComparison.Ordinal))
                {
                    Error(cat.Then("quote"), $"the quote is not in the text of source '{c.Source}': \"{Shorten(c.Quote)}\"");
                }
            }
        }

        private static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";
    }
}
