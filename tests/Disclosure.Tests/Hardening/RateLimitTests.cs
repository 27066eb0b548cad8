using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Hardening;

/// <summary>Per-client buckets spent by query cost: 429 with Retry-After when short; an API key has its own bucket.</summary>
public sealed class RateLimitTests
{
    // Costs 21 points: the connection 1, ten nodes, ten organizations.
    private const string Query = "query($n: Int, $tag: String) { figures(first: $n, where: { organization: { neq: $tag } }) { nodes { slug organization { name } } } }";

    [Fact]
    public async Task A_client_that_spent_its_points_gets_429_with_retry_after_and_an_api_key_has_its_own_bucket()
    {
        await using var api = new DisclosureApiFactory { Settings = { ["RateLimit:PointsPerWindow"] = "50", ["RateLimit:Window"] = "01:00:00" } };
        var client = api.CreateClient();

        using var first = await Post(client, "a", null);
        using var second = await Post(client, "b", null);
        using var third = await Post(client, "c", null);
        using var withKey = await Post(client, "d", "agency-key");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(int.Parse(third.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("50", third.Headers.GetValues("RateLimit-Limit").Single());
        Assert.Equal("8", third.Headers.GetValues("RateLimit-Remaining").Single());
        var error = JsonNode.Parse(await third.Content.ReadAsStringAsync())!["errors"]![0]!;
        Assert.Equal("RATE_LIMITED", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, string tag, string? apiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Query, variables = new { n = 10, tag } }) };
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }
        return await client.SendAsync(request);
    }
}
