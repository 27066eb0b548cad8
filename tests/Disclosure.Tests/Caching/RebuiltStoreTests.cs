using System.Net;
using Disclosure.Api.Store;
using Disclosure.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Tests.Caching;

/// <summary>
/// A store rebuilt under the running API (the builder replaces the file atomically) and picked up by the store watcher or
/// <see cref="StoreState.RefreshAsync"/>: the same request then gets a new ETag and the new answer, never the cached one.
/// </summary>
public sealed class RebuiltStoreTests : IDisposable
{
    private const string OldNote = "Calendar-year 2020 baseline, not a fiscal-year figure. 51.0";
    private const string NewNote = "Calendar-year 2020 baseline (edited by RebuiltStoreTests), not a fiscal-year figure. 51.0";

    private readonly string _seed = RepoPaths.CopySeedData(withImports: false);
    private readonly DisclosureApiFactory _api;

    public RebuiltStoreTests() => _api = new DisclosureApiFactory { SeedDirectory = _seed };

    public void Dispose()
    {
        _api.Dispose();
        Directory.Delete(Path.GetDirectoryName(_seed)!, recursive: true);
    }

    [Fact]
    public async Task A_rebuilt_store_changes_the_ETag_the_dataset_version_and_the_cached_answer()
    {
        var client = _api.CreateClient();
        var url = CachingClient.Url("{ figures(first: 100) { nodes { slug note } } }");
        var post = new { query = "{ figures(first: 100) { nodes { slug note } } dataset { version } }" };

        using var before = await client.GetAsync(url);
        using var beforeCached = await client.GetAsync(url);
        using var postBefore = await client.PostJsonAsync(post);
        using var postBeforeCached = await client.PostJsonAsync(post);
        var beforeBody = await before.Content.ReadAsStringAsync();
        Assert.Contains(OldNote, beforeBody);
        Assert.True(beforeCached.FromServerCache() && postBeforeCached.FromServerCache());

        // Edit a figure's note in the seed copy and rebuild the store the API is serving, as `store build` does.
        var figures = Path.Combine(_seed, "figures.json");
        await File.WriteAllTextAsync(figures, (await File.ReadAllTextAsync(figures)).Replace(OldNote, NewNote, StringComparison.Ordinal));
        await _api.BuildStoreAsync(_seed);
        await _api.Services.GetRequiredService<StoreState>().RefreshAsync(); // (the store watcher may have been first)
        Assert.NotEqual(before.Header("X-Dataset-Version"), _api.Services.GetRequiredService<StoreState>().Dataset!.Version);

        using var after = await client.GetAsync(url);
        using var revalidated = await client.GetAsync(url, ifNoneMatch: before.Headers.ETag!.ToString());
        using var postAfter = await client.PostJsonAsync(post);
        var afterBody = await after.Content.ReadAsStringAsync();

        Assert.False(after.FromServerCache());
        Assert.Contains(NewNote, afterBody);
        Assert.DoesNotContain(OldNote, afterBody);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.NotEqual(before.Header("X-Dataset-Version"), after.Header("X-Dataset-Version"));
        Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode); // the old ETag no longer matches
        Assert.False(postAfter.FromServerCache());
        var postAfterAnswer = await postAfter.JsonAsync();
        Assert.Contains(NewNote, postAfterAnswer.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal(after.Header("X-Dataset-Version"), postAfterAnswer["data"]!["dataset"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_store_rebuilt_by_another_process_is_picked_up_without_a_restart()
    {
        var client = _api.CreateClient();
        var url = CachingClient.Url("{ figures(first: 100) { nodes { slug note } } }");
        using var before = await client.GetAsync(url);

        var figures = Path.Combine(_seed, "figures.json");
        await File.WriteAllTextAsync(figures, (await File.ReadAllTextAsync(figures)).Replace(OldNote, NewNote, StringComparison.Ordinal));
        await _api.BuildStoreAsync(_seed);

        // No RefreshAsync here: the store watcher sees the file replaced (SQLite), the poller the new current schema (PostgreSQL).
        HttpResponseMessage after;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            await Task.Delay(50);
            after = await client.GetAsync(url);
        }
        while (after.Header("X-Dataset-Version") == before.Header("X-Dataset-Version") && clock.Elapsed < TimeSpan.FromSeconds(10));

        Assert.NotEqual(before.Header("X-Dataset-Version"), after.Header("X-Dataset-Version"));
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Contains(NewNote, await after.Content.ReadAsStringAsync());
    }
}
