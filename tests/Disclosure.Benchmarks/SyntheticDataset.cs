using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Disclosure.Store.Data;
using Disclosure.Store.Seeding;

namespace Disclosure.Benchmarks;

/// <summary>
/// Writes a synthetic, seed-data-shaped folder for scale tests: N organizations, 5N targets, 20N yearly figures,
/// 2N reports, 3N governance bodies, 5N people and memberships, N commitments, N/5 statements, N/10 + 10 sources.
/// Everything is made up and says so: a README.md marks the folder, every source title starts with "SYNTHETIC",
/// every URL is under https://example.invalid/synthetic/, organizations are "Synthetic Org 000001"…. Only the
/// scope vocabulary is real (copied from the curated scopes.json, with synthetic citations). Deterministic: the
/// same N and seed give the same bytes. Files are written with <see cref="Utf8JsonWriter"/>, item by item.
/// </summary>
public static class SyntheticDataset
{
    public const string Marker = "SYNTHETIC";
    public const string ReadmeFirstLine = "# SYNTHETIC dataset: generated, not real data";
    public const int TargetsPerOrganization = 5;
    public const int FiguresPerOrganization = 20;
    public const int ReportsPerOrganization = 2;
    public const int BodiesPerOrganization = 3;
    public const int PeoplePerOrganization = 5;
    public const int CommonSources = 10;
    public const int OrganizationsPerGroup = 10;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    private static readonly SourceKind[] SourceKinds = Enum.GetValues<SourceKind>();
    private static readonly TargetKind[] TargetKinds = Enum.GetValues<TargetKind>();
    private static readonly CommitmentKind[] CommitmentKinds = Enum.GetValues<CommitmentKind>();
    private static readonly ReportKind[] ReportKinds = Enum.GetValues<ReportKind>();
    private static readonly string[] Frameworks = ["GRI", "TCFD", "ISSB", "SASB", "CSRD"];
    private static readonly string[] Verifiers = ["Synthetic Assurance LLP", "Example Verification Co.", "Placeholder Audit Ltd"];

    /// <summary>The figure vocabulary: each metric with the units it may be published in and how its basis is set.</summary>
    private static readonly (Metric Metric, Unit[] Units)[] FigureKinds =
    [
        (Metric.Scope1Emissions, [Unit.Tco2e, Unit.WanTco2e, Unit.Mtco2e]),
        (Metric.Scope2Emissions, [Unit.Tco2e, Unit.WanTco2e, Unit.Mtco2e]),
        (Metric.Scope3Emissions, [Unit.Tco2e, Unit.WanTco2e, Unit.Mtco2e]),
        (Metric.TotalEmissions, [Unit.Tco2e, Unit.WanTco2e, Unit.Mtco2e]),
        (Metric.NetScope12Emissions, [Unit.Tco2e, Unit.WanTco2e]),
        (Metric.NetScope12EmissionsChange, [Unit.Percent, Unit.Text]),
        (Metric.EmissionReductions, [Unit.Tco2e, Unit.WanTco2e]),
        (Metric.EmissionReductionsChange, [Unit.Percent]),
        (Metric.EmissionsAvoidedByEnergyMix, [Unit.Tco2e, Unit.WanTco2e]),
        (Metric.Scope3IntensityChange, [Unit.Percent]),
        (Metric.Scope3PlusDecarbonization, [Unit.WanTco2e, Unit.Mtco2e]),
        (Metric.CleanElectricityShare, [Unit.Percent]),
        (Metric.CleanElectricityShareChange, [Unit.PercentagePoints]),
        (Metric.RenewableEnergyConsumption, [Unit.Kwh, Unit.MillionKwh, Unit.YiKwh, Unit.BillionKwh]),
        (Metric.RenewableEnergyPurchased, [Unit.MillionKwh, Unit.YiKwh]),
        (Metric.CleanEnergyPurchased, [Unit.MillionKwh, Unit.BillionKwh]),
        (Metric.GreenPowerTraded, [Unit.MillionKwh, Unit.YiKwh]),
        (Metric.RenewableEnergyRatio, [Unit.Percent]),
        (Metric.PowerUsageEffectiveness, [Unit.Ratio]),
        (Metric.SolarCapacityInstalled, [Unit.Mw]),
        (Metric.PackagingMaterialReduced, [Unit.Tonnes]),
        (Metric.IndependentDirectorShare, [Unit.Percent]),
        (Metric.FemaleDirectorShare, [Unit.Percent]),
        (Metric.Ranking, [Unit.Rank]),
        (Metric.Score, [Unit.Score]),
        (Metric.DisclosureStatus, [Unit.Text]),
    ];

