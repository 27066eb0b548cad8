using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;

namespace Disclosure.BrowserTests;

/// <summary>The journalists' playground in a real (headless Debian) Chromium, against the API on a loopback port.</summary>
[Collection(PlaygroundTestGroup.Name)]
public sealed class PlaygroundTests(PlaygroundServer server)
{
    private static readonly string[] ExampleNames =
        [.. Directory.GetFiles(Path.Combine(PlaygroundServer.RepoRoot, "schema", "examples"), "*.graphql").Select(f => Path.GetFileNameWithoutExtension(f))];

    [Fact]
    public async Task The_page_loads_with_every_request_on_the_machine_and_no_errors_or_CSP_violations()
    {
        await using var playground = await PlaygroundPage.OpenAsync(server);
        await playground.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(playground.BlockedRequests);
        Assert.NotEmpty(playground.Requests);
        Assert.All(playground.Requests, url => Assert.True(PlaygroundPage.IsLocal(url), $"request left the machine: {url}"));
        // The page, its four scripts and two stylesheets, the examples, and GraphiQL's introspection.
        Assert.Contains(playground.Requests, url => url.EndsWith("/graphql/playground/graphiql.js", StringComparison.Ordinal));
        Assert.Contains(playground.Requests, url => url.EndsWith("/graphql/playground/react.production.min.js", StringComparison.Ordinal));
        Assert.Contains(playground.Requests, url => url.EndsWith("/graphql/examples", StringComparison.Ordinal));
        Assert.Empty(playground.Errors);

        var banner = await playground.Page.Locator("header.disclosure-banner").InnerTextAsync();
        Assert.Contains("Alibaba Group's carbon-neutrality disclosure (Business Wire, 2021-12-17)", banner);
        Assert.Contains("every fact carries its source and exact quote", banner);
        Assert.Equal("/graphql/schema.graphql",
            await playground.Page.Locator("header.disclosure-banner a").GetAttributeAsync("href"));
    }

