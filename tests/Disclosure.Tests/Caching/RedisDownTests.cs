using System.Net;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Caching;

/// <summary>
/// The output cache configured in Redis, and Redis down (a closed port): answers are still 200 and the same as without
/// Redis, served uncached; readiness stays 200 but says Degraded, and why.
/// </summary>
public sealed class RedisDownTests : IDisposable
{
    private readonly DisclosureApiFactory _withDeadRedis = new()
    {
        Settings =
        {
            ["ConnectionStrings:Redis"] = $"127.0.0.1:{TestRedis.ClosedPort()}",
            ["Caching:Redis:InstanceName"] = TestRedis.UniqueInstanceName(nameof(RedisDownTests)),
        },
    };

    private readonly DisclosureApiFactory _withoutRedis = new();

    public void Dispose()
    {
        _withDeadRedis.Dispose();
        _withoutRedis.Dispose();
    }

    [Fact]
    public async Task Answers_are_served_uncached_and_readiness_is_degraded()
    {
        var client = _withDeadRedis.CreateClient();
        var url = CachingClient.Url("{ figures(first: 100) { nodes { slug publishedValue value note } } }");
        var post = new { query = "{ targets(first: 50) { nodes { id slug } } }" };
        using var expectedGet = await _withoutRedis.CreateClient().GetAsync(url);
        using var expectedPost = await _withoutRedis.CreateClient().PostJsonAsync(post);
        Assert.Equal(HttpStatusCode.OK, expectedGet.StatusCode);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            _withDeadRedis.SqlCommands.Reset();
            using var get = await client.GetAsync(url);
            using var postAnswer = await client.PostJsonAsync(post);

            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.Equal(HttpStatusCode.OK, postAnswer.StatusCode);
            Assert.Equal(await expectedGet.Content.ReadAsStringAsync(), await get.Content.ReadAsStringAsync());
            Assert.Equal(await expectedPost.Content.ReadAsStringAsync(), await postAnswer.Content.ReadAsStringAsync());
            Assert.Equal(expectedGet.Headers.ETag, get.Headers.ETag);
            // Never from a cache: each one ran its SQL.
            Assert.False(get.FromServerCache() || postAnswer.FromServerCache());
            Assert.True(_withDeadRedis.SqlCommands.Count >= 2, $"attempt {attempt}: {_withDeadRedis.SqlCommands.Count} SQL commands");
        }

        var ready = await RedisOutputCacheTests.ReadinessAsync(client); // asserts HTTP 200
        Assert.Equal("Degraded", ready["status"]!.GetValue<string>());
        Assert.Equal("Healthy", ready["checks"]!["store"]!["status"]!.GetValue<string>());
        var outputCache = ready["checks"]!["outputCache"]!;
        Assert.Equal("Degraded", outputCache["status"]!.GetValue<string>());
        var description = outputCache["description"]!.GetValue<string>();
        Assert.Contains("Redis", description);
        Assert.Contains("unreachable", description);
        Assert.Contains("served uncached", description);
        Assert.NotNull(outputCache["data"]!["since"]);
    }

    [Fact]
    public async Task Readiness_reports_a_dead_Redis_before_any_request()
    {
        var ready = await RedisOutputCacheTests.ReadinessAsync(_withDeadRedis.CreateClient());
        Assert.Equal("Degraded", ready["status"]!.GetValue<string>());
        Assert.Equal("Degraded", ready["checks"]!["outputCache"]!["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("127.0.0.1:56379,nosuchoption=1")]
    [InlineData(",")]
    public void A_malformed_Redis_connection_string_stops_the_start_saying_which_setting(string connectionString)
    {
        using var api = new DisclosureApiFactory { Settings = { ["ConnectionStrings:Redis"] = connectionString } };
        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());
        Assert.Contains("ConnectionStrings:Redis is not a valid StackExchange.Redis configuration string", error.ToString());
    }

    [Fact]
    public async Task Without_Redis_there_is_no_output_cache_check()
    {
        var ready = await RedisOutputCacheTests.ReadinessAsync(_withoutRedis.CreateClient());
        Assert.Equal("Healthy", ready["status"]!.GetValue<string>());
        Assert.Null(ready["checks"]!["outputCache"]);
        Assert.NotNull(ready["checks"]!["store"]);
    }
}
