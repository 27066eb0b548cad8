using Disclosure.Api.Store;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace Disclosure.Api.Commands;

/// <summary>The committed schema contract, schema/schema.graphql: the SDL the API serves, descriptions included.</summary>
public static class SchemaFile
{
    public static string DefaultPath(StoreLocation location) =>
        Path.Combine(Path.GetDirectoryName(location.SeedDirectory)!, "schema", "schema.graphql");

    public static string Print(ISchema schema) =>
        schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
}