    [Fact]
    public async Task The_policy_refuses_inline_scripts_and_other_hosts_and_the_test_sees_it()
    {
        await using var playground = await PlaygroundPage.OpenAsync(server);
        Assert.Empty(playground.Errors);

        await playground.Page.EvaluateAsync(
            "() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.body.appendChild(s); }");
        Assert.Null(await playground.Page.EvaluateAsync<int?>("() => window.__inline ?? null"));
        await playground.Page.EvaluateAsync("() => fetch('https://example.com/x').catch(() => null)");

        await playground.Page.WaitForTimeoutAsync(500);
        Assert.Contains(playground.Errors, e => e.StartsWith("CSP: script-src", StringComparison.Ordinal));
        Assert.Contains(playground.Errors, e => e.StartsWith("CSP: connect-src blocked https://example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_default_example_runs_and_shows_the_targets_from_the_dataset()
    {
        await using var playground = await PlaygroundPage.OpenAsync(server);
        var query = await playground.EditorTextAsync(".graphiql-query-editor");
        Assert.Contains("query TargetsWithProgress", query);

        await playground.Page.Locator(".graphiql-execute-button").ClickAsync();
        var response = playground.Page.Locator(".graphiql-response");
        await Assertions.Expect(response).ToContainTextAsync("\"targets\"");
        await Assertions.Expect(response).ToContainTextAsync("Alibaba Cloud carbon neutrality in all three scopes by 2030");

        var result = await playground.EditorTextAsync(".graphiql-response");
        using var json = JsonDocument.Parse(result);
        var names = json.RootElement.GetProperty("data").GetProperty("targets").GetProperty("nodes").EnumerateArray()
            .Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains("Alibaba Cloud carbon neutrality in all three scopes by 2030", names);
        Assert.Contains(names, name => name!.Contains("1.5 Gigatons", StringComparison.Ordinal));
        Assert.False(json.RootElement.TryGetProperty("errors", out _), result);
        Assert.Empty(playground.BlockedRequests);
        Assert.Empty(playground.Errors);

        Directory.CreateDirectory(PlaygroundServer.ArtifactsDirectory);
        var screenshot = Path.Combine(PlaygroundServer.ArtifactsDirectory, "playground.png");
        await playground.Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is empty");
    }

    [Fact]
    public async Task Every_example_is_a_tab_and_another_example_runs_too()
    {
        await using var playground = await PlaygroundPage.OpenAsync(server);
        var tabs = playground.Page.Locator(".graphiql-tab");
        await Assertions.Expect(tabs).ToHaveCountAsync(ExampleNames.Length);
        var titles = (await tabs.AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        Assert.Equal(ExampleNames.Order(StringComparer.Ordinal), titles.Order(StringComparer.Ordinal));
        Assert.Equal("TargetsWithProgress", titles[0]);

        await tabs.Filter(new LocatorFilterOptions { HasText = "ScopeDefinitions" }).ClickAsync();
        Assert.Contains("query ScopeDefinitions", await playground.EditorTextAsync(".graphiql-query-editor"));
        await playground.Page.Locator(".graphiql-query-editor .CodeMirror").ClickAsync();
        await playground.Page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(playground.Page.Locator(".graphiql-response")).ToContainTextAsync("\"scopes\"");
        using var json = JsonDocument.Parse(await playground.EditorTextAsync(".graphiql-response"));
        var codes = json.RootElement.GetProperty("data").GetProperty("scopes").EnumerateArray()
            .Select(s => s.GetProperty("code").GetString()).ToList();
        Assert.Contains("SCOPE_3", codes);
        Assert.Empty(playground.Errors);
    }

    [Fact]
    public async Task The_docs_explorer_opens_and_shows_the_schema_descriptions()
    {
        await using var playground = await PlaygroundPage.OpenAsync(server);
        await playground.Page.GetByLabel("Show Documentation Explorer").ClickAsync();
        var docs = playground.Page.Locator(".graphiql-doc-explorer");
        await Assertions.Expect(docs).ToBeVisibleAsync();
        await Assertions.Expect(docs).ToContainTextAsync("Root Types");

        await docs.GetByText("Query", new LocatorGetByTextOptions { Exact = true }).First.ClickAsync();
        await Assertions.Expect(docs).ToContainTextAsync("Public ESG disclosure data");
        await Assertions.Expect(docs).ToContainTextAsync("targets");
        Assert.Empty(playground.Errors);
    }

    [Fact]
    public async Task The_schema_file_downloads_as_SDL()
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var response = await client.GetAsync("/graphql/schema.graphql");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var sdl = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("\"Disclosure: a public, read-only API over ESG (climate) disclosure data.", sdl, StringComparison.Ordinal);
        Assert.Contains("type Query {", sdl);
        Assert.Equal((await File.ReadAllTextAsync(Path.Combine(PlaygroundServer.RepoRoot, "schema", "schema.graphql"))).ReplaceLineEndings("\n"), sdl);
    }

    [Fact]
    public async Task The_examples_are_served_with_their_descriptions()
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var json = JsonDocument.Parse(await client.GetStringAsync("/graphql/examples"));

        var examples = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(ExampleNames.Order(StringComparer.Ordinal), examples.Select(e => e.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal("TargetsWithProgress", examples[0].GetProperty("name").GetString());
        Assert.All(examples, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("description").GetString()));
            Assert.Contains($"query {e.GetProperty("name").GetString()}", e.GetProperty("query").GetString());
        });
    }

    [Theory]
    [InlineData("application/json", "application/json")]
    [InlineData("application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/json, text/html;q=0.5", "application/json")]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html")]
    public async Task GET_graphql_serves_the_page_only_to_browsers(string accept, string expected)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd(accept);
        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
        var body = await response.Content.ReadAsStringAsync();
        if (expected == "text/html")
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("<div", body.Replace("<main", "<div", StringComparison.Ordinal));
            var csp = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("script-src 'self';", csp);
            Assert.DoesNotContain("unsafe", csp);
            Assert.DoesNotContain("http", body.Replace("http-equiv", "", StringComparison.Ordinal));
        }
        else
        {
            // No query: GraphQL over HTTP's own error, as JSON.
            using var json = JsonDocument.Parse(body);
            Assert.True(json.RootElement.TryGetProperty("errors", out _));
        }
    }

    [Fact]
    public async Task A_browser_GET_with_a_query_still_runs_the_query()
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{targets(where:{organization:{eq:\"alibaba-cloud\"}}){nodes{name}}}"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json", 0.9));
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Alibaba Cloud carbon neutrality in all three scopes by 2030", await response.Content.ReadAsStringAsync());
    }
}
