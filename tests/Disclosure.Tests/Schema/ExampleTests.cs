using System.Text.RegularExpressions;
using Disclosure.Tests.Infrastructure;
using Snapshooter;
using Snapshooter.Xunit;

namespace Disclosure.Tests.Schema;

/// <summary>Every example operation in schema/examples/ runs without errors, and its answer is snapshot-tested.</summary>
[Collection(FullDatasetGroup.Name)]
public sealed partial class ExampleTests(FullDatasetApiFactory api)
{
    public static TheoryData<string> Examples() =>
        [.. Directory.GetFiles(RepoPaths.Examples, "*.graphql").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];

    [Fact]
    public void There_are_examples_for_investors_journalists_and_agencies()
    {
        Assert.True(Examples().Count >= 5);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_runs_and_matches_its_snapshot(string name)
    {
        var document = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Examples, name + ".graphql"));
        var operation = OperationName().Match(document).Groups[1].Value;
        Assert.Equal(name, operation);

        var response = await api.CreateClient().QueryAsync(document, operationName: operation);

        Assert.Null(response["errors"]);
        Snapshot.Match(response.Pretty(), SnapshotNameExtension.Create(name));
    }

    [GeneratedRegex(@"^query\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex OperationName();
}
