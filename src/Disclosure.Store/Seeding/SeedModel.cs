using Disclosure.Store.Data;

namespace Disclosure.Store.Seeding;

/// <summary>
/// The shapes of the files in <c>seed-data/</c>, exactly as documented in <c>seed-data/README.md</c>. These are
/// input records only: the store builder validates them and maps them to the entities in <c>Data/</c>.
/// </summary>
public static class SeedModel
{
    public sealed class Citation
    {
        public required string Source { get; init; }
        public required string Quote { get; init; }
        public string? Note { get; init; }
    }

    public sealed class SourcesFile { public required IReadOnlyList<Source> Sources { get; init; } }

    public sealed class Source
    {
        public required string Id { get; init; }
        public required string Title { get; init; }
        public required string Publisher { get; init; }
        public required string Url { get; init; }
        public DateOnly? PublishedOn { get; init; }
        public required SourceKind Kind { get; init; }
        public required string Language { get; init; }
        public string? TextFile { get; init; }
    }

    public sealed class OrganizationsFile { public required IReadOnlyList<Organization> Organizations { get; init; } }

    public sealed class Organization
    {
        public required string Id { get; init; }
        public required string Name { get; init; }
        public required OrganizationKind Kind { get; init; }
        public string? Parent { get; init; }
        public string? Mission { get; init; }
        public IReadOnlyList<Listing> Listings { get; init; } = [];
        public required IReadOnlyList<Citation> Citations { get; init; }
    }

    public sealed class Listing
    {
        public required string Exchange { get; init; }
        public required string Symbol { get; init; }
    }

    public sealed class ReportsFile { public required IReadOnlyList<Report> Reports { get; init; } }

    public sealed class Report
    {
        public required string Id { get; init; }
        public required string Organization { get; init; }
        public required string Title { get; init; }
        public required ReportKind Kind { get; init; }
        public int? FiscalYear { get; init; }
        public required DateOnly PublishedOn { get; init; }
        public string? PublishedOnNote { get; init; }
        public string? Framework { get; init; }
        public string? Verifier { get; init; }
        public string? VerificationScope { get; init; }
        public required IReadOnlyList<Citation> Citations { get; init; }
    }

    public sealed class ScopesFile { public required IReadOnlyList<Scope> Scopes { get; init; } }

    public sealed class Scope
    {
        public required string Id { get; init; }
        public required string Code { get; init; }
        public required string Name { get; init; }
        public required ScopeFramework Framework { get; init; }
        public required ScopeKind Kind { get; init; }
        public string? Parent { get; init; }
        public ScopeRelation? Relation { get; init; }
        public int? CategoryNumber { get; init; }
        public ValueChainDirection? Direction { get; init; }
        public required string Definition { get; init; }
        public string? DefinedBy { get; init; }
        public required IReadOnlyList<Citation> Citations { get; init; }
    }

    public sealed class TargetsFile { public required IReadOnlyList<Target> Targets { get; init; } }

    public sealed class Target
    {
        public required string Id { get; init; }
        public required string Organization { get; init; }
        public required string Name { get; init; }
        public required TargetKind Kind { get; init; }
        public required IReadOnlyList<string> Scopes { get; init; }
        public int? BaselineYear { get; init; }
        public required int TargetYear { get; init; }
        public Quantity? Quantity { get; init; }
        public string? IntensityDenominator { get; init; }
        public required TargetStatus Status { get; init; }
        public required DateOnly AnnouncedOn { get; init; }
        public required string Text { get; init; }
        public required IReadOnlyList<Citation> Citations { get; init; }
    }

    public sealed class Quantity
    {
        public required decimal Value { get; init; }
        public required Unit Unit { get; init; }
    }

    public sealed class CommitmentsFile { public required IReadOnlyList<Commitment> Commitments { get; init; } }

    public sealed class Commitment
    {
        public required string Id { get; init; }
        public required string Organization { get; init; }
        public required CommitmentKind Kind { get; init; }
        public required string Name { get; init; }
        public required string Description { get; init; }
        public string? Status { get; init; }
        public DateOnly? MadeOn { get; init; }
        public required IReadOnlyList<Citation> Citations { get; init; }
    }

    public sealed class GovernanceFile
    {
        public required IReadOnlyList<Body> Bodies { get; init; }
        public required IReadOnlyList<Person> People { get; init; }
        public required IReadOnlyList<Membership> Memberships { get; init; }
    }

    public sealed class Body
    {
        public required string Id { get; init; }
        public required string Organization { get; init; }
        public required string Name { get; init; }
        public int? Tier { get; init; }
        public required GovernanceLevel Level { get; init; }
        public required string Mandate { get; init; }
        public DateOnly? EstablishedOn { get; init; }
        public required IReadOnlyList<Citation> Citations { get; init; }
    }

    public sealed class Person
    {
        public required string Id { get; init; }
        public required string Name { get; init; }
        public string? NativeName { get; init; }
        public required IReadOnlyList<Citation> Citations { get; init; }
    }

    public sealed class Membership
    {
        public required string Id { get; init; }
        public required string Body { get; init; }
        public required string Person { get; init; }
        public required MembershipRole Role { get; init; }
        public required string Title { get; init; }
        public DateOnly? Since { get; init; }
        public DateOnly? Until { get; init; }
        public DateOnly? EndedBy { get; init; }
        public string? Note { get; init; }
        public required IReadOnlyList<Citation> Citations { get; init; }
    }

    public sealed class StatementsFile { public required IReadOnlyList<Statement> Statements { get; init; } }

    public sealed class Statement
    {
        public required string Id { get; init; }
        public required string Organization { get; init; }
        public required string Speaker { get; init; }
        public required string SpeakerTitle { get; init; }
        public required DateOnly SaidOn { get; init; }
        public required string Text { get; init; }
        public required IReadOnlyList<Citation> Citations { get; init; }
    }

    public sealed class FiguresFile { public required IReadOnlyList<Figure> Figures { get; init; } }

    public sealed class Figure
    {
        public required string Id { get; init; }
        public required string Organization { get; init; }
        public required Metric Metric { get; init; }
        public string? Subject { get; init; }
        public required Period Period { get; init; }
        public required string PublishedValue { get; init; }
        public decimal? Value { get; init; }
        public required ValueQualifier Qualifier { get; init; }
        public required Unit Unit { get; init; }
        public ChangeDirection? Direction { get; init; }
        public required EmissionBasis Basis { get; init; }
        public required Confidence Confidence { get; init; }
        public string? ConfidenceNote { get; init; }
        public string? Note { get; init; }
        public string? Report { get; init; }
        public string? Target { get; init; }
        public required IReadOnlyList<Citation> Citations { get; init; }
    }

    public sealed class Period
    {
        public int? FiscalYear { get; init; }
        public int? CalendarYear { get; init; }
        public DateOnly? Start { get; init; }
        public DateOnly? End { get; init; }
        public string? Label { get; init; }
        public DateOnly? AsOf { get; init; }
    }

    public sealed class RenamesFile { public required IReadOnlyList<Rename> Renames { get; init; } }

    /// <summary>A published id that was replaced: <c>oldId</c> of <c>type</c> is now <c>newId</c>, and why.</summary>
    public sealed class Rename
    {
        public required string Type { get; init; }
        public required string OldId { get; init; }
        public required string NewId { get; init; }
        public required string Reason { get; init; }
    }
}
