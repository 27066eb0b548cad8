using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Disclosure.Api.Exports;
using Disclosure.Api.Store;
using Disclosure.Store.Building;
using Disclosure.Store.Exports;
using Disclosure.Tests.Infrastructure;
using DuckDB.NET.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Tests.Exports;

/// <summary>
/// The bulk files and the change feed, end to end through the API: exported on first request, served under
/// /exports with caching headers and ranges, read back by DuckDB (a reader that is not the writer) and compared with
/// GraphQL's answers; then the seed is edited (one figure's value changed, one target added, one citation removed),
/// the store rebuilt, and the feed must hold exactly those changes at the source plus the derived ones.
/// </summary>
public sealed class ExportTests(DisclosureApiFactory shared) : IClassFixture<DisclosureApiFactory>
{
    [Fact]
    public async Task Bulk_files_and_the_change_feed_follow_a_rebuild()
    {
        var seed = RepoPaths.CopySeedData(withImports: false);
        using var api = new DisclosureApiFactory { SeedDirectory = seed };
        using var client = api.CreateClient(new() { AllowAutoRedirect = false });

        var first = (await client.DataAsync("{ dataset { version exports { digest manifestPath files { name rows path sha256 } } } figures(first: 1) { totalCount } targets(first: 1) { totalCount } }"))!;
        var v1 = first["dataset"]!["version"]!.GetValue<string>();
        var d1 = first["dataset"]!["exports"]!["digest"]!.GetValue<string>();
        Assert.Equal(v1, "sha256:" + d1);
        var files = first["dataset"]!["exports"]!["files"]!.AsArray();
        Assert.Contains(files, f => f!["name"]!.GetValue<string>() == "figures.parquet");

        // Served: immutable, with ETag, ranges and HEAD; latest redirects.
        using (var response = await client.GetAsync($"/exports/{d1}/figures.parquet"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
            var sha = files.First(f => f!["name"]!.GetValue<string>() == "figures.parquet")!["sha256"]!.GetValue<string>();
            Assert.Equal($"\"{sha}\"", response.Headers.ETag!.Tag);
            Assert.Equal(sha, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await response.Content.ReadAsByteArrayAsync())));
        }
        using (var range = new HttpRequestMessage(HttpMethod.Get, $"/exports/{d1}/figures.csv") { Headers = { Range = new RangeHeaderValue(0, 9) } })
        using (var response = await client.SendAsync(range))
        {
            Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
            Assert.Equal(10, (await response.Content.ReadAsByteArrayAsync()).Length);
        }
        using (var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/exports/{d1}/targets.csv.gz")))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal("application/gzip", head.Content.Headers.ContentType!.MediaType);
        }
        using (var latest = await client.GetAsync("/exports/latest/figures.parquet"))
        {
            Assert.Equal(HttpStatusCode.Redirect, latest.StatusCode);
            Assert.Equal($"/exports/{d1}/figures.parquet", latest.Headers.Location!.OriginalString);
        }

        // The gzip CSV is the CSV.
        var csv = await client.GetByteArrayAsync($"/exports/{d1}/figures.csv");
        await using (var gz = new GZipStream(await client.GetStreamAsync($"/exports/{d1}/figures.csv.gz"), CompressionMode.Decompress))
        using (var copy = new MemoryStream())
        {
            await gz.CopyToAsync(copy);
            Assert.Equal(csv, copy.ToArray());
        }

