namespace Disclosure.Store.Seeding;

/// <summary>The whole seed folder, parsed and validated: what the store is built from.</summary>
public sealed class SeedDataset
{
    public required IReadOnlyList<SeedModel.Source> Sources { get; init; }
    public required IReadOnlyList<SeedModel.Organization> Organizations { get; init; }
    public required IReadOnlyList<SeedModel.Report> Reports { get; init; }
    public required IReadOnlyList<SeedModel.Scope> Scopes { get; init; }
    public required IReadOnlyList<SeedModel.Target> Targets { get; init; }
    public required IReadOnlyList<SeedModel.Commitment> Commitments { get; init; }
    public required SeedModel.GovernanceFile Governance { get; init; }
    public required IReadOnlyList<SeedModel.Statement> Statements { get; init; }
    public required IReadOnlyList<SeedModel.Figure> Figures { get; init; }

    /// <summary>Published ids that were replaced (<c>renames.json</c>; empty when the file is absent).</summary>
    public IReadOnlyList<SeedModel.Rename> Renames { get; init; } = [];

    /// <summary>The verbatim texts of sources held in full, by source id.</summary>
    public required IReadOnlyDictionary<string, string> Documents { get; init; }
}
