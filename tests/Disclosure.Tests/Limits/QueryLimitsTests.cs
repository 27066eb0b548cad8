using Disclosure.Api.GraphQL;
using Disclosure.Tests.Infrastructure;
using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.Tests.Limits;

/// <summary>The document cache, and the cost and depth rules that still apply to a cached document with new variables.</summary>
[Collection(ApiTestGroup.Name)]
public sealed class QueryLimitsTests(DisclosureApiFactory api)
{
    private const string Nested = "query($n: Int) { organizations(first: $n) { nodes { figures(first: $n) { nodes { citations { source { title } } } } } } }";

    [Fact]
    public async Task A_repeated_query_is_served_from_the_document_cache()
    {
        var cache = api.Services.GetRequiredService<DocumentCache>();
        var query = $"query($n: Int) {{ people(first: $n) {{ nodes {{ name }} }} __typename }} # {Guid.NewGuid()}";

        // Other variables each time: the same request again would be answered by the output cache, before the engine.
        var hits = cache.Hits;
        await api.CreateClient().DataAsync(query, new { n = 1 });
        Assert.Equal(hits, cache.Hits);
        await api.CreateClient().DataAsync(query, new { n = 2 });
        Assert.Equal(hits + 1, cache.Hits);
    }

    [Fact]
    public async Task The_cost_rule_applies_to_a_cached_document_with_new_variables()
    {
        var cache = api.Services.GetRequiredService<DocumentCache>();
        var client = api.CreateClient();
        await client.DataAsync(Nested, new { n = 1 });
        var hits = cache.Hits;

        var expensive = await client.QueryAsync(Nested, new { n = 100 });

        Assert.Equal(hits + 1, cache.Hits);
        var error = expensive["errors"]![0]!;
        Assert.Contains("too complex", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("COMPLEXITY", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(expensive["data"]);
    }

    [Fact]
    public async Task A_query_deeper_than_the_limit_is_refused_but_introspection_is_not()
    {
        var deep = "{ organization(slug: \"cainiao\") { " + string.Concat(Enumerable.Repeat("parent { ", 12)) + "name" + new string('}', 13) + " }";
        var introspection = "{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name ofType { name ofType { name ofType { name ofType { name ofType { name } } } } } } } } } } } } }";

        var refused = await api.CreateClient().QueryAsync(deep);
        var allowed = await api.CreateClient().QueryAsync(introspection);

        Assert.Contains("depth", refused["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Null(allowed["errors"]);
    }

    [Fact]
    public async Task The_cache_is_bounded_and_forgets_the_least_recently_used()
    {
        var cache = new DocumentCache(Options.Create(new QueryLimits { DocumentCacheSize = 2 }));
        var executed = 0;
        ExecutionDelegate next = options =>
        {
            executed++;
            return Task.FromResult(new ExecutionResult { Executed = true, Document = GraphQLParser.Parser.Parse(options.Query!) });
        };

        foreach (var query in new[] { "{ a }", "{ b }", "{ a }", "{ c }", "{ a }", "{ b }" })
        {
            await ((IConfigureExecution)cache).ExecuteAsync(new ExecutionOptions { Query = query }, next);
        }

        // a, b miss; a hits; c misses and evicts b; a hits; b misses again.
        Assert.Equal((2, 4, 2), ((int)cache.Hits, (int)cache.Misses, cache.Count));
        Assert.Equal(4, executed - 2);
    }
}
