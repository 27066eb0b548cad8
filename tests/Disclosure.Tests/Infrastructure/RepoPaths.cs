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

    /// <summary>A fresh copy of seed-data/ in a temporary folder, for tests that break it on purpose.</summary>
    public static string CopySeedData()
    {
        var target = Path.Combine(Path.GetTempPath(), "disclosure-tests", Guid.NewGuid().ToString("N"), "seed-data");
        foreach (var file in Directory.EnumerateFiles(SeedData, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(SeedData, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }
}