        // An independent reader: DuckDB counts the downloaded files as GraphQL counts the same version.
        var downloads = Path.Combine(Path.GetDirectoryName(api.StorePath)!, "downloads");
        Directory.CreateDirectory(downloads);
        foreach (var name in new[] { "figures.parquet", "targets.parquet", "figures.csv", "citations.parquet" })
        {
            await File.WriteAllBytesAsync(Path.Combine(downloads, name), await client.GetByteArrayAsync($"/exports/{d1}/{name}"));
        }
        Assert.Equal(first["figures"]!["totalCount"]!.GetValue<long>(), DuckScalar<long>($"SELECT count(*) FROM read_parquet('{downloads}/figures.parquet')"));
        Assert.Equal(first["targets"]!["totalCount"]!.GetValue<long>(), DuckScalar<long>($"SELECT count(*) FROM read_parquet('{downloads}/targets.parquet')"));
        Assert.Equal(first["figures"]!["totalCount"]!.GetValue<long>(), DuckScalar<long>($"SELECT count(*) FROM read_csv('{downloads}/figures.csv', header = true)"));
        var figure = (await client.DataAsync("{ figures(first: 1, order: [{ periodStart: ASC }]) { nodes { slug publishedValue source { url } quote } } }"))["figures"]!["nodes"]![0]!;
        var slug = figure["slug"]!.GetValue<string>();
        Assert.Equal(figure["publishedValue"]!.GetValue<string>(),
            DuckScalar<string>($"SELECT published_value FROM read_parquet('{downloads}/figures.parquet') WHERE id = '{slug}'"));
        Assert.Equal(figure["source"]!["url"]!.GetValue<string>(),
            DuckScalar<string>($"SELECT source_url FROM read_parquet('{downloads}/figures.parquet') WHERE id = '{slug}'"));
        Assert.Equal(figure["quote"]!.GetValue<string>(),
            DuckScalar<string>($"SELECT quote FROM read_csv('{downloads}/figures.csv', header = true) WHERE id = '{slug}'"));
        Assert.Equal(DuckScalar<long>($"SELECT count(*) FROM read_parquet('{downloads}/citations.parquet')"),
            (await client.DataAsync("{ dataset { citationCount } }"))["dataset"]!["citationCount"]!.GetValue<long>());