    public sealed record Counts(int Organizations, int Sources, int Reports, int Scopes, int Targets, int Commitments,
        int Bodies, int People, int Memberships, int Statements, int Figures);

    /// <summary>Writes the folder. <paramref name="realScopesFile"/> is the curated <c>scopes.json</c> whose scope vocabulary is reused.</summary>
    public static Counts Generate(string outDirectory, int organizations, string realScopesFile, int seed = 20211217)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(organizations, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(organizations, 999_999);
        Directory.CreateDirectory(outDirectory);
        var scopes = JsonSerializer.Deserialize<SeedModel.ScopesFile>(File.ReadAllBytes(realScopesFile), SeedLoader.JsonOptions)!.Scopes;
        var g = new Generator(organizations, seed, scopes.Select(s => s.Id).ToArray());

        File.WriteAllText(Path.Combine(outDirectory, "README.md"), Readme(organizations, seed));
        var sources = Generator.WriteFile(outDirectory, SeedLoader.SourcesFile, "sources", g.WriteSources);
        Generator.WriteFile(outDirectory, SeedLoader.OrganizationsFile, "organizations", g.WriteOrganizations);
        var reports = Generator.WriteFile(outDirectory, SeedLoader.ReportsFile, "reports", g.WriteReports);
        Generator.WriteFile(outDirectory, SeedLoader.ScopesFile, "scopes", w => Generator.WriteScopes(w, scopes));
        var targets = Generator.WriteFile(outDirectory, SeedLoader.TargetsFile, "targets", g.WriteTargets);
        var commitments = Generator.WriteFile(outDirectory, SeedLoader.CommitmentsFile, "commitments", g.WriteCommitments);
        g.WriteGovernance(outDirectory);
        var statements = Generator.WriteFile(outDirectory, SeedLoader.StatementsFile, "statements", g.WriteStatements);
        var figures = Generator.WriteFile(outDirectory, SeedLoader.FiguresFile, "figures", g.WriteFigures);
        return new Counts(organizations, sources, reports, scopes.Count, targets, commitments,
            organizations * BodiesPerOrganization, organizations * PeoplePerOrganization, organizations * PeoplePerOrganization,
            statements, figures);
    }

    private static string Readme(int organizations, int seed) => $"""
        {ReadmeFirstLine}

        {Marker}: this folder was written by `dotnet run --project tests/Disclosure.Benchmarks -- generate
        --organizations {organizations}` (seed {seed}) for scale tests and benchmarks. Every organization, target,
        figure, report, person, quote and source in it is made up: sources are titled "SYNTHETIC …" and point to
        https://example.invalid/synthetic/…, organizations are named "Synthetic Org 000001" and so on. Only the
        scope vocabulary (codes, names, definitions) is copied from the curated seed-data/scopes.json.

        Never copy these files into seed-data/ or cite them as disclosures.
        """;

    private sealed class Generator(int organizations, int seed, string[] scopeIds)
    {
        private static readonly DateOnly Epoch = new(1990, 1, 1);

        private int GroupCount => (organizations + OrganizationsPerGroup - 1) / OrganizationsPerGroup;

