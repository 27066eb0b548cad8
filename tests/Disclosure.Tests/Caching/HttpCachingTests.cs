using System.Net;
using Disclosure.Api.Caching;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Caching;

/// <summary>Caching headers on GET (Cache-Control, ETag, Vary, X-Dataset-Version), 304s, cache hints, and no caching of errors.</summary>
public sealed class HttpCachingTests(HttpCachingTests.Api api) : IClassFixture<HttpCachingTests.Api>
{
    public sealed class Api : IDisposable
    {
        public DisclosureApiFactory Cached { get; } = new();

        /// <summary>The same API with its output cache off: every answer is computed afresh.</summary>
        public DisclosureApiFactory Uncached { get; } = new() { Settings = { ["Caching:ServerCacheEnabled"] = "false" } };

        public void Dispose()
        {
            Cached.Dispose();
            Uncached.Dispose();
        }
    }

    [Fact]
    public async Task A_GET_answer_is_public_for_max_age_with_an_ETag_Vary_Accept_and_the_dataset_version()
    {
        var client = api.Cached.CreateClient();
        using var response = await client.GetAsync(CachingClient.Url("{ reports(first: 3) { nodes { slug } } }"));
        var version = (await client.DataAsync("{ dataset { version } }"))["dataset"]!["version"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=300", response.Header("Cache-Control"));
        Assert.NotNull(response.Headers.ETag);
        Assert.True(response.Headers.ETag!.IsWeak);
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.Equal(version, response.Header(HttpCacheHeaders.DatasetVersionHeader));
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_same_GET_is_served_from_the_server_cache_with_the_same_ETag_and_body()
    {
        var client = api.Cached.CreateClient();
        var url = CachingClient.Url("{ targets(first: 2) { nodes { slug name } } }");
        using var first = await client.GetAsync(url);
        api.Cached.SqlCommands.Reset();
        using var second = await client.GetAsync(url);

        Assert.False(first.FromServerCache());
        Assert.True(second.FromServerCache());
        Assert.Equal(0, api.Cached.SqlCommands.Count);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("public, max-age=300", second.Header("Cache-Control"));
        Assert.Contains("Accept", second.Headers.Vary);
    }

    [Fact]
    public async Task A_matching_If_None_Match_gets_304_from_the_server_cache()
    {
        var client = api.Cached.CreateClient();
        var url = CachingClient.Url("{ organizations(first: 1) { nodes { slug } } }");
        using var first = await client.GetAsync(url);
        var etag = first.Headers.ETag!.ToString();

        api.Cached.SqlCommands.Reset();
        using var notModified = await client.GetAsync(url, ifNoneMatch: etag);
        using var otherTag = await client.GetAsync(url, ifNoneMatch: "W/\"something-else\"");

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag!.ToString());
        Assert.Equal(0, api.Cached.SqlCommands.Count);
        Assert.Equal(HttpStatusCode.OK, otherTag.StatusCode);
    }

    [Fact]
    public async Task A_matching_If_None_Match_gets_304_for_a_freshly_computed_answer_too()
    {
        var client = api.Uncached.CreateClient();
        var url = CachingClient.Url("{ organizations(first: 1) { nodes { name } } }");
        using var first = await client.GetAsync(url);
        api.Uncached.SqlCommands.Reset();
        using var notModified = await client.GetAsync(url, ifNoneMatch: $"W/\"other\", {first.Headers.ETag}");

        Assert.False(notModified.FromServerCache());
        Assert.True(api.Uncached.SqlCommands.Count > 0, "the answer was computed");
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, notModified.Headers.ETag);
        Assert.Equal("public, max-age=300", notModified.Header("Cache-Control"));
    }

    [Fact]
    public async Task If_None_Match_on_POST_is_ignored()
    {
        var client = api.Cached.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ reports(first: 1) { nodes { slug } } }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.Equal("no-store", response.Header("Cache-Control"));
    }

    [Fact]
    public async Task Each_media_type_has_its_own_answer_and_ETag()
    {
        var client = api.Cached.CreateClient();
        var url = CachingClient.Url("{ reports(first: 2) { nodes { title } } }");
        using var json = await client.GetAsync(url, accept: "application/json");
        using var graphql = await client.GetAsync(url, accept: "application/graphql-response+json");
        using var graphqlAgain = await client.GetAsync(url, accept: "application/graphql-response+json");
        using var jsonAgain = await client.GetAsync(url, accept: "application/json");

        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        Assert.Equal("application/graphql-response+json", graphql.Content.Headers.ContentType!.MediaType);
        Assert.Equal("application/graphql-response+json", graphqlAgain.Content.Headers.ContentType!.MediaType);
        Assert.Equal("application/json", jsonAgain.Content.Headers.ContentType!.MediaType);
        Assert.True(graphqlAgain.FromServerCache() && jsonAgain.FromServerCache());
        Assert.NotEqual(json.Headers.ETag, graphql.Headers.ETag);
    }

    [Theory]
    [InlineData("{ dataset { version } }")]
    [InlineData("{ reports(first: 1) { nodes { slug } } dataset { builtAt } }")]
    [InlineData("query { ...Version } fragment Version on Query { dataset { version } }")]
    [InlineData("query { ... on Query { dataset { factCount } } }")]
    public async Task The_smallest_cache_hint_of_the_selected_fields_wins(string query)
    {
        using var response = await api.Cached.CreateClient().GetAsync(CachingClient.Url(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=60", response.Header("Cache-Control"));
    }

    [Theory]
    [InlineData("{ figures(first: 2, after: \"not-a-cursor\") { nodes { slug } } }")] // executed, with a field error
    [InlineData("{ nosuchfield }")]                                                  // fails validation
    [InlineData("{ figures(first: 1000) { nodes { slug } } }")]                      // too large a page
    public async Task Errors_are_no_store_have_no_ETag_and_are_never_cached(string query)
    {
        var client = api.Cached.CreateClient();
        var url = CachingClient.Url(query);
        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);
        using var post = await client.PostJsonAsync(new { query });
        using var postAgain = await client.PostJsonAsync(new { query });

        foreach (var response in new[] { first, second, post, postAgain })
        {
            Assert.NotNull((await response.JsonAsync())["errors"]);
            Assert.Equal("no-store", response.Header("Cache-Control"));
            Assert.Null(response.Headers.ETag);
            Assert.False(response.FromServerCache());
        }
    }

    [Fact]
    public async Task Request_errors_are_no_store_and_carry_the_dataset_version()
    {
        var client = api.Cached.CreateClient();
        using var response = await client.GetAsync("/graphql?query=%7Bscopes%7Bcode%7D%7D&query=x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("no-store", response.Header("Cache-Control"));
        Assert.NotNull(response.Header(HttpCacheHeaders.DatasetVersionHeader));
    }
}
