// The benchmark program is referenced under an alias: both it and the API have a top-level Program.
extern alias benchmarks;

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using benchmarks::Disclosure.Benchmarks;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Hardening;

/// <summary>
/// Hostile and malformed requests (the corpus is <see cref="HostileRequests"/>, shared with the benchmarks that time
/// them): each gets a 4xx or a GraphQL error, never a 5xx or a hang; the API answers normally after.
/// </summary>
[Collection(ApiTestGroup.Name)]
public sealed class HostileRequestTests(DisclosureApiFactory api)
{
    public static TheoryData<string, string> Bodies()
    {
        var data = new TheoryData<string, string>();
        foreach (var (what, body) in HostileRequests.All)
        {
            data.Add(what, body);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_hostile_request_gets_a_clear_error_never_a_5xx_or_a_hang_and_the_api_stays_healthy(string what, string body)
    {
        var client = api.CreateClient();
        // A hang fails the test; how fast each is refused is measured by the benchmarks' `hostile` verb (bound: 100 ms),
        // not here: a timed unit test on a shared 2-core machine measures the machine.
        using var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"))
            .WaitAsync(TimeSpan.FromSeconds(30));
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode < 500, $"{what}: {(int)response.StatusCode}");
        Assert.True(response.StatusCode != HttpStatusCode.OK || JsonNode.Parse(text)!["errors"] is not null, $"{what}: no error in {text[..Math.Min(200, text.Length)]}");
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
}
