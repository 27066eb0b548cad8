using Microsoft.Playwright;

namespace Disclosure.BrowserTests;

/// <summary>
/// A fresh browser context on the playground that records every request the page makes, aborts any that would
/// leave the machine, and collects console errors, page errors and Content-Security-Policy violations.
/// </summary>
public sealed class PlaygroundPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private PlaygroundPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public List<string> Requests { get; } = [];

    public List<string> BlockedRequests { get; } = [];

    public List<string> Errors { get; } = [];

    public static async Task<PlaygroundPage> OpenAsync(PlaygroundServer server)
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var playground = new PlaygroundPage(context, page);

        await context.RouteAsync("**/*", async route =>
        {
            if (IsLocal(route.Request.Url))
            {
                await route.ContinueAsync();
            }
            else
            {
                lock (playground.BlockedRequests)
                {
                    playground.BlockedRequests.Add(route.Request.Url);
                }
                await route.AbortAsync("blockedbyclient");
            }
        });
        page.Request += (_, request) =>
        {
            lock (playground.Requests)
            {
                playground.Requests.Add(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type is "error")
            {
                playground.AddError($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => playground.AddError($"page error: {error}");
        // Reported by the browser itself, whether or not anything logs it.
        await page.ExposeFunctionAsync("__reportCspViolation", (string violation) => playground.AddError($"CSP: {violation}"));
        await page.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => window.__reportCspViolation(e.violatedDirective + ' blocked ' + e.blockedURI));");

        var response = await page.GotoAsync(new Uri(server.BaseAddress, "/graphql").ToString());
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        // GraphiQL has loaded the schema by introspection once the docs button is enabled and the editor is shown.
        await page.Locator(".graphiql-query-editor .CodeMirror").First.WaitForAsync();
        return playground;
    }

    /// <summary>The full text of a CodeMirror editor (it only renders the lines in view).</summary>
    public Task<string> EditorTextAsync(string container) =>
        Page.EvaluateAsync<string>(
            "selector => document.querySelector(selector + ' .CodeMirror').CodeMirror.getValue()", container);

    public static bool IsLocal(string url)
    {
        var uri = new Uri(url);
        return uri.Scheme is "data" or "blob" or "about"
            || (uri.Scheme is "http" or "https" or "ws" && (uri.IsLoopback || uri.Host is "127.0.0.1" or "localhost" or "[::1]"));
    }

    private void AddError(string error)
    {
        lock (Errors)
        {
            Errors.Add(error);
        }
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
