namespace Disclosure.Tests.Infrastructure;

/// <summary>Paths in the repository the tests run from.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SeedData => Path.Combine(Root, "seed-data");

    public static string SchemaFile => Path.Combine(Root, "schema", "schema.graphql");

    public static string Examples => Path.Combine(Root, "schema", "examples");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Disclosure.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Disclosure.sln not found above the test binaries.");
    }

    private static readonly Lazy<string> Curated = new(() => CopySeedData(withImports: false));

    /// <summary>
    /// seed-data/ without the imported datasets (imports/, overrides/, mappings/): the curated Alibaba facts only,
    /// copied once per test run. The paging, caching and limits tests reason about these known facts; the imported
    /// datasets are tested on the whole seed-data/ (Importing/, the examples).
    /// </summary>
    public static string CuratedSeedData => Curated.Value;

    /// <summary>A fresh copy of seed-data/ in a temporary folder, for tests that break it on purpose.</summary>
    public static string CopySeedData(bool withImports = true)
    {
        var target = Path.Combine(Path.GetTempPath(), "disclosure-tests", Guid.NewGuid().ToString("N"), "seed-data");
        string[] imported = ["imports", "overrides", "mappings"];
        foreach (var file in Directory.EnumerateFiles(SeedData, "*", SearchOption.AllDirectories))
        {
            if (!withImports && imported.Contains(Path.GetRelativePath(SeedData, file).Split(Path.DirectorySeparatorChar)[0]))
            {
                continue;
            }
            var destination = Path.Combine(target, Path.GetRelativePath(SeedData, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        // The examples beside the seed folder, as in the repository (the API finds them there).
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "schema"), "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, "..", "schema", Path.GetRelativePath(Path.Combine(Root, "schema"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }
}
