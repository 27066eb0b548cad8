using Disclosure.Store.Data;
using Disclosure.Store.Importing;
using Disclosure.Store.Seeding;

namespace Disclosure.Store.Building;

/// <summary>
/// Maps validated seed content to store rows, in dependency order (a row's references come before it). Derived
/// values (period dates, normalised figures) are computed here. The rows are yielded one at a time, so large
/// streamed collections are never held.
/// </summary>
internal static class StoreMapper
{
    public static IEnumerable<object> Rows(SeedContent d)
    {
        yield return Curation;
        var imported = ImportMapper.Map(d.Imports, d.Organizations.Select(o => (o.Id, o.Name)), d.Scopes);
        var held = d.Sources.Where(s => s.TextFile is not null).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        Verification Level(string sourceId) => held.Contains(sourceId) ? Verification.CheckedVerbatim : Verification.ResearchNotes;
        IEnumerable<Citation> Citations(string subjectType, string subjectId, IReadOnlyList<SeedModel.Citation> citations)
        {
            // A fact citing the same passage twice (e.g. with different notes): the second is -2, and so on.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < citations.Count; i++)
            {
                var c = citations[i];
                var id = Citation.StableId(subjectType, subjectId, c.Source, c.Quote, null, null);
                for (var n = 2; !seen.Add(id); n++)
                {
                    id = $"{Citation.StableId(subjectType, subjectId, c.Source, c.Quote, null, null)}-{n}";
                }
                yield return new Citation
                {
                    Id = id, SubjectType = subjectType, SubjectId = subjectId, Ordinal = i, SourceId = c.Source, Quote = c.Quote, Note = c.Note,
                    DatasetId = ImportedDataset.CuratedId, Verification = Level(c.Source),
                };
            }
        }

        foreach (var s in d.Sources)
        {
            yield return new Source
            {
                Id = s.Id, Title = s.Title, Publisher = s.Publisher, Url = s.Url, PublishedOn = s.PublishedOn,
                Kind = s.Kind, Language = s.Language, TextFile = s.TextFile,
            };
        }

        foreach (var o in d.Organizations)
        {
            yield return new Organization
            {
                Id = o.Id, Name = o.Name, Kind = o.Kind, ParentId = o.Parent, Mission = o.Mission,
                Country = imported.CuratedCountries.GetValueOrDefault(o.Id),
            };
            foreach (var l in o.Listings)
            {
                yield return new Listing { OrganizationId = o.Id, Exchange = l.Exchange, Symbol = l.Symbol };
            }
            foreach (var c in Citations(nameof(Organization), o.Id, o.Citations))
            {
                yield return c;
            }
        }

        foreach (var r in d.Reports())
        {
            yield return new Report
            {
                Id = r.Id, OrganizationId = r.Organization, Title = r.Title, Kind = r.Kind, FiscalYear = r.FiscalYear,
                PublishedOn = r.PublishedOn, PublishedOnNote = r.PublishedOnNote, Framework = r.Framework,
                Verifier = r.Verifier, VerificationScope = r.VerificationScope,
            };
            foreach (var c in Citations(nameof(Report), r.Id, r.Citations))
            {
                yield return c;
            }
        }

        for (var i = 0; i < d.Scopes.Count; i++)
        {
            var s = d.Scopes[i];
            yield return new Scope
            {
                Id = s.Id, Code = s.Code, Name = s.Name, Framework = s.Framework, Kind = s.Kind, ParentId = s.Parent,
                Relation = s.Relation, CategoryNumber = s.CategoryNumber, Direction = s.Direction,
                Definition = s.Definition, DefinedById = s.DefinedBy, Ordinal = i,
            };
            foreach (var c in Citations(nameof(Scope), s.Id, s.Citations))
            {
                yield return c;
            }
        }

        foreach (var t in d.Targets())
        {
            yield return new Target
            {
                Id = t.Id, OrganizationId = t.Organization, Name = t.Name, Kind = t.Kind, BaselineYear = t.BaselineYear,
                TargetYear = t.TargetYear, TargetYearSortKey = t.TargetYear, QuantityValue = (double?)t.Quantity?.Value, QuantityUnit = t.Quantity?.Unit,
                IntensityDenominator = t.IntensityDenominator, Status = t.Status, AnnouncedOn = t.AnnouncedOn, Text = t.Text,
                DatasetId = ImportedDataset.CuratedId, Verification = Level(t.Citations[0].Source),
            };
            for (var i = 0; i < t.Scopes.Count; i++)
            {
                yield return new TargetScope { TargetId = t.Id, ScopeId = t.Scopes[i], Ordinal = i };
            }
            foreach (var c in Citations(nameof(Target), t.Id, t.Citations))
            {
                yield return c;
            }
        }

        foreach (var c in d.Commitments())
        {
            yield return new Commitment
            {
                Id = c.Id, OrganizationId = c.Organization, Kind = c.Kind, Name = c.Name, Description = c.Description,
                Status = c.Status, MadeOn = c.MadeOn,
            };
            foreach (var citation in Citations(nameof(Commitment), c.Id, c.Citations))
            {
                yield return citation;
            }
        }

        foreach (var b in d.Bodies())
        {
            yield return new GovernanceBody
            {
                Id = b.Id, OrganizationId = b.Organization, Name = b.Name, Tier = b.Tier, Level = b.Level,
                Mandate = b.Mandate, EstablishedOn = b.EstablishedOn,
            };
            foreach (var c in Citations(nameof(GovernanceBody), b.Id, b.Citations))
            {
                yield return c;
            }
        }

        foreach (var p in d.People())
        {
            yield return new Person { Id = p.Id, Name = p.Name, NativeName = p.NativeName };
            foreach (var c in Citations(nameof(Person), p.Id, p.Citations))
            {
                yield return c;
            }
        }

        foreach (var m in d.Memberships())
        {
            yield return new Membership
            {
                Id = m.Id, BodyId = m.Body, PersonId = m.Person, Role = m.Role, Title = m.Title, Since = m.Since,
                Until = m.Until, EndedBy = m.EndedBy, Note = m.Note,
            };
            foreach (var c in Citations(nameof(Membership), m.Id, m.Citations))
            {
                yield return c;
            }
        }

        foreach (var s in d.Statements())
        {
            yield return new Statement
            {
                Id = s.Id, OrganizationId = s.Organization, SpeakerId = s.Speaker, SpeakerTitle = s.SpeakerTitle,
                SaidOn = s.SaidOn, Text = s.Text,
            };
            foreach (var c in Citations(nameof(Statement), s.Id, s.Citations))
            {
                yield return c;
            }
        }

        foreach (var f in d.Figures())
        {
            var period = FigurePeriod.Of(f.Period);
            var normal = Units.Normalisation(f.Unit);
            yield return new Figure
            {
                Id = f.Id, OrganizationId = f.Organization, Metric = f.Metric, Subject = f.Subject,
                PeriodKind = period.Kind, PeriodLabel = period.Label, PeriodStart = period.Start, PeriodEnd = period.End, PeriodSortKey = period.Start,
                FiscalYear = f.Period.FiscalYear, CalendarYear = f.Period.CalendarYear,
                PublishedValue = f.PublishedValue, Value = (double?)f.Value, Qualifier = f.Qualifier, Unit = f.Unit,
                // Exact decimal arithmetic, then one conversion to double: 951.4 万吨 is 9,514,000 tCO2e exactly.
                NormalizedValue = normal is { } n && f.Value is { } v ? (double)(v * n.Factor) : null,
                NormalizedUnit = normal?.Unit,
                Direction = f.Direction, Basis = f.Basis, Confidence = f.Confidence, ConfidenceNote = f.ConfidenceNote,
                Note = f.Note, ReportId = f.Report, TargetId = f.Target,
                Year = f.Period.FiscalYear ?? f.Period.CalendarYear,
                DatasetId = ImportedDataset.CuratedId, Verification = Level(f.Citations[0].Source),
                MeasureKey = MeasureKey(f.Organization, f.Metric, period.Label, null),
            };
            foreach (var c in Citations(nameof(Figure), f.Id, f.Citations))
            {
                yield return c;
            }
        }

        foreach (var row in imported.Rows)
        {
            yield return row;
        }

        foreach (var r in d.Renames)
        {
            yield return new Rename { Type = r.Type, OldId = r.OldId, NewId = r.NewId, Reason = r.Reason };
        }
    }

    /// <summary>The key of the measure a figure states (see <see cref="Figure.MeasureKey"/>).</summary>
    public static string MeasureKey(string organizationId, Metric metric, string period, int? category) =>
        category is { } c ? $"{organizationId}|{EnumNames.Of(metric)}|{period}|{c}" : $"{organizationId}|{EnumNames.Of(metric)}|{period}";

    /// <summary>Our own curation, the dataset every seed-file fact comes through.</summary>
    public static ImportedDataset Curation { get; } = new()
    {
        Id = ImportedDataset.CuratedId, Kind = DatasetKind.Curated, Ordinal = 0,
        Title = "Disclosure's curated dataset (seed-data/*.json)",
        Publisher = "Disclosure",
        Attribution = "Curated by Disclosure from the documents each fact cites; quotes remain their publishers' words.",
        Checks = "Quotes from documents whose full text the dataset holds (seed-data/documents/) are checked verbatim at every build (CHECKED_VERBATIM); the other quotes are verbatim from our research notes with their source addresses (RESEARCH_NOTES). Figures are never rounded: the published value is kept as written.",
    };
}
