using Disclosure.Store.Data;
using Disclosure.Store.Seeding;

namespace Disclosure.Store.Building;

/// <summary>Maps a validated seed dataset to store rows. Derived values (period dates, normalised figures) are computed here.</summary>
internal static class StoreMapper
{
    public static void AddTo(DisclosureDbContext db, SeedDataset d)
    {
        db.Sources.AddRange(d.Sources.Select(s => new Source
        {
            Id = s.Id, Title = s.Title, Publisher = s.Publisher, Url = s.Url, PublishedOn = s.PublishedOn,
            Kind = s.Kind, Language = s.Language, TextFile = s.TextFile,
        }));

        foreach (var o in d.Organizations)
        {
            db.Organizations.Add(new Organization { Id = o.Id, Name = o.Name, Kind = o.Kind, ParentId = o.Parent, Mission = o.Mission });
            db.Listings.AddRange(o.Listings.Select(l => new Listing { OrganizationId = o.Id, Exchange = l.Exchange, Symbol = l.Symbol }));
            AddCitations(db, nameof(Organization), o.Id, o.Citations);
        }

        foreach (var r in d.Reports)
        {
            db.Reports.Add(new Report
            {
                Id = r.Id, OrganizationId = r.Organization, Title = r.Title, Kind = r.Kind, FiscalYear = r.FiscalYear,
                PublishedOn = r.PublishedOn, PublishedOnNote = r.PublishedOnNote, Framework = r.Framework,
                Verifier = r.Verifier, VerificationScope = r.VerificationScope,
            });
            AddCitations(db, nameof(Report), r.Id, r.Citations);
        }

        for (var i = 0; i < d.Scopes.Count; i++)
        {
            var s = d.Scopes[i];
            db.Scopes.Add(new Scope
            {
                Id = s.Id, Code = s.Code, Name = s.Name, Framework = s.Framework, Kind = s.Kind, ParentId = s.Parent,
                Relation = s.Relation, CategoryNumber = s.CategoryNumber, Direction = s.Direction,
                Definition = s.Definition, DefinedById = s.DefinedBy, Ordinal = i,
            });
            AddCitations(db, nameof(Scope), s.Id, s.Citations);
        }

        foreach (var t in d.Targets)
        {
            db.Targets.Add(new Target
            {
                Id = t.Id, OrganizationId = t.Organization, Name = t.Name, Kind = t.Kind, BaselineYear = t.BaselineYear,
                TargetYear = t.TargetYear, QuantityValue = (double?)t.Quantity?.Value, QuantityUnit = t.Quantity?.Unit,
                IntensityDenominator = t.IntensityDenominator, Status = t.Status, AnnouncedOn = t.AnnouncedOn, Text = t.Text,
            });
            db.TargetScopes.AddRange(t.Scopes.Select((s, i) => new TargetScope { TargetId = t.Id, ScopeId = s, Ordinal = i }));
            AddCitations(db, nameof(Target), t.Id, t.Citations);
        }

        foreach (var c in d.Commitments)
        {
            db.Commitments.Add(new Commitment
            {
                Id = c.Id, OrganizationId = c.Organization, Kind = c.Kind, Name = c.Name, Description = c.Description,
                Status = c.Status, MadeOn = c.MadeOn,
            });
            AddCitations(db, nameof(Commitment), c.Id, c.Citations);
        }

        foreach (var b in d.Governance.Bodies)
        {
            db.GovernanceBodies.Add(new GovernanceBody
            {
                Id = b.Id, OrganizationId = b.Organization, Name = b.Name, Tier = b.Tier, Level = b.Level,
                Mandate = b.Mandate, EstablishedOn = b.EstablishedOn,
            });
            AddCitations(db, nameof(GovernanceBody), b.Id, b.Citations);
        }

        foreach (var p in d.Governance.People)
        {
            db.People.Add(new Person { Id = p.Id, Name = p.Name, NativeName = p.NativeName });
            AddCitations(db, nameof(Person), p.Id, p.Citations);
        }

        foreach (var m in d.Governance.Memberships)
        {
            db.Memberships.Add(new Membership
            {
                Id = m.Id, BodyId = m.Body, PersonId = m.Person, Role = m.Role, Title = m.Title, Since = m.Since,
                Until = m.Until, EndedBy = m.EndedBy, Note = m.Note,
            });
            AddCitations(db, nameof(Membership), m.Id, m.Citations);
        }

        foreach (var s in d.Statements)
        {
            db.Statements.Add(new Statement
            {
                Id = s.Id, OrganizationId = s.Organization, SpeakerId = s.Speaker, SpeakerTitle = s.SpeakerTitle,
                SaidOn = s.SaidOn, Text = s.Text,
            });
            AddCitations(db, nameof(Statement), s.Id, s.Citations);
        }

        foreach (var f in d.Figures)
        {
            var period = FigurePeriod.Of(f.Period);
            var normal = Units.Normalisation(f.Unit);
            db.Figures.Add(new Figure
            {
                Id = f.Id, OrganizationId = f.Organization, Metric = f.Metric, Subject = f.Subject,
                PeriodKind = period.Kind, PeriodLabel = period.Label, PeriodStart = period.Start, PeriodEnd = period.End,
                FiscalYear = f.Period.FiscalYear, CalendarYear = f.Period.CalendarYear,
                PublishedValue = f.PublishedValue, Value = (double?)f.Value, Qualifier = f.Qualifier, Unit = f.Unit,
                // Exact decimal arithmetic, then one conversion to double: 951.4 万吨 is 9,514,000 tCO2e exactly.
                NormalizedValue = normal is { } n && f.Value is { } v ? (double)(v * n.Factor) : null,
                NormalizedUnit = normal?.Unit,
                Direction = f.Direction, Basis = f.Basis, Confidence = f.Confidence, ConfidenceNote = f.ConfidenceNote,
                Note = f.Note, ReportId = f.Report, TargetId = f.Target,
            });
            AddCitations(db, nameof(Figure), f.Id, f.Citations);
        }
    }

    private static void AddCitations(DisclosureDbContext db, string subjectType, string subjectId, IReadOnlyList<SeedModel.Citation> citations) =>
        db.Citations.AddRange(citations.Select((c, i) => new Citation
        {
            SubjectType = subjectType, SubjectId = subjectId, Ordinal = i, SourceId = c.Source, Quote = c.Quote, Note = c.Note,
        }));
}
