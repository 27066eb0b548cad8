using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Hardening;

/// <summary>Hostile and malformed requests: each gets a 4xx or a GraphQL error, quickly, never a 5xx; the API answers normally after.</summary>
[Collection(ApiTestGroup.Name)]
public sealed class HostileRequestTests(DisclosureApiFactory api)
{
    public static TheoryData<string, string> Bodies() => new()
    {
        { "deep nesting through a type cycle", Json("{ organization(slug: \"cainiao\") { " + string.Concat(Enumerable.Repeat("parent { ", 60)) + "name" + new string('}', 61) + " }") },
        { "fragment cycle", Json("query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }") },
        { "exponential fragment spreads", Json("query { ...F24 } fragment F0 on Query { __typename } " +
            string.Join(' ', Enumerable.Range(1, 24).Select(i => $"fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}"))) },
        { "alias flood", Json("{ " + string.Join(' ', Enumerable.Range(0, 5000).Select(i => $"a{i}: __typename")) + " }") },
        { "directive flood", Json("{ __typename " + string.Concat(Enumerable.Repeat("@skip(if: false) ", 2000)) + "}") },
        { "huge string literal (over the body limit)", Json("{ organization(slug: \"" + new string('x', 70_000) + "\") { name } }") },
        { "deeply nested JSON variables", "{\"query\":\"query($v: String) { __typename }\",\"variables\":{\"v\":" + new string('[', 200) + new string(']', 200) + "}}" },
        { "invalid JSON", "{\"query\": \"{ __typename }\"" },
        { "batched array", "[{\"query\":\"{ __typename }\"},{\"query\":\"{ __typename }\"}]" },
        { "mutation", Json("mutation { __typename }") },
        { "subscription", Json("subscription { __typename }") },
        { "huge page size", Json("{ figures(first: 1000000) { nodes { slug } } }") },
        { "huge id list", "{\"query\":\"query($ids: [ID!]!) { nodes(ids: $ids) { id } }\",\"variables\":{\"ids\":[" + string.Join(',', Enumerable.Repeat("\"x\"", 5000)) + "]}}" },
        { "malformed cursor", Json("{ figures(after: \"\\u0000garbage\") { nodes { slug } } }") },
        { "malformed id", Json("{ node(id: \"%%%\") { id } }") },
        { "type confusion in variables", "{\"query\":\"query($n: Int) { figures(first: $n) { nodes { slug } } }\",\"variables\":{\"n\":\"ten\"}}" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_hostile_request_gets_a_clear_error_quickly_and_the_api_stays_healthy(string what, string body)
    {
        var client = api.CreateClient();
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        clock.Stop();

        Assert.True((int)response.StatusCode < 500, $"{what}: {(int)response.StatusCode}");
        Assert.True(response.StatusCode != HttpStatusCode.OK || JsonNode.Parse(text)!["errors"] is not null, $"{what}: no error in {text[..Math.Min(200, text.Length)]}");
        Assert.True(clock.ElapsedMilliseconds < 2_000, $"{what}: {clock.ElapsedMilliseconds} ms");
        Assert.DoesNotContain("   at ", text);
        Assert.Equal("Query", (await client.DataAsync("{ __typename }"))["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_utf8_is_a_400()
    {
        var content = new ByteArrayContent([.. "{\"query\":\"{ __typename \""u8, 0xC3, 0x28, .. "\"}"u8]);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        using var response = await api.CreateClient().PostAsync("/graphql", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string Json(string query) => new JsonObject { ["query"] = query }.ToJsonString();
}
