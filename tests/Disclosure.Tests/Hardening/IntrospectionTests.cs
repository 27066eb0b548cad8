using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Hardening;

/// <summary>
/// Introspection is open (the playground and client generators need it) but bounded by rule: the standard
/// introspection query passes, and a query that nests the schema's lists deeper than it does (the circular
/// introspection query of graphql-cop) is refused before it runs.
/// </summary>
[Collection(ApiTestGroup.Name)]
public sealed class IntrospectionTests(DisclosureApiFactory api)
{
    [Fact]
    public async Task The_introspection_query_graphiql_and_apollo_send_is_answered()
    {
        var query = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "tests", "Disclosure.Tests", "Hardening", "IntrospectionQuery.graphql"));

        var response = await api.CreateClient().QueryAsync(query);

        Assert.Null(response["errors"]);
        Assert.True(response["data"]!["__schema"]!["types"]!.AsArray().Count > 25);
    }

    [Theory]
    [InlineData("query { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }", 5)]
    [InlineData("query { __schema { types { fields { type { fields { args { name } } } } } } }", 4)]
    [InlineData("query { __type(name: \"Query\") { fields { type { fields { type { fields { type { fields { name } } } } } } } } }", 4)]
    [InlineData("query { __schema { types { ...F } } } fragment F on __Type { fields { type { ofType { fields { type { ...G } } } } } } fragment G on __Type { interfaces { name } }", 4)]
    public async Task An_introspection_query_that_nests_the_schemas_lists_deeper_than_the_standard_one_is_refused(string query, int nesting)
    {
        var error = (await api.CreateClient().QueryAsync(query))["errors"]![0]!;

        Assert.Equal("MAX_INTROSPECTION_DEPTH", error["extensions"]!["code"]!.GetValue<string>());
        Assert.StartsWith($"The introspection query nests {nesting} lists", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_directive_repeated_on_one_location_is_one_error_not_one_per_repeat()
    {
        var response = await api.CreateClient().QueryAsync("query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }");

        var error = Assert.Single(response["errors"]!.AsArray())!;
        Assert.Equal("MAX_DIRECTIVES", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("@aa is used twice on one location", error["message"]!.GetValue<string>());
    }
}
