using System.Net;
using System.Text.Json.Nodes;
using Disclosure.Api.Store;
using Disclosure.Store.Building;
using Disclosure.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Disclosure.Tests.Caching;

/// <summary>
/// Two API processes (two factories) serving one store file and sharing one Redis output cache: an answer one of them
/// cached is the other's answer, with no SQL; a store rebuild reaches both. Needs <c>DISCLOSURE_TEST_REDIS</c>.
/// </summary>
public sealed class RedisOutputCacheTests : IDisposable
{
    private const string OldNote = "Calendar-year 2020 baseline, not a fiscal-year figure. 51.0";
    private const string NewNote = "Calendar-year 2020 baseline (edited by RedisOutputCacheTests), not a fiscal-year figure. 51.0";

    private static readonly string Url = CachingClient.Url("{ figures(first: 100) { nodes { slug note } } }");
    private static readonly object Post = new { query = "{ figures(first: 100) { nodes { slug note } } dataset { version } }" };

    private readonly string _seed = RepoPaths.CopySeedData(withImports: false);
    private readonly string _instanceName;
    private readonly DisclosureApiFactory _first;
    private readonly DisclosureApiFactory _second;

    public RedisOutputCacheTests()
    {
        _instanceName = TestRedis.UniqueInstanceName(nameof(RedisOutputCacheTests));
        _first = new DisclosureApiFactory { SeedDirectory = _seed, Settings = TestRedis.Settings(_instanceName) };
        _second = new DisclosureApiFactory { SeedDirectory = _seed, SharesStoreOf = _first, Settings = TestRedis.Settings(_instanceName) };
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
        Directory.Delete(Path.GetDirectoryName(_seed)!, recursive: true);
        // This test's entries would expire by themselves; they go now.
        using var redis = ConnectionMultiplexer.Connect(TestRedis.Address);
        var database = redis.GetDatabase();
        foreach (var key in redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: _instanceName + "*"))
        {
            database.KeyDelete(key);
        }
    }

    [Fact]
    public async Task An_answer_cached_by_one_replica_is_served_by_the_other_with_no_SQL()
    {
        var first = _first.CreateClient(); // starts the first process, which builds the shared store
        // Behind a load balancer each replica may see its own host name: answers are shared all the same.
        var second = _second.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://replica-2.internal:8080") });

        _first.SqlCommands.Reset();
        using var firstGet = await first.GetAsync(Url);
        using var firstPost = await first.PostJsonAsync(Post);
        Assert.Equal(HttpStatusCode.OK, firstGet.StatusCode);
        Assert.Equal(HttpStatusCode.OK, firstPost.StatusCode);
        Assert.False(firstGet.FromServerCache() || firstPost.FromServerCache());
        Assert.True(_first.SqlCommands.Count > 0);

        // The entries are in Redis, under this test's prefix.
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(TestRedis.Address))
        {
            var keys = redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: _instanceName + "*").ToList();
            Assert.True(keys.Count >= 2, $"expected the GET and the POST answers in Redis under {_instanceName}, found {keys.Count} keys");
        }

        _second.SqlCommands.Reset();
        using var secondGet = await second.GetAsync(Url);
        using var secondPost = await second.PostJsonAsync(Post);

        Assert.Equal(0, _second.SqlCommands.Count);
        Assert.Equal(HttpStatusCode.OK, secondGet.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondPost.StatusCode);
        Assert.True(secondGet.FromServerCache() && secondPost.FromServerCache());
        Assert.Equal(await firstGet.Content.ReadAsStringAsync(), await secondGet.Content.ReadAsStringAsync());
        Assert.Equal(await firstPost.Content.ReadAsStringAsync(), await secondPost.Content.ReadAsStringAsync());
        Assert.Equal(firstGet.Headers.ETag, secondGet.Headers.ETag);
        Assert.Contains(OldNote, await secondGet.Content.ReadAsStringAsync());

        // And the second process answers 304 to the first one's ETag, still with no SQL.
        using var revalidated = await second.GetAsync(Url, ifNoneMatch: firstGet.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(0, _second.SqlCommands.Count);

        // Readiness of both: the store and the shared cache are healthy.
        foreach (var client in new[] { first, second })
        {
            var ready = await ReadinessAsync(client);
            Assert.Equal("Healthy", ready["status"]!.GetValue<string>());
            Assert.Equal("Healthy", ready["checks"]!["outputCache"]!["status"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_store_rebuild_changes_the_answer_of_both_replicas()
    {
        var first = _first.CreateClient();
        var second = _second.CreateClient();
        using var before = await first.GetAsync(Url);
        using var beforeOnSecond = await second.GetAsync(Url);
        Assert.True(beforeOnSecond.FromServerCache());
        Assert.Contains(OldNote, await beforeOnSecond.Content.ReadAsStringAsync());

        // Rebuild the shared store from an edited seed, as `store build` does; each process notices the new file (its
        // store watcher, or RefreshAsync here, whichever is first).
        var figures = Path.Combine(_seed, "figures.json");
        await File.WriteAllTextAsync(figures, (await File.ReadAllTextAsync(figures)).Replace(OldNote, NewNote, StringComparison.Ordinal));
        await _first.BuildStoreAsync(_seed);
        await _first.Services.GetRequiredService<StoreState>().RefreshAsync();
        await _second.Services.GetRequiredService<StoreState>().RefreshAsync();
        var newVersion = _first.Services.GetRequiredService<StoreState>().Dataset!.Version;
        Assert.NotEqual(before.Header("X-Dataset-Version"), newVersion);
        Assert.Equal(newVersion, _second.Services.GetRequiredService<StoreState>().Dataset!.Version);

        using var after = await first.GetAsync(Url);
        using var postAfter = await first.PostJsonAsync(Post);
        _second.SqlCommands.Reset();
        using var afterOnSecond = await second.GetAsync(Url);
        using var postAfterOnSecond = await second.PostJsonAsync(Post);

        // The first process ran the query again (the old entry's key holds the old version)...
        Assert.False(after.FromServerCache() || postAfter.FromServerCache());
        var afterBody = await after.Content.ReadAsStringAsync();
        Assert.Contains(NewNote, afterBody);
        Assert.DoesNotContain(OldNote, afterBody);
        Assert.Equal(newVersion, after.Header("X-Dataset-Version"));
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        // ...and the second serves that new answer from Redis, with no SQL.
        Assert.True(afterOnSecond.FromServerCache() && postAfterOnSecond.FromServerCache());
        Assert.Equal(0, _second.SqlCommands.Count);
        Assert.Equal(afterBody, await afterOnSecond.Content.ReadAsStringAsync());
        Assert.Equal(newVersion, afterOnSecond.Header("X-Dataset-Version"));
        Assert.Equal(after.Headers.ETag, afterOnSecond.Headers.ETag);
        var postAnswer = await postAfterOnSecond.JsonAsync();
        Assert.Equal(newVersion, postAnswer["data"]!["dataset"]!["version"]!.GetValue<string>());
        Assert.Equal(await postAfter.Content.ReadAsStringAsync(), await postAfterOnSecond.Content.ReadAsStringAsync());
    }

    internal static async Task<JsonNode> ReadinessAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
