using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Disclosure.Tests.Caching;

/// <summary>Raw GET and POST requests for the caching tests (they look at headers, so no helpers that assert 200).</summary>
internal static class CachingClient
{
    public static string Url(string query, object? variables = null, string? operationName = null)
    {
        var url = "/graphql?query=" + Uri.EscapeDataString(query);
        if (variables is not null)
        {
            url += "&variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables));
        }
        if (operationName is not null)
        {
            url += "&operationName=" + Uri.EscapeDataString(operationName);
        }
        return url;
    }

    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string url, string? ifNoneMatch = null, string? accept = null, string? acceptEncoding = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }
        return client.SendAsync(request);
    }

    /// <summary>POSTs <paramref name="body"/> as it is (a JSON text, or an object to serialise).</summary>
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, object body)
    {
        var json = body as string ?? JsonSerializer.Serialize(body);
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return client.PostAsync("/graphql", content);
    }

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values)
        : null;

    /// <summary>Served by the output cache: it adds <c>Age</c> to the answers it replays.</summary>
    public static bool FromServerCache(this HttpResponseMessage response) => response.Headers.Age is not null;
}
