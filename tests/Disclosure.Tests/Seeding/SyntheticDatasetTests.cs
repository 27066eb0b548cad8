// The benchmark program is referenced under an alias: both it and the API have a top-level Program.
extern alias benchmarks;

using benchmarks::Disclosure.Benchmarks;
using Disclosure.Store.Building;
using Disclosure.Store.Seeding;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Seeding;

/// <summary>The synthetic scale dataset (tests/Disclosure.Benchmarks) at a tiny size: valid, exactly sized, marked, deterministic.</summary>
public sealed class SyntheticDatasetTests
{
    private const int Organizations = 20;

    [Fact]
    public void A_generated_folder_is_valid_seed_data_with_the_exact_counts()
    {
        var folder = Generate();

        var dataset = SeedLoader.Load(folder);

        Assert.Equal(Organizations, dataset.Organizations.Count);
        Assert.Equal(5 * Organizations, dataset.Targets.Count);
        Assert.Equal(20 * Organizations, dataset.Figures.Count);
        Assert.Equal(3 * Organizations, dataset.Governance.Bodies.Count);
        Assert.Equal(5 * Organizations, dataset.Governance.People.Count);
        Assert.Equal(5 * Organizations, dataset.Governance.Memberships.Count);
        Assert.Equal(2 * Organizations, dataset.Reports.Count);
        Assert.NotEmpty(dataset.Commitments);
        Assert.NotEmpty(dataset.Statements);
        Assert.Equal(SeedLoader.Load(RepoPaths.SeedData).Scopes.Select(s => s.Code), dataset.Scopes.Select(s => s.Code));
        Assert.All(dataset.Targets.Concat<object>(dataset.Figures), fact => Assert.NotEmpty(fact is SeedModel.Target t ? t.Citations : ((SeedModel.Figure)fact).Citations));
        Assert.Contains(dataset.Figures, f => f.Period.FiscalYear is not null);
        Assert.Contains(dataset.Figures, f => f.Period.CalendarYear is not null);
        Assert.Contains(dataset.Figures, f => f.Target is not null);
    }

    [Fact]
    public void A_generated_folder_is_marked_synthetic_everywhere()
    {
        var folder = Generate();
        var dataset = SeedLoader.Load(folder);

        Assert.StartsWith(SyntheticDataset.ReadmeFirstLine, File.ReadAllText(Path.Combine(folder, "README.md")));
        Assert.All(dataset.Sources, s =>
        {
            Assert.StartsWith("SYNTHETIC", s.Title, StringComparison.Ordinal);
            Assert.StartsWith("https://example.invalid/synthetic/", s.Url, StringComparison.Ordinal);
            Assert.Null(s.TextFile);
        });
        Assert.Equal("Synthetic Org 000001", dataset.Organizations[0].Name);
        Assert.All(dataset.Organizations, o => Assert.StartsWith("Synthetic Org ", o.Name, StringComparison.Ordinal));
        Assert.Empty(Directory.GetDirectories(folder));
    }

    [Fact]
    public void Generation_is_deterministic()
    {
        Assert.Equal(DatasetVersion.Compute(Generate()), DatasetVersion.Compute(Generate()));
    }

    [Fact]
    public void The_streaming_loader_accepts_the_generated_folder_too()
    {
        var content = SeedLoader.LoadStreaming(Generate());

        Assert.Equal(20 * Organizations, content.Figures().Count());
        Assert.Equal(5 * Organizations, content.Targets().Count());
        Assert.Equal(5 * Organizations, content.Memberships().Count());
    }

    [Fact]
    public void The_generator_refuses_to_write_into_the_curated_seed_data()
    {
        Assert.Throws<ArgumentException>(() => SyntheticOutput.EnsureAllowed(RepoPaths.SeedData, RepoPaths.SeedData));
        Assert.Throws<ArgumentException>(() => SyntheticOutput.EnsureAllowed(Path.Combine(RepoPaths.SeedData, "synthetic"), RepoPaths.SeedData));
        Assert.Throws<ArgumentException>(() => SyntheticOutput.EnsureAllowed(RepoPaths.Root, RepoPaths.SeedData));
        var unrelated = Path.Combine(Path.GetTempPath(), "disclosure-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(unrelated);
        File.WriteAllText(Path.Combine(unrelated, "notes.txt"), "keep me");
        Assert.Throws<ArgumentException>(() => SyntheticOutput.EnsureAllowed(unrelated, RepoPaths.SeedData));
        SyntheticOutput.EnsureAllowed(Generate(), RepoPaths.SeedData); // an earlier synthetic folder may be rewritten
    }

    private static string Generate()
    {
        var folder = Path.Combine(Path.GetTempPath(), "disclosure-tests", Guid.NewGuid().ToString("N"), "synthetic");
        SyntheticDataset.Generate(folder, Organizations, Path.Combine(RepoPaths.SeedData, "scopes.json"));
        return folder;
    }
}
