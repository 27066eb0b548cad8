using Microsoft.Net.Http.Headers;

namespace Disclosure.Api.Playground;

/// <summary>Which requests to the GraphQL path get the playground page rather than GraphQL over HTTP.</summary>
public static class PlaygroundRequest
{
    /// <summary>
    /// A browser navigating to the endpoint: a GET (or HEAD) with no <c>query</c> parameter whose Accept header names
    /// <c>text/html</c> explicitly and prefers it to the JSON types GraphQL over HTTP answers with. Wildcards
    /// (<c>*/*</c>) never count, so API clients and the graphql-http audits keep getting JSON.
    /// </summary>
    public static bool WantsPlayground(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }
        if (request.Query.ContainsKey("query"))
        {
            return false;
        }
        return PrefersHtml(request.Headers.Accept);
    }

    public static bool PrefersHtml(IList<string> accept)
    {
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return false;
        }

        var html = 0.0;
        var json = 0.0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1.0;
            switch (range.MediaType.Value?.ToLowerInvariant())
            {
                case "text/html":
                    html = Math.Max(html, quality);
                    break;
                case "application/json" or "application/graphql-response+json":
                    json = Math.Max(json, quality);
                    break;
            }
        }
        return html > 0 && html >= json;
    }
}