        // Edit the seed: one figure's value changes, one target is added, one citation is removed; then rebuild.
        var figures = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(seed, "figures.json")))!;
        var changed = figures["figures"]!.AsArray().First(f => f!["target"] is not null && f["value"] is not null && f["citations"]!.AsArray().All(c => !c!["quote"]!.GetValue<string>().Contains(f["publishedValue"]!.GetValue<string>(), StringComparison.Ordinal)))
            ?? throw new InvalidOperationException("no figure to change");
        var targets = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(seed, "targets.json")))!;
        var withTwo = targets["targets"]!.AsArray().First(t => t!["citations"]!.AsArray().Count > 1)!;
        var added = withTwo.DeepClone();
        added["id"] = "exports-test-added-target";
        added["name"] = "A target added by the export test";
        added["citations"] = new JsonArray(withTwo["citations"]![0]!.DeepClone());
        withTwo["citations"]!.AsArray().RemoveAt(1);
        targets["targets"]!.AsArray().Add(added);
        var changedId = changed["id"]!.GetValue<string>();
        var changedTarget = changed["target"]!.GetValue<string>();
        changed["value"] = changed["value"]!.GetValue<double>() + 1;
        changed["publishedValue"] = changed["value"]!.GetValue<double>().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Combine(seed, "figures.json"), figures.ToJsonString());
        await File.WriteAllTextAsync(Path.Combine(seed, "targets.json"), targets.ToJsonString());
        await api.BuildStoreAsync(seed);
        await api.Services.GetRequiredService<StoreState>().RefreshAsync();

        var feed = (await client.DataAsync("query($since: String!) { dataset { version } changes(since: $since, first: 100) { totalCount nodes { kind entity id derived fields { field old new } inputs fact { id } } } }",
            new { since = v1 }))!;
        var v2 = feed["dataset"]!["version"]!.GetValue<string>();
        Assert.NotEqual(v1, v2);
        var nodes = feed["changes"]!["nodes"]!.AsArray();
        var atSource = nodes.Where(n => !n!["derived"]!.GetValue<bool>()).Select(n => $"{n!["kind"]} {n["entity"]} {n["id"]}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, atSource.Count);
        Assert.Contains($"ADDED Target exports-test-added-target", atSource);
        Assert.Contains($"CHANGED Figure {changedId}", atSource);
        Assert.Single(atSource, s => s.StartsWith("REMOVED Citation ", StringComparison.Ordinal));
        var figureChange = nodes.Single(n => n!["entity"]!.GetValue<string>() == "Figure")!;
        Assert.Contains(figureChange["fields"]!.AsArray(), f => f!["field"]!.GetValue<string>() == "value");
        Assert.Equal(changedId, NodeSlug(figureChange["fact"]!["id"]!.GetValue<string>()));
        var derived = nodes.Where(n => n!["derived"]!.GetValue<bool>()).Select(n => $"{n!["kind"]} {n["entity"]} {n["id"]}").Order(StringComparer.Ordinal).ToList();
        Assert.Contains($"CHANGED TargetProgress {changedTarget}", derived);
        Assert.Contains("ADDED TargetProgress exports-test-added-target", derived);
        Assert.Equal(nodes.Count, feed["changes"]!["totalCount"]!.GetValue<int>());

        // Both versions' bulk files are still there; the history knows both versions.
        var d2 = v2["sha256:".Length..];
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/exports/{d1}/figures.parquet")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/exports/{d2}/figures.parquet")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/exports/{d2}/changes.ndjson.gz")).StatusCode);

        // The change file also as Parquet, read by DuckDB: the same changes as the feed, with the changed fields.
        var changesParquet = Path.Combine(downloads, "changes.parquet");
        await File.WriteAllBytesAsync(changesParquet, await client.GetByteArrayAsync($"/exports/{d2}/changes.parquet"));
        Assert.Equal(nodes.Count, DuckScalar<long>($"SELECT count(*) FROM read_parquet('{changesParquet}')"));
        Assert.Equal(string.Join(",", atSource), DuckScalar<string>(
            $"SELECT string_agg(kind || ' ' || entity || ' ' || id, ',' ORDER BY kind || ' ' || entity || ' ' || id) FROM read_parquet('{changesParquet}') WHERE NOT derived"));
        Assert.Equal(changedId, DuckScalar<string>($"SELECT id FROM read_parquet('{changesParquet}') WHERE list_contains(list_transform(fields, f -> f.field), 'value')"));
        Assert.Equal(derived.Count, DuckScalar<long>($"SELECT count(*) FROM read_parquet('{changesParquet}') WHERE derived AND len(inputs) > 0"));
        var changesNdjson = Path.Combine(downloads, "changes.ndjson.gz");
        await File.WriteAllBytesAsync(changesNdjson, await client.GetByteArrayAsync($"/exports/{d2}/changes.ndjson.gz"));
        Assert.Equal(nodes.Count, DuckScalar<long>($"SELECT count(*) FROM read_json('{changesNdjson}', format = 'newline_delimited')"));
        var manifest = JsonNode.Parse(await client.GetStringAsync($"/exports/{d2}/manifest.json"))!;
        Assert.Contains(manifest["files"]!.AsArray(), f => f!["name"]!.GetValue<string>() == "changes.parquet" && f["rows"]!.GetValue<long>() == nodes.Count);
        Assert.Contains(manifest["schemas"]!.AsArray(), t => t!["table"]!.GetValue<string>() == "changes"
            && string.Join(",", t["columns"]!.AsArray().Select(c => c!["name"]!.GetValue<string>())) == "kind,entity,id,derived,fields,inputs,from_version,to_version");
        var versions = (await client.DataAsync("{ datasetVersions { version previousVersion added removed changed derived manifestPath } }"))["datasetVersions"]!.AsArray();
        Assert.Equal([v2, v1], versions.Select(v => v!["version"]!.GetValue<string>()));
        Assert.Equal(v1, versions[0]!["previousVersion"]!.GetValue<string>());
        Assert.Equal(1, versions[0]!["added"]!.GetValue<double>());
        Assert.Equal(1, versions[0]!["removed"]!.GetValue<double>());
        Assert.Equal(1, versions[0]!["changed"]!.GetValue<double>());

        // An unknown `since` names the versions known.
        var unknown = await client.QueryAsync("{ changes(since: \"sha256:0000\") { totalCount } }");
        Assert.Equal("UNKNOWN_VERSION", unknown["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains(v1, unknown["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_through_changes_gets_each_change_once_in_order()
    {
        // Arrange: a version without the imported datasets, then one with them: thousands of changes, several gzip members.
        var seed = RepoPaths.CopySeedData(withImports: false);
        using var api = new DisclosureApiFactory { SeedDirectory = seed };
        using var client = api.CreateClient();
        // Exported (so the history knows it) by asking for its files.
        var v1 = (await client.DataAsync("{ dataset { version exports { digest } } }"))["dataset"]!["version"]!.GetValue<string>();
        foreach (var folder in new[] { "imports", "overrides", "mappings" })
        {
            CopyFolder(Path.Combine(RepoPaths.SeedData, folder), Path.Combine(seed, folder));
        }
        await api.BuildStoreAsync(seed);
        await api.Services.GetRequiredService<StoreState>().RefreshAsync();
        // Exported here rather than by the first request that needs it: the whole dataset takes longer than a GraphQL
        // request may on a loaded machine (the writer would finish all the same, for the next request).
        await ExportService.Of(api.Services).EnsureCurrentAsync(CancellationToken.None);
        var exports = (await client.DataAsync("{ dataset { exports { digest } } }"))["dataset"]!["exports"]!["digest"]!.GetValue<string>();
        var whole = ChangeRecord.Read(Path.Combine(ExportService.Of(api.Services).Settings.Directory, exports, StoreExporter.ChangesFile))
            .Select(c => $"{c.Kind} {c.Entity} {c.Id} {c.Derived}").ToList();
        Assert.True(whole.Count > 2 * ChangeFileWriter.BlockSize, $"only {whole.Count} changes");

        // Act: every page of 100, each after the last cursor of the one before.
        var paged = new List<string>();
        string? after = null;
        int? total = null;
        for (var pages = 0; pages <= whole.Count / 100 + 1; pages++)
        {
            var page = (await client.DataAsync("query($since: String!, $after: String) { changes(since: $since, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { kind entity id derived } } }",
                new { since = v1, after }))["changes"]!;
            total ??= page["totalCount"]!.GetValue<int>();
            paged.AddRange(page["nodes"]!.AsArray().Select(n => $"{n!["kind"]!.GetValue<string>()} {n["entity"]} {n["id"]} {n["derived"]!.GetValue<bool>()}"));
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                break;
            }
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        // Assert: the change file's records, each once, in its order.
        Assert.Equal(whole.Count, total);
        Assert.Equal(whole.Select(w => w.Replace("Added", "ADDED").Replace("Removed", "REMOVED").Replace("Changed", "CHANGED")), paged);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Theory]
    [InlineData("/exports/0000000000000000000000000000000000000000000000000000000000000000/figures.parquet")]
    [InlineData("/exports/not-a-version/figures.parquet")]
    [InlineData("/exports/sha256:{d}/figures.parquet")]
    [InlineData("/exports/{d}/../../disclosure.db")]
    [InlineData("/exports/{d}/..%2F..%2Fdisclosure.db")]
    [InlineData("/exports/{d}/..\\..\\disclosure.db")]
    [InlineData("/exports/{d}/..")]
    [InlineData("/exports/../disclosure.db")]
    [InlineData("/exports/{d}/../{d}/figures.parquet")]
    [InlineData("/exports/..%2F..%2F..%2Fetc/passwd")]
    [InlineData("/exports/{d}/facts.ndjson.gz\u0000.csv")]
    [InlineData("/exports/{d}/sub/figures.csv")]
    [InlineData("/exports/{d}/unknown.parquet")]
    [InlineData("/exports/latest/..%2Fdisclosure.db")]
    [InlineData("/exports/latest/../../disclosure.db")]
    public async Task Unknown_versions_and_path_traversal_are_404_with_the_current_version(string path)
    {
        var api = shared;
        using var client = api.CreateClient(new() { AllowAutoRedirect = false });
        var digest = (await client.DataAsync("{ dataset { exports { digest } } }"))["dataset"]!["exports"]!["digest"]!.GetValue<string>();
        // Sent as the raw path (an HttpClient would remove the dot segments first): the store itself, a file the
        // traversal would reach if it worked, sits beside the export folder.
        var raw = path.Replace("{d}", digest, StringComparison.Ordinal);
        var context = await api.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = new PathString(raw);
        });
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.True(context.Response.StatusCode == StatusCodes.Status404NotFound, $"{raw}: {context.Response.StatusCode} {context.Response.ContentType} {text[..Math.Min(300, text.Length)]}");
        var body = JsonNode.Parse(text)!;
        Assert.Equal("sha256:" + digest, body["currentVersion"]!.GetValue<string>());
        Assert.NotNull(body["error"]);
    }

    private static string NodeSlug(string globalId) =>
        System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(globalId)).Split(':', 2)[1];

    private static T DuckScalar<T>(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
