using Disclosure.Store.Importing;

namespace Disclosure.Store.Seeding;

/// <summary>
/// A validated seed folder as the store builder consumes it: the small collections in memory, the large ones as
/// sequences that can be enumerated again (from memory for a <see cref="SeedDataset"/>, or streamed from the
/// files again for a folder loaded with <see cref="SeedLoader.LoadStreaming"/>).
/// </summary>
public sealed class SeedContent
{
    public required IReadOnlyList<SeedModel.Source> Sources { get; init; }
    public required IReadOnlyList<SeedModel.Organization> Organizations { get; init; }
    public required IReadOnlyList<SeedModel.Scope> Scopes { get; init; }
    public required Func<IEnumerable<SeedModel.Report>> Reports { get; init; }
    public required Func<IEnumerable<SeedModel.Target>> Targets { get; init; }
    public required Func<IEnumerable<SeedModel.Commitment>> Commitments { get; init; }
    public required Func<IEnumerable<SeedModel.Body>> Bodies { get; init; }
    public required Func<IEnumerable<SeedModel.Person>> People { get; init; }
    public required Func<IEnumerable<SeedModel.Membership>> Memberships { get; init; }
    public required Func<IEnumerable<SeedModel.Statement>> Statements { get; init; }
    public required Func<IEnumerable<SeedModel.Figure>> Figures { get; init; }
    public IReadOnlyList<SeedModel.Rename> Renames { get; init; } = [];

    /// <summary>What the importers read from <c>seed-data/imports/</c> (empty when the folder has none).</summary>
    public ImportInput Imports { get; internal set; } = ImportInput.Empty;

    public static SeedContent Of(SeedDataset d) => new()
    {
        Sources = d.Sources,
        Organizations = d.Organizations,
        Scopes = d.Scopes,
        Reports = () => d.Reports,
        Targets = () => d.Targets,
        Commitments = () => d.Commitments,
        Bodies = () => d.Governance.Bodies,
        People = () => d.Governance.People,
        Memberships = () => d.Governance.Memberships,
        Statements = () => d.Statements,
        Figures = () => d.Figures,
        Renames = d.Renames,
    };
}
