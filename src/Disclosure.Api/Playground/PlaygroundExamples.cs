using System.Text.Json.Serialization;
using Disclosure.Api.Caching;
using Disclosure.Api.Store;

namespace Disclosure.Api.Playground;

/// <summary>
/// One ready-made operation of schema/examples/, offered as a playground tab and as a persisted document: its
/// <c>documentId</c> is <c>sha256:</c> and the SHA-256 (lowercase hex) of <see cref="Query"/>'s UTF-8 text.
/// </summary>
public sealed record PlaygroundExample(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("query")] string Query)
{
    [JsonPropertyName("documentId")]
    public string DocumentId { get; } = PersistedDocuments.DocumentId(Query);
}

/// <summary>Reads the named operations of schema/examples/ (each file: leading <c>#</c> comment lines, then the operation).</summary>
public static class PlaygroundExamples
{
    /// <summary>The example the playground opens first: the targets with their progress and sources.</summary>
    public const string DefaultExample = "TargetsWithProgress";

    /// <summary>schema/examples/ beside the seed folder.</summary>
    public static string DirectoryFor(StoreLocation location) =>
        Path.Combine(Path.GetDirectoryName(location.SeedDirectory)!, "schema", "examples");

    public static IReadOnlyList<PlaygroundExample> Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.EnumerateFiles(directory, "*.graphql")
            .Select(Read)
            .OrderBy(e => e.Name == DefaultExample ? 0 : 1)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
    }

    public static PlaygroundExample Read(string path)
    {
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var description = string.Join(' ', text.Split('\n')
            .TakeWhile(line => line.StartsWith('#'))
            .Select(line => line.TrimStart('#').Trim())
            .Where(line => line.Length > 0));
        return new PlaygroundExample(Path.GetFileNameWithoutExtension(path), description, text.TrimEnd() + "\n");
    }
}
