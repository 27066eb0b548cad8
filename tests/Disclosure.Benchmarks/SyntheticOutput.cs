namespace Disclosure.Benchmarks;

/// <summary>Where synthetic data may go: never into (or under) the curated seed-data/, never over an unrelated folder.</summary>
public static class SyntheticOutput
{
    /// <summary>The repository's curated seed-data/ folder, found above the working directory or the binaries.</summary>
    public static string FindRealSeedData()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Disclosure.sln")) && Directory.Exists(Path.Combine(dir.FullName, "seed-data")))
                {
                    return Path.Combine(dir.FullName, "seed-data");
                }
            }
        }
        throw new ArgumentException("the repository's seed-data/ folder (beside Disclosure.sln) was not found");
    }

    /// <summary>Throws unless <paramref name="output"/> is outside <paramref name="realSeedData"/> and empty or already synthetic.</summary>
    public static void EnsureAllowed(string output, string realSeedData)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        var seed = Path.TrimEndingDirectorySeparator(Path.GetFullPath(realSeedData));
        if (full == seed || full.StartsWith(seed + Path.DirectorySeparatorChar, StringComparison.Ordinal) ||
            seed.StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"refusing to write synthetic data into or over the curated dataset ({seed}); choose a folder outside it, e.g. under /tmp");
        }
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            var readme = Path.Combine(full, "README.md");
            if (!File.Exists(readme) || !File.ReadLines(readme).FirstOrDefault()?.StartsWith(SyntheticDataset.ReadmeFirstLine, StringComparison.Ordinal) == true)
            {
                throw new ArgumentException($"refusing to write into {full}: it is not empty and not a synthetic dataset folder");
            }
        }
    }
}
