using Disclosure.Store.Seeding;
using Microsoft.Extensions.Options;

namespace Disclosure.Api.Store;

/// <summary>The resolved paths of the seed folder and the store file.</summary>
public sealed class StoreLocation
{
    public StoreLocation(IOptions<StoreOptions> options, IHostEnvironment environment)
    {
        SeedDirectory = options.Value.SeedDirectory is { } seed
            ? System.IO.Path.GetFullPath(seed, environment.ContentRootPath)
            : FindSeedDirectory(environment.ContentRootPath);
        StorePath = options.Value.Path is { } path
            ? System.IO.Path.GetFullPath(path, environment.ContentRootPath)
            : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(SeedDirectory)!, ".store", "disclosure.db");
    }

    public string SeedDirectory { get; }

    public string StorePath { get; }

    private static string FindSeedDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "seed-data");
            if (File.Exists(System.IO.Path.Combine(candidate, SeedLoader.SourcesFile)))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException($"No seed-data folder found above '{start}'. Set Store:SeedDirectory.");
    }
}
