using System.Net;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Caching;

/// <summary>POST answers are kept by the server, keyed on the normalised request: variables, operation and extensions all count.</summary>
public sealed class PostCachingTests(DisclosureApiFactory api) : IClassFixture<DisclosureApiFactory>
{
    private const string TargetQuery = "query Target($slug: String!) { target(slug: $slug) { slug name targetYear } }";

    private async Task<(string Body, int Commands, bool Cached, HttpResponseMessage Response)> PostAsync(object body)
    {
        api.SqlCommands.Reset();
        var response = await api.CreateClient().PostJsonAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (text, api.SqlCommands.Count, response.FromServerCache(), response);
    }

    private async Task<string[]> TwoTargetSlugsAsync()
    {
        var nodes = (await api.CreateClient().DataAsync("{ targets(first: 2, order: [{ targetYear: DESC }]) { nodes { slug } } }"))["targets"]!["nodes"]!.AsArray();
        return [.. nodes.Select(n => n!["slug"]!.GetValue<string>())];
    }

    [Fact]
    public async Task Two_variable_sets_never_share_an_answer_and_each_is_served_from_the_cache_the_second_time()
    {
        var slugs = await TwoTargetSlugsAsync();

        var a = await PostAsync(new { query = TargetQuery, variables = new { slug = slugs[0] } });
        var b = await PostAsync(new { query = TargetQuery, variables = new { slug = slugs[1] } });
        var aAgain = await PostAsync(new { query = TargetQuery, variables = new { slug = slugs[0] } });
        var bAgain = await PostAsync(new { query = TargetQuery, variables = new { slug = slugs[1] } });

        Assert.Contains(slugs[0], a.Body);
        Assert.Contains(slugs[1], b.Body);
        Assert.NotEqual(a.Body, b.Body);
        Assert.True(a.Commands > 0 && b.Commands > 0, "each variable set is executed once");
        Assert.Equal(a.Body, aAgain.Body);
        Assert.Equal(b.Body, bAgain.Body);
        Assert.Equal((0, true), (aAgain.Commands, aAgain.Cached));
        Assert.Equal((0, true), (bAgain.Commands, bAgain.Cached));
    }

    [Fact]
    public async Task The_key_is_the_normalised_request_so_key_order_and_whitespace_do_not_matter()
    {
        var slug = (await TwoTargetSlugsAsync())[0];
        var query = "query Normalised($slug: String!) { target(slug: $slug) { name baselineYear } }";

        var first = await PostAsync($$"""{"query":"{{query}}","variables":{"slug":"{{slug}}","unused":null},"operationName":"Normalised"}""");
        var reordered = await PostAsync($$"""
            { "operationName" : "Normalised",
              "variables" : { "unused": null, "slug" : "{{slug}}" },
              "query" : "{{query}}", "extensions": null }
            """);

        Assert.True(first.Commands > 0);
        Assert.Equal((0, true), (reordered.Commands, reordered.Cached));
        Assert.Equal(first.Body, reordered.Body);
    }

    [Fact]
    public async Task Operation_name_and_extensions_are_part_of_the_key()
    {
        const string Document = "query One { reports(first: 1) { nodes { slug } } } query Two { reports(first: 2) { nodes { slug } } }";
        var one = await PostAsync(new { query = Document, operationName = "One" });
        var two = await PostAsync(new { query = Document, operationName = "Two" });
        var withExtensions = await PostAsync(new { query = Document, operationName = "One", extensions = new { trace = true } });

        Assert.NotEqual(one.Body, two.Body);
        Assert.False(two.Cached);
        Assert.False(withExtensions.Cached);
        Assert.Equal(one.Body, withExtensions.Body);
    }

    [Fact]
    public async Task POST_answers_are_no_store_for_HTTP_caches_even_when_the_server_keeps_them()
    {
        var body = new { query = "{ reports(first: 4) { nodes { slug } } }" };
        var first = await PostAsync(body);
        var second = await PostAsync(body);

        Assert.True(second.Cached);
        foreach (var response in new[] { first.Response, second.Response })
        {
            Assert.Equal("no-store", response.Header("Cache-Control"));
            Assert.Null(response.Headers.ETag);
            Assert.NotNull(response.Header("X-Dataset-Version"));
        }
    }

    [Fact]
    public async Task A_body_seen_before_whose_answer_was_not_kept_is_read_again_and_answered_again()
    {
        // The answer has a field error, so it is not kept; the server still remembers the body's key, and the second,
        // byte-identical POST (a cache miss) is parsed by the endpoint from the body the policy read.
        var body = $$"""{"query":"{ figures(first: 2, after: \"not-a-cursor-{{Guid.NewGuid():N}}\") { nodes { slug } } }"}""";
        var first = await PostAsync(body);
        var second = await PostAsync(body);

        Assert.Contains("INVALID_CURSOR", first.Body);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal((false, false), (first.Cached, second.Cached));
    }

    [Fact]
    public async Task A_body_that_is_not_valid_JSON_gets_400_every_time()
    {
        using var first = await api.CreateClient().PostJsonAsync("""{"query": "{ __typename }" """);
        using var second = await api.CreateClient().PostJsonAsync("""{"query": "{ __typename }" """);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (first.StatusCode, second.StatusCode));
        Assert.Contains("not valid JSON", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_cost_limit_still_applies_to_a_document_cached_with_cheap_variables()
    {
        const string Query = "query($n: Int) { figures(first: $n) { nodes { organization { figures(first: 100) { nodes { slug } } } } } }";
        var cheap = await PostAsync(new { query = Query, variables = new { n = 1 } });
        api.SqlCommands.Reset();
        using var expensive = await api.CreateClient().PostJsonAsync(new { query = Query, variables = new { n = 100 }, extensions = new { x = 1 } });
        var errors = (await expensive.JsonAsync())["errors"];

        Assert.DoesNotContain("errors", cheap.Body);
        Assert.NotNull(errors);
        Assert.Contains("too complex", errors!.ToJsonString());
        Assert.Equal(0, api.SqlCommands.Count);
    }
}
