using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Importing;

/// <summary>Paths of the importer fixtures (copied to the output) and of the real publisher files in seed-data/imports.</summary>
internal static class Fixture
{
    public static string Path(string dataset, string file) =>
        System.IO.Path.Combine(AppContext.BaseDirectory, "Importing", "Fixtures", dataset, file);

    public static string Real(string datasetId, string file) =>
        System.IO.Path.Combine(RepoPaths.SeedData, "imports", datasetId, file);
}
