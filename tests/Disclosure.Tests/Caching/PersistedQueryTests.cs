using System.Net;
using System.Text.Json.Nodes;
using Disclosure.Api.Caching;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Caching;

/// <summary>Trusted documents by documentId (the examples), and Apollo's automatic persisted queries.</summary>
public sealed class PersistedQueryTests(DisclosureApiFactory api) : IClassFixture<DisclosureApiFactory>
{
    public static TheoryData<string> Examples() =>
        [.. Directory.GetFiles(RepoPaths.Examples, "*.graphql").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];

    private async Task<Dictionary<string, JsonNode>> ExamplesAsync()
    {
        var examples = JsonNode.Parse(await api.CreateClient().GetStringAsync("/graphql/examples"))!.AsArray();
        return examples.ToDictionary(e => e!["name"]!.GetValue<string>(), e => e!);
    }

    private static object? VariablesFor(string name) => name switch
    {
        "EmissionsByScope" => new { scope = "SCOPE_1" },
        "OrganizationOverview" => new { slug = "alibaba-group" },
        _ => null,
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Every_example_is_callable_by_its_documentId_over_GET_with_the_answer_of_its_query(string name)
    {
        var example = (await ExamplesAsync())[name];
        var query = example["query"]!.GetValue<string>();
        var documentId = example["documentId"]!.GetValue<string>();
        var variables = VariablesFor(name);
        var client = api.CreateClient();

        var url = "/graphql?documentId=" + documentId + (variables is null ? "" : "&variables=" + Uri.EscapeDataString(System.Text.Json.JsonSerializer.Serialize(variables)));
        using var get = await client.GetAsync(url);
        var posted = await client.QueryAsync(query, variables);

        Assert.Equal(PersistedDocuments.DocumentId(query), documentId);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.StartsWith("public, max-age=", get.Header("Cache-Control"));
        Assert.NotNull(get.Headers.ETag);
        var answer = await get.JsonAsync();
        Assert.Null(answer["errors"]);
        Assert.Equal(posted.ToJsonString(), answer.ToJsonString());
    }

    [Fact]
    public async Task A_documentId_works_over_POST_too()
    {
        var example = (await ExamplesAsync())["ScopeDefinitions"];
        using var response = await api.CreateClient().PostJsonAsync(new { documentId = example["documentId"]!.GetValue<string>() });
        var answer = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(answer["errors"]);
        Assert.NotNull(answer["data"]!["scopes"]);
    }

    [Fact]
    public async Task An_unknown_documentId_is_404_with_a_clear_error()
    {
        using var response = await api.CreateClient().GetAsync("/graphql?documentId=sha256:" + new string('0', 64));
        var answer = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("PERSISTED_DOCUMENT_NOT_FOUND", answer["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("no-store", response.Header("Cache-Control"));
    }

    [Theory]
    [InlineData("/graphql?documentId=md5:abc")]
    [InlineData("/graphql?documentId=sha256:ABC")]
    [InlineData("/graphql?query=%7B__typename%7D&documentId=sha256:0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("/graphql")]
    public async Task A_malformed_documentId_or_one_with_a_query_is_400(string url)
    {
        using var response = await api.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.JsonAsync())["errors"]);
    }

    [Fact]
    public async Task APQ_hash_of_a_trusted_document_is_a_hit()
    {
        var query = (await ExamplesAsync())["ScopeDefinitions"]["query"]!.GetValue<string>();
        using var response = await api.CreateClient().PostJsonAsync(new
        {
            extensions = new { persistedQuery = new { version = 1, sha256Hash = PersistedDocuments.Hash(query) } },
        });
        var answer = await response.JsonAsync();

        Assert.Null(answer["errors"]);
        Assert.NotNull(answer["data"]!["scopes"]);
    }

    [Fact]
    public async Task APQ_miss_answers_PersistedQueryNotFound_then_register_then_hit_over_POST_and_GET()
    {
        var client = api.CreateClient();
        var query = "{ reports(first: 2) { nodes { slug title } } apq: __typename }";
        var hash = PersistedDocuments.Hash(query);
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } };

        using var miss = await client.PostJsonAsync(new { extensions });
        var missAnswer = await miss.JsonAsync();
        using var register = await client.PostJsonAsync(new { query, extensions });
        using var hit = await client.PostJsonAsync(new { extensions });
        using var getHit = await client.GetAsync("/graphql?extensions=" + Uri.EscapeDataString(System.Text.Json.JsonSerializer.Serialize(extensions)));

        // Apollo Client resends with the query on exactly this message and code.
        Assert.Equal(HttpStatusCode.OK, miss.StatusCode);
        Assert.Equal("PersistedQueryNotFound", missAnswer["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", missAnswer["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("no-store", miss.Header("Cache-Control"));
        var registered = await register.JsonAsync();
        Assert.Null(registered["errors"]);
        Assert.Equal(registered.ToJsonString(), (await hit.JsonAsync()).ToJsonString());
        Assert.Equal(HttpStatusCode.OK, getHit.StatusCode);
        Assert.Equal(registered.ToJsonString(), (await getHit.JsonAsync()).ToJsonString());
        Assert.StartsWith("public, max-age=", getHit.Header("Cache-Control"));
    }

    [Fact]
    public async Task APQ_miss_is_400_under_graphql_response_json()
    {
        var extensions = Uri.EscapeDataString("{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + new string('a', 64) + "\"}}");
        using var miss = await api.CreateClient().GetAsync("/graphql?extensions=" + extensions, accept: "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.BadRequest, miss.StatusCode);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await miss.JsonAsync())["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task APQ_hash_that_does_not_match_its_query_is_a_400_and_registers_nothing()
    {
        var client = api.CreateClient();
        var query = "{ reports(first: 1) { nodes { slug } } mismatch: __typename }";
        var wrong = PersistedDocuments.Hash(query + " ");
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = wrong } };

        using var mismatch = await client.PostJsonAsync(new { query, extensions });
        using var after = await client.PostJsonAsync(new { extensions });

        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", (await mismatch.JsonAsync())["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await after.JsonAsync())["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"persistedQuery":{"version":2,"sha256Hash":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}}""")]
    [InlineData("""{"persistedQuery":{"version":1,"sha256Hash":"xyz"}}""")]
    [InlineData("""{"persistedQuery":"yes"}""")]
    public async Task A_malformed_persistedQuery_extension_is_400(string extensions)
    {
        using var response = await api.CreateClient().PostJsonAsync($$"""{"query":"{ __typename }","extensions":{{extensions}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("PERSISTED_QUERY_INVALID", (await response.JsonAsync())["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ad_hoc_queries_stay_allowed()
    {
        var data = await api.CreateClient().DataAsync("{ organizations(first: 1) { nodes { slug } } }");

        Assert.Single(data["organizations"]!["nodes"]!.AsArray());
    }
}
