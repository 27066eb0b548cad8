using Disclosure.Api.Store;
using Disclosure.Store.Building;
using Disclosure.Store.Seeding;
using GraphQL.Types;
using GraphQL.Utilities;

namespace Disclosure.Api.Commands;

/// <summary>
/// The API's maintenance commands:
/// <c>store build</c> rebuilds the store from seed-data/ without serving;
/// <c>schema export [path]</c> writes the printed schema (default: schema/schema.graphql beside seed-data/).
/// </summary>
public static class CommandLine
{
    public static async Task<int?> RunCommandAsync(this WebApplication app, string[] args)
    {
        switch (args)
        {
            case ["store", "build", ..]:
            {
                var backend = app.Services.GetRequiredService<StoreBackend>();
                try
                {
                    var result = await backend.BuildAsync(new StoreBuildOptions { Progress = Console.WriteLine }, CancellationToken.None);
                    Console.WriteLine($"Built {backend.Description}: dataset {result.Dataset.Version}, {result.Dataset.FactCount} facts, " +
                                      $"{result.Dataset.CitationCount} citations in {result.Elapsed.TotalMilliseconds:0} ms.");
                    return 0;
                }
                catch (SeedValidationException e)
                {
                    await Console.Error.WriteLineAsync(e.Message);
                    return 1;
                }
            }
            case ["schema", "export", ..]:
            {
                var location = app.Services.GetRequiredService<StoreLocation>();
                var path = args.Length > 2 ? Path.GetFullPath(args[2]) : SchemaFile.DefaultPath(location);
                await File.WriteAllTextAsync(path, SchemaFile.Print(app.Services.GetRequiredService<ISchema>()));
                Console.WriteLine($"Wrote {path}.");
                return 0;
            }
            case ["store", ..] or ["schema", ..]:
                await Console.Error.WriteLineAsync("Usage: store build | schema export [path]");
                return 2;
            default:
                return null;
        }
    }
}
