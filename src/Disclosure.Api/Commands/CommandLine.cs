using Disclosure.Api.Store;
using Disclosure.Store.Building;
using Disclosure.Store.Seeding;
using GraphQL.Types;
using GraphQL.Utilities;

namespace Disclosure.Api.Commands;

/// <summary>
/// The API's maintenance commands:
/// <c>store build</c> rebuilds the store from seed-data/ without serving;
/// <c>schema export [path]</c> writes the printed schema (default: schema/schema.graphql beside seed-data/);
/// <c>hash-key [key]</c> prints the SHA-256 an operator configures for an API key (a new random key when none is given).
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
                    var result = await backend.BuildAsync(new StoreBuildOptions { Progress = Console.WriteLine, Exports = Exports.ExportService.Of(app.Services).Settings }, CancellationToken.None);
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
            case ["hash-key", .. var rest]:
            {
                var key = rest.Length > 0 ? rest[0] : Base64Url(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
                if (rest.Length == 0)
                {
                    Console.WriteLine($"key:    {key}    (give it to the client; it is not stored)");
                }
                Console.WriteLine($"Sha256: {Disclosure.Api.RateLimiting.CostRateLimiter.HashKey(key)}");
                Console.WriteLine("Configure it as RateLimit:Keys:<name>:Sha256 (and optionally RateLimit:Keys:<name>:PointsPerWindow).");
                return 0;
            }
            case ["store", ..] or ["schema", ..]:
                await Console.Error.WriteLineAsync("Usage: store build | schema export [path]");
                return 2;
            default:
                return null;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
