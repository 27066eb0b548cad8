using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Disclosure.Tests.Infrastructure;

public static class GraphQLClientExtensions
{
    /// <summary>POSTs a GraphQL request and returns the parsed response body (asserting a 200).</summary>
    public static async Task<JsonNode> QueryAsync(this HttpClient client, string query, object? variables = null, string? operationName = null)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables, operationName });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>The response's <c>data</c>, asserting that it carries no <c>errors</c>.</summary>
    public static async Task<JsonNode> DataAsync(this HttpClient client, string query, object? variables = null)
    {
        var response = await client.QueryAsync(query, variables);
        Assert.True(response["errors"] is null, response["errors"]?.ToJsonString());
        return response["data"]!;
    }

    public static string Pretty(this JsonNode node) =>
        node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
