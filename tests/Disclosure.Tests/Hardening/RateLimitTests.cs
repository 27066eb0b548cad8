using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Disclosure.Api.RateLimiting;
using Disclosure.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Disclosure.Tests.Hardening;

/// <summary>
/// Per-client token buckets spent by query cost, refilling continuously: 429 with a Retry-After that says when the
/// query's cost is back; issued API keys have their own bucket; a key that was not issued is refused (401), so invented
/// keys buy nothing; with Redis the replicas share the buckets.
/// </summary>
public sealed class RateLimitTests
{
    // Costs 21 points: the connection 1, ten nodes, ten organizations.
    private const string Query = "query($n: Int, $tag: String) { figures(first: $n, where: { organization: { neq: $tag } }) { nodes { slug organization { name } } } }";

    private const string AgencyKey = "agency-key-issued-by-the-operator";

    private static Dictionary<string, string> Settings(string points, string window) => new()
    {
        ["RateLimit:PointsPerWindow"] = points,
        ["RateLimit:Window"] = window,
        ["RateLimit:Keys:agency:Sha256"] = CostRateLimiter.HashKey(AgencyKey),
        ["RateLimit:Keys:agency:PointsPerWindow"] = "100",
    };

    [Fact]
    public async Task A_client_that_spent_its_points_gets_429_with_the_wait_for_its_query_and_an_issued_key_has_its_own_bucket()
    {
        // 50 points per 10 s: 5 points a second come back. The limiter's clock is the test's: what comes back
        // depends on the time the test says has passed, never on how fast a loaded machine runs the requests.
        var clock = new ManualClock();
        await using var api = new DisclosureApiFactory { Settings = Settings("50", "00:00:10"), Clock = clock };
        var client = api.CreateClient();

        using var first = await Post(client, "a", null);
        using var second = await Post(client, "b", null);
        using var third = await Post(client, "c", null);
        using var withKey = await Post(client, "d", AgencyKey);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal("\"anonymous\";q=50;w=10", first.Headers.GetValues("RateLimit-Policy").Single());
        Assert.Equal("\"anonymous\";r=29;t=5", first.Headers.GetValues("RateLimit").Single());
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        // 8 points left, 21 needed: 13 more come back in 2.6 s, said as 3 (whole seconds, rounded up), not a whole window.
        Assert.Equal("3", third.Headers.GetValues("Retry-After").Single());
        Assert.Equal("\"anonymous\";r=8;t=9", third.Headers.GetValues("RateLimit").Single());
        var error = JsonNode.Parse(await third.Content.ReadAsStringAsync())!["errors"]![0]!;
        Assert.Equal("RATE_LIMITED", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        Assert.Equal("\"key:agency\";q=100;w=10", withKey.Headers.GetValues("RateLimit-Policy").Single());

        // Just before Retry-After it is still refused; after it, the same query passes.
        clock.Advance(TimeSpan.FromSeconds(2.5));
        using var early = await Post(client, "c", null);
        Assert.Equal(HttpStatusCode.TooManyRequests, early.StatusCode);
        clock.Advance(TimeSpan.FromSeconds(0.5));
        using var later = await Post(client, "c", null);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task A_key_that_was_not_issued_is_refused_with_401_so_invented_keys_never_get_a_bucket()
    {
        await using var api = new DisclosureApiFactory { Settings = Settings("50", "01:00:00") };
        var client = api.CreateClient();
        using var spent1 = await Post(client, "a", null);
        using var spent2 = await Post(client, "b", null);
        using var limited = await Post(client, "c", null);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);

        // The hole of issue 14: a new invented key with every request. Each one is refused, cached answers included.
        for (var i = 0; i < 20; i++)
        {
            using var invented = await Post(client, "c", "invented-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, invented.StatusCode);
            Assert.Equal("no-store", invented.Headers.CacheControl!.ToString());
            var error = JsonNode.Parse(await invented.Content.ReadAsStringAsync())!["errors"]![0]!;
            Assert.Equal(RateLimitMiddleware.InvalidKeyCode, error["extensions"]!["code"]!.GetValue<string>());
            Assert.Contains("X-Api-Key", error["message"]!.GetValue<string>());
        }
        using var cachedGet = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B%20__typename%20%7D") { Headers = { { "X-Api-Key", "invented" } } };
        using var cachedAnswer = await client.SendAsync(cachedGet);
        Assert.Equal(HttpStatusCode.Unauthorized, cachedAnswer.StatusCode);

        using var issued = await Post(client, "c", AgencyKey);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
    }

    [Fact]
    public async Task A_cached_answer_never_carries_another_clients_rate_limit_headers()
    {
        await using var api = new DisclosureApiFactory { Settings = Settings("1000", "01:00:00") };
        var client = api.CreateClient();

        using var byKey = await Post(client, "same", AgencyKey);
        using var anonymous = await Post(client, "same", null); // the same body: a hit in the output cache

        Assert.Equal("\"key:agency\";q=100;w=3600", byKey.Headers.GetValues("RateLimit-Policy").Single());
        Assert.True(byKey.Headers.Contains("RateLimit"));
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal("\"anonymous\";q=1000;w=3600", anonymous.Headers.GetValues("RateLimit-Policy").Single());
        Assert.False(anonymous.Headers.Contains("RateLimit"), "a cached answer spends nothing, so it reports no remaining points");
    }

    [Fact]
    public async Task The_bucket_refills_continuously_and_retry_after_is_when_the_cost_is_back()
    {
        var clock = new ManualClock();
        var limiter = new CostRateLimiter(Options.Create(new RateLimitOptions { PointsPerWindow = 3600, Window = TimeSpan.FromHours(1) }), clock);
        var client = new RateClient("ip:test", "anonymous", 3600);

        Assert.True((await limiter.TrySpendAsync(client, 3600, default)).Allowed);
        var refused = await limiter.TrySpendAsync(client, 10, default);
        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(10), refused.RetryAfter); // one point a second
        Assert.Equal(TimeSpan.FromHours(1), refused.UntilFull);

        clock.Advance(TimeSpan.FromSeconds(9.5));
        var stillShort = await limiter.TrySpendAsync(client, 10, default);
        Assert.False(stillShort.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(0.5), stillShort.RetryAfter);

        clock.Advance(TimeSpan.FromSeconds(0.5));
        var passed = await limiter.TrySpendAsync(client, 10, default);
        Assert.True(passed.Allowed);
        Assert.Equal(0, passed.Remaining);

        clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(3599, (await limiter.TrySpendAsync(client, 1, default)).Remaining); // never more than the bucket
    }

    [Fact]
    public async Task With_redis_the_replicas_share_the_buckets()
    {
        var instance = TestRedis.UniqueInstanceName(nameof(With_redis_the_replicas_share_the_buckets));
        Dictionary<string, string> SharedSettings() => new(Settings("50", "01:00:00"))
        {
            ["ConnectionStrings:Redis"] = TestRedis.Address,
            ["Caching:Redis:InstanceName"] = instance,
            ["Caching:Redis:OperationTimeout"] = "00:00:15",
            ["RateLimit:RedisPrefix"] = instance + "ratelimit:",
            ["RateLimit:RedisOperationTimeout"] = "00:00:15",
        };
        await using var one = new DisclosureApiFactory { Settings = SharedSettings() };
        await using var two = new DisclosureApiFactory { SharesStoreOf = one, Settings = SharedSettings() };

        using var a = await Post(one.CreateClient(), "a", null);
        using var b = await Post(two.CreateClient(), "b", null);
        using var c = await Post(one.CreateClient(), "c", null);
        using var d = await Post(two.CreateClient(), "d", null);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (a.StatusCode, b.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, c.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, d.StatusCode);
    }

    [Fact]
    public async Task With_redis_down_each_process_still_limits_with_its_own_buckets()
    {
        await using var api = new DisclosureApiFactory
        {
            Settings = new(Settings("50", "01:00:00"))
            {
                ["ConnectionStrings:Redis"] = $"127.0.0.1:{TestRedis.ClosedPort()}",
                ["RateLimit:RedisOperationTimeout"] = "00:00:00.500",
            },
        };
        var client = api.CreateClient();

        using var first = await Post(client, "a", null);
        using var second = await Post(client, "b", null);
        using var third = await Post(client, "c", null);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests), (first.StatusCode, second.StatusCode, third.StatusCode));
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