        public static int WriteFile(string directory, string fileName, string property, Func<Utf8JsonWriter, int> items)
        {
            using var stream = new FileStream(Path.Combine(directory, fileName), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            using var w = new Utf8JsonWriter(stream, WriterOptions);
            w.WriteStartObject();
            w.WritePropertyName(property);
            w.WriteStartArray();
            var count = items(w);
            w.WriteEndArray();
            w.WriteEndObject();
            w.Flush();
            return count;
        }

        public void WriteGovernance(string directory)
        {
            using var stream = new FileStream(Path.Combine(directory, SeedLoader.GovernanceFile), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            using var w = new Utf8JsonWriter(stream, WriterOptions);
            w.WriteStartObject();
            w.WriteStartArray("bodies");
            WriteBodies(w);
            w.WriteEndArray();
            w.WriteStartArray("people");
            WritePeople(w);
            w.WriteEndArray();
            w.WriteStartArray("memberships");
            WriteMemberships(w);
            w.WriteEndArray();
            w.WriteEndObject();
            w.Flush();
        }

        private Random RandomFor(int org, int salt) => new(unchecked(seed * 1_000_003 + org * 97 + salt));

        private static string Org(int i) => $"synthetic-org-{i:D6}";

        private static string OrgName(int i) => $"Synthetic Org {i:D6}";

        private static string GroupSource(int group) => $"synthetic-group-{group:D6}-esg-report";

        private static string CommonSource(int n) => $"synthetic-source-{n:D2}";

        private static int GroupOf(int org) => (org - 1) / OrganizationsPerGroup;

        private static string SourceFor(int org, Random r) => r.Next(4) == 0 ? CommonSource(1 + r.Next(CommonSources)) : GroupSource(GroupOf(org));

        private static void Citation(Utf8JsonWriter w, string source, string quote, string? note = null)
        {
            w.WriteStartObject();
            w.WriteString("source", source);
            w.WriteString("quote", quote);
            if (note is not null)
            {
                w.WriteString("note", note);
            }
            w.WriteEndObject();
        }

        private static void Citations(Utf8JsonWriter w, Random r, int org, string quote)
        {
            w.WriteStartArray("citations");
            Citation(w, SourceFor(org, r), quote);
            if (r.Next(5) == 0)
            {
                Citation(w, CommonSource(1 + r.Next(CommonSources)), quote, "corroboration (synthetic)");
            }
            w.WriteEndArray();
        }

        private static void Date(Utf8JsonWriter w, string name, DateOnly? date)
        {
            if (date is { } d)
            {
                w.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            else
            {
                w.WriteNull(name);
            }
        }

        private static void Flush(Utf8JsonWriter w, int i)
        {
            if (i % 1024 == 0)
            {
                w.Flush();
            }
        }

        public int WriteSources(Utf8JsonWriter w)
        {
            var count = 0;
            void One(string id, string title, SourceKind kind, DateOnly publishedOn)
            {
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteString("title", $"{Marker} {title}");
                w.WriteString("publisher", "Synthetic Data Generator");
                w.WriteString("url", $"https://example.invalid/synthetic/{id}");
                Date(w, "publishedOn", publishedOn);
                w.WriteString("kind", EnumNames.Of(kind));
                w.WriteString("language", "en");
                w.WriteNull("textFile");
                w.WriteEndObject();
                Flush(w, ++count);
            }
            for (var n = 1; n <= CommonSources; n++)
            {
                One(CommonSource(n), $"common source {n:D2} (generated)", SourceKinds[n % SourceKinds.Length], Epoch.AddDays(n * 977));
            }
            for (var group = 0; group < GroupCount; group++)
            {
                var r = RandomFor(group, 1);
                One(GroupSource(group), $"ESG report of synthetic group {group:D6} (generated)", SourceKinds[r.Next(SourceKinds.Length)], Epoch.AddDays(r.Next(12_000)));
            }
            return count;
        }

        public int WriteOrganizations(Utf8JsonWriter w)
        {
            for (var i = 1; i <= organizations; i++)
            {
                var r = RandomFor(i, 2);
                var isGroup = (i - 1) % OrganizationsPerGroup == 0;
                w.WriteStartObject();
                w.WriteString("id", Org(i));
                w.WriteString("name", OrgName(i));
                w.WriteString("kind", EnumNames.Of(isGroup ? OrganizationKind.Group : OrganizationKind.BusinessUnit));
                if (isGroup)
                {
                    w.WriteNull("parent");
                }
                else
                {
                    w.WriteString("parent", Org(GroupOf(i) * OrganizationsPerGroup + 1));
                }
                w.WriteString("mission", $"{Marker} mission statement of organization {i:D6}.");
                w.WriteStartArray("listings");
                if (isGroup)
                {
                    w.WriteStartObject();
                    w.WriteString("exchange", "XSYN");
                    w.WriteString("symbol", $"S{i:D6}");
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                Citations(w, r, i, $"{OrgName(i)} is a synthetic organization.");
                w.WriteEndObject();
                Flush(w, i);
            }
            return organizations;
        }

        private static string Report(int org, int n) => $"{Org(org)}-report-{n}";

        private static int ReportYear(int org, int n) => 2000 + (org * 7 + n * 11) % 26;

        public int WriteReports(Utf8JsonWriter w)
        {
            var count = 0;
            for (var i = 1; i <= organizations; i++)
            {
                var r = RandomFor(i, 3);
                for (var n = 1; n <= ReportsPerOrganization; n++)
                {
                    var year = ReportYear(i, n);
                    w.WriteStartObject();
                    w.WriteString("id", Report(i, n));
                    w.WriteString("organization", Org(i));
                    w.WriteString("title", $"{OrgName(i)} ESG Report FY{year}");
                    w.WriteString("kind", EnumNames.Of(ReportKinds[r.Next(ReportKinds.Length)]));
                    w.WriteNumber("fiscalYear", year);
                    Date(w, "publishedOn", new DateOnly(year, 4, 1).AddDays(r.Next(180)));
                    w.WriteNull("publishedOnNote");
                    w.WriteString("framework", Frameworks[r.Next(Frameworks.Length)]);
                    if (r.Next(2) == 0)
                    {
                        w.WriteString("verifier", Verifiers[r.Next(Verifiers.Length)]);
                        w.WriteString("verificationScope", "Scope 1 and 2 (synthetic)");
                    }
                    else
                    {
                        w.WriteNull("verifier");
                        w.WriteNull("verificationScope");
                    }
                    Citations(w, r, i, $"{OrgName(i)} published its FY{year} report.");
                    w.WriteEndObject();
                    Flush(w, ++count);
                }
            }
            return count;
        }

        public static int WriteScopes(Utf8JsonWriter w, IReadOnlyList<SeedModel.Scope> scopes)
        {
            foreach (var s in scopes)
            {
                w.WriteStartObject();
                w.WriteString("id", s.Id);
                w.WriteString("code", s.Code);
                w.WriteString("name", s.Name);
                w.WriteString("framework", EnumNames.Of(s.Framework));
                w.WriteString("kind", EnumNames.Of(s.Kind));
                WriteOptional(w, "parent", s.Parent);
                WriteOptional(w, "relation", s.Relation is { } rel ? EnumNames.Of(rel) : null);
                if (s.CategoryNumber is { } c)
                {
                    w.WriteNumber("categoryNumber", c);
                }
                else
                {
                    w.WriteNull("categoryNumber");
                }
                WriteOptional(w, "direction", s.Direction is { } d ? EnumNames.Of(d) : null);
                w.WriteString("definition", s.Definition);
                // A company-defined scope is defined by the first synthetic organization, never by a real one.
                WriteOptional(w, "definedBy", s.DefinedBy is null ? null : Org(1));
                w.WriteStartArray("citations");
                Citation(w, CommonSource(1), $"{s.Name}: scope vocabulary copied from the curated dataset.");
                w.WriteEndArray();
                w.WriteEndObject();
            }
            return scopes.Count;
        }

        private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
        {
            if (value is null)
            {
                w.WriteNull(name);
            }
            else
            {
                w.WriteString(name, value);
            }
        }

        private static string TargetId(int org, int n) => $"{Org(org)}-target-{n}";

        public int WriteTargets(Utf8JsonWriter w)
        {
            var count = 0;
            for (var i = 1; i <= organizations; i++)
            {
                var r = RandomFor(i, 4);
                for (var n = 1; n <= TargetsPerOrganization; n++)
                {
                    var kind = TargetKinds[r.Next(TargetKinds.Length)];
                    var baseline = 2000 + r.Next(21);
                    var announced = new DateOnly(baseline + 1 + r.Next(4), 1 + r.Next(12), 1 + r.Next(28));
                    var targetYear = Math.Max(announced.Year + 1, 2025) + r.Next(36);
                    var percent = 5 * (1 + r.Next(20));
                    var text = $"{OrgName(i)} targets a {percent}% {EnumNames.Of(kind).ToLowerInvariant().Replace('_', ' ')} by {targetYear} against {baseline} (synthetic target {n}).";
                    w.WriteStartObject();
                    w.WriteString("id", TargetId(i, n));
                    w.WriteString("organization", Org(i));
                    w.WriteString("name", $"{percent}% {EnumNames.Of(kind).ToLowerInvariant().Replace('_', ' ')} by {targetYear}");
                    w.WriteString("kind", EnumNames.Of(kind));
                    w.WriteStartArray("scopes");
                    var first = r.Next(scopeIds.Length);
                    var width = 1 + r.Next(3);
                    for (var k = 0; k < width && k < scopeIds.Length; k++)
                    {
                        w.WriteStringValue(scopeIds[(first + k) % scopeIds.Length]);
                    }
                    w.WriteEndArray();
                    w.WriteNumber("baselineYear", baseline);
                    w.WriteNumber("targetYear", targetYear);
                    w.WriteStartObject("quantity");
                    if (r.Next(4) == 0)
                    {
                        w.WriteNumber("value", Math.Round((decimal)(0.1 + r.NextDouble() * 5), 2) + 0.01m);
                        w.WriteString("unit", EnumNames.Of(Unit.Mtco2e));
                    }
                    else
                    {
                        w.WriteNumber("value", percent);
                        w.WriteString("unit", EnumNames.Of(Unit.Percent));
                    }
                    w.WriteEndObject();
                    WriteOptional(w, "intensityDenominator", kind == TargetKind.IntensityReduction ? "tCO2e per million revenue (synthetic)" : null);
                    w.WriteString("status", EnumNames.Of(r.Next(10) switch
                    {
                        < 7 => TargetStatus.Active,
                        7 => TargetStatus.Achieved,
                        8 => TargetStatus.Missed,
                        _ => TargetStatus.Withdrawn,
                    }));
                    Date(w, "announcedOn", announced);
                    w.WriteString("text", text);
                    Citations(w, r, i, text);
                    w.WriteEndObject();
                    Flush(w, ++count);
                }
            }
            return count;
        }

        public int WriteCommitments(Utf8JsonWriter w)
        {
            for (var i = 1; i <= organizations; i++)
            {
                var r = RandomFor(i, 5);
                var kind = CommitmentKinds[r.Next(CommitmentKinds.Length)];
                w.WriteStartObject();
                w.WriteString("id", $"{Org(i)}-commitment-1");
                w.WriteString("organization", Org(i));
                w.WriteString("kind", EnumNames.Of(kind));
                w.WriteString("name", $"Synthetic commitment of {OrgName(i)}");
                w.WriteString("description", $"{OrgName(i)} commits to a synthetic {EnumNames.Of(kind).ToLowerInvariant()}.");
                WriteOptional(w, "status", r.Next(2) == 0 ? "committed (synthetic)" : null);
                Date(w, "madeOn", Epoch.AddDays(r.Next(12_000)));
                Citations(w, r, i, $"{OrgName(i)} made a synthetic commitment.");
                w.WriteEndObject();
                Flush(w, i);
            }
            return organizations;
        }

        private static string Body(int org, int tier) => $"{Org(org)}-body-{tier}";

        private static string PersonId(int org, int n) => $"{Org(org)}-person-{n}";

        private static string PersonName(int org, int n) => $"Synthetic Person {org:D6}-{n}";

        private void WriteBodies(Utf8JsonWriter w)
        {
            for (var i = 1; i <= organizations; i++)
            {
                var r = RandomFor(i, 6);
                for (var tier = 1; tier <= BodiesPerOrganization; tier++)
                {
                    var level = tier switch { 1 => GovernanceLevel.Board, 2 => GovernanceLevel.Management, _ => GovernanceLevel.Working };
                    w.WriteStartObject();
                    w.WriteString("id", Body(i, tier));
                    w.WriteString("organization", Org(i));
                    w.WriteString("name", $"Synthetic {EnumNames.Of(level).ToLowerInvariant()} ESG body (tier {tier})");
                    w.WriteNumber("tier", tier);
                    w.WriteString("level", EnumNames.Of(level));
                    w.WriteString("mandate", $"Tier {tier} of the synthetic three-tier ESG governance of {OrgName(i)}.");
                    Date(w, "establishedOn", Epoch.AddDays(r.Next(12_000)));
                    Citations(w, r, i, $"{OrgName(i)} set up a tier {tier} ESG body.");
                    w.WriteEndObject();
                    Flush(w, i);
                }
            }
        }

        private void WritePeople(Utf8JsonWriter w)
        {
            for (var i = 1; i <= organizations; i++)
            {
                var r = RandomFor(i, 7);
                for (var n = 1; n <= PeoplePerOrganization; n++)
                {
                    w.WriteStartObject();
                    w.WriteString("id", PersonId(i, n));
                    w.WriteString("name", PersonName(i, n));
                    w.WriteNull("nativeName");
                    Citations(w, r, i, $"{PersonName(i, n)} serves {OrgName(i)}.");
                    w.WriteEndObject();
                    Flush(w, i);
                }
            }
        }

        private void WriteMemberships(Utf8JsonWriter w)
        {
            for (var i = 1; i <= organizations; i++)
            {
                var r = RandomFor(i, 8);
                for (var n = 1; n <= PeoplePerOrganization; n++)
                {
                    var tier = 1 + (n - 1) % BodiesPerOrganization;
                    var since = Epoch.AddDays(r.Next(12_000));
                    DateOnly? until = r.Next(4) == 0 ? since.AddDays(1 + r.Next(2_000)) : null;
                    w.WriteStartObject();
                    w.WriteString("id", $"{PersonId(i, n)}-body-{tier}");
                    w.WriteString("body", Body(i, tier));
                    w.WriteString("person", PersonId(i, n));
                    w.WriteString("role", EnumNames.Of(n <= BodiesPerOrganization ? MembershipRole.Chair : MembershipRole.Member));
                    w.WriteString("title", n == 1 ? "chair of the board (synthetic)" : "director (synthetic)");
                    Date(w, "since", since);
                    Date(w, "until", until);
                    w.WriteNull("endedBy");
                    w.WriteNull("note");
                    Citations(w, r, i, $"{PersonName(i, n)} sits on the tier {tier} body.");
                    w.WriteEndObject();
                    Flush(w, i);
                }
            }
        }

        public int WriteStatements(Utf8JsonWriter w)
        {
            var count = 0;
            for (var i = 1; i <= organizations; i += 5)
            {
                var r = RandomFor(i, 9);
                var text = $"We at {OrgName(i)} are a synthetic company with synthetic goals";
                w.WriteStartObject();
                w.WriteString("id", $"{Org(i)}-statement-1");
                w.WriteString("organization", Org(i));
                w.WriteString("speaker", PersonId(i, 1));
                w.WriteString("speakerTitle", "Chair (synthetic)");
                Date(w, "saidOn", Epoch.AddDays(r.Next(12_000)));
                w.WriteString("text", text);
                Citations(w, r, i, $"\"{text}\", said the chair.");
                w.WriteEndObject();
                Flush(w, ++count);
            }
            return count;
        }

        public int WriteFigures(Utf8JsonWriter w)
        {
            var count = 0;
            for (var i = 1; i <= organizations; i++)
            {
                var r = RandomFor(i, 10);
                // Each figure of an organization is a distinct (metric, year) pair over decades.
                var firstYear = 1995 + r.Next(15);
                for (var n = 1; n <= FiguresPerOrganization; n++)
                {
                    var (metric, units) = FigureKinds[(n - 1 + i) % FigureKinds.Length];
                    var unit = units[r.Next(units.Length)];
                    var year = firstYear + n + r.Next(3) - 1;
                    var fiscal = r.Next(3) != 0;
                    var change = Units.IsChange(metric);
                    decimal? value = unit switch
                    {
                        Unit.Text => null,
                        Unit.Percent or Unit.PercentagePoints => Math.Round((decimal)(r.NextDouble() * (change ? 60 : 100)), 1),
                        Unit.Ratio => Math.Round((decimal)(1.05 + r.NextDouble() * 0.6), 3),
                        Unit.Rank => 1 + r.Next(500),
                        Unit.Score => r.Next(101),
                        _ => Math.Round((decimal)(r.NextDouble() * 10_000), 3),
                    };
                    var qualifier = r.Next(8) switch { 0 => ValueQualifier.Approximate, 1 => ValueQualifier.MoreThan, _ => ValueQualifier.Exact };
                    var published = value is { } v
                        ? qualifier switch
                        {
                            ValueQualifier.Approximate => $"approx. {v.ToString(CultureInfo.InvariantCulture)}",
                            ValueQualifier.MoreThan => $"more than {v.ToString(CultureInfo.InvariantCulture)}",
                            _ => v.ToString(CultureInfo.InvariantCulture),
                        }
                        : change ? (r.Next(2) == 0 ? "decreased" : "increased") : "not disclosed";
                    var basis = metric == Metric.NetScope12Emissions ? EmissionBasis.Net
                        : Units.IsInventory(metric) ? (r.Next(2) == 0 ? EmissionBasis.Gross : EmissionBasis.NotStated)
                        : Units.IsEmission(unit) ? EmissionBasis.NotStated
                        : change ? EmissionBasis.NotStated : EmissionBasis.NotApplicable;
                    var period = fiscal ? $"FY{year}" : $"CY{year}";
                    var direction = published == "increased" || (value is not null && r.Next(2) == 0) ? ChangeDirection.Increase : ChangeDirection.Decrease;

                    w.WriteStartObject();
                    w.WriteString("id", $"{Org(i)}-figure-{n:D2}");
                    w.WriteString("organization", Org(i));
                    w.WriteString("metric", EnumNames.Of(metric));
                    w.WriteString("subject", $"{OrgName(i)} (synthetic boundary)");
                    w.WriteStartObject("period");
                    w.WriteNumber(fiscal ? "fiscalYear" : "calendarYear", year);
                    w.WriteEndObject();
                    w.WriteString("publishedValue", published);
                    if (value is { } number)
                    {
                        w.WriteNumber("value", number);
                    }
                    else
                    {
                        w.WriteNull("value");
                    }
                    w.WriteString("qualifier", EnumNames.Of(qualifier));
                    w.WriteString("unit", EnumNames.Of(unit));
                    WriteOptional(w, "direction", change ? EnumNames.Of(direction) : null);
                    w.WriteString("basis", EnumNames.Of(basis));
                    w.WriteString("confidence", EnumNames.Of(r.Next(3) switch { 0 => Confidence.High, 1 => Confidence.Medium, _ => Confidence.Low }));
                    WriteOptional(w, "confidenceNote", r.Next(3) == 0 ? "synthetic confidence note" : null);
                    w.WriteNull("note");
                    WriteOptional(w, "report", r.Next(3) == 0 ? Report(i, 1 + r.Next(ReportsPerOrganization)) : null);
                    WriteOptional(w, "target", Units.IsEmission(unit) && r.Next(2) == 0 ? TargetId(i, 1 + r.Next(TargetsPerOrganization)) : null);
                    Citations(w, r, i, $"{OrgName(i)} reported {EnumNames.Of(metric).ToLowerInvariant()} of {published} {EnumNames.Of(unit)} for {period}.");
                    w.WriteEndObject();
                    Flush(w, ++count);
                }
            }
            return count;
        }
    }
}
