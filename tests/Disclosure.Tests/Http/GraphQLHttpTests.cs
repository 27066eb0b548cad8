using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Http;

/// <summary>GraphQL over HTTP: methods, media types and status codes as the graphql-http audit suite expects them.</summary>
[Collection(ApiTestGroup.Name)]
public sealed class GraphQLHttpTests(DisclosureApiFactory api)
{
    private const string GraphQLResponse = "application/graphql-response+json";

    [Fact]
    public async Task Get_runs_a_query_from_the_query_string()
    {
        using var response = await Get("/graphql?query=" + Uri.EscapeDataString("query Q($slug: String!) { organization(slug: $slug) { name } }") +
                                       "&variables=" + Uri.EscapeDataString("{\"slug\":\"alibaba-group\"}") + "&operationName=Q");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Alibaba Group Holding Limited", (await Body(response))["data"]!["organization"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData(GraphQLResponse, GraphQLResponse)]
    [InlineData("application/graphql-response+json, application/json;q=0.9", GraphQLResponse)]
    [InlineData("application/graphql-response+json;q=0.5, application/json", "application/json")]
    public async Task The_response_media_type_follows_accept(string? accept, string expected)
    {
        using var response = await Post("{\"query\":\"{ __typename }\"}", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
    }

    [Fact]
    public async Task Nothing_acceptable_is_406()
    {
        using var response = await Post("{\"query\":\"{ __typename }\"}", "text/csv");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task A_document_that_does_not_parse_has_errors_and_no_data(string accept, HttpStatusCode expected)
    {
        using var response = await Post("{\"query\":\"{\"}", accept);
        var body = await Body(response);

        Assert.Equal(expected, response.StatusCode);
        Assert.False(body.AsObject().ContainsKey("data"));
        Assert.NotEmpty(body["errors"]!.AsArray());
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task A_document_that_fails_validation_has_errors_and_no_data(string accept, HttpStatusCode expected)
    {
        using var response = await Post("{\"query\":\"{ noSuchField }\"}", accept);
        var body = await Body(response);

        Assert.Equal(expected, response.StatusCode);
        Assert.False(body.AsObject().ContainsKey("data"));
        Assert.Contains("noSuchField", body["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Variables_that_do_not_coerce_are_400_under_graphql_response_json()
    {
        using var response = await Post("{\"query\":\"query($s: String!) { organization(slug: $s) { name } }\",\"variables\":{\"s\":{\"a\":1}}}", GraphQLResponse);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((await Body(response)).AsObject().ContainsKey("data"));
    }

    [Fact]
    public async Task A_mutation_over_get_is_405_with_allow()
    {
        using var response = await Get("/graphql?query=" + Uri.EscapeDataString("mutation { __typename }"), GraphQLResponse);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Another_method_is_405_with_allow()
    {
        using var response = await api.CreateClient().PutAsync("/graphql", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/json; charset=latin1")]
    public async Task A_post_without_a_json_content_type_is_415(string? contentType)
    {
        var content = new ByteArrayContent("{\"query\":\"{ __typename }\""u8.ToArray());
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        using var response = await api.CreateClient().PostAsync("/graphql", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"query\":")]
    [InlineData("[{\"query\":\"{ __typename }\"}]")]
    [InlineData("{\"query\":7}")]
    [InlineData("{\"query\":\"{ __typename }\",\"variables\":[7]}")]
    [InlineData("{\"query\":\"{ __typename }\",\"operationName\":{}}")]
    [InlineData("{\"query\":\"{ __typename }\",\"extensions\":\"x\"}")]
    [InlineData("{\"qeury\":\"{ __typename }\"}")]
    [InlineData("")]
    public async Task A_request_that_is_not_well_formed_is_400(string body)
    {
        using var response = await Post(body, GraphQLResponse);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await Body(response))["errors"]!.AsArray());
    }

    [Fact]
    public async Task Null_optional_parameters_mean_absent()
    {
        using var response = await Post("{\"query\":\"{ __typename }\",\"variables\":null,\"operationName\":null,\"extensions\":null}", "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await Body(response))["errors"]);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var query = "{ __typename " + new string(' ', 70 * 1024) + "}";
        using var response = await Post(new JsonObject { ["query"] = query }.ToJsonString(), "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Errors_carry_no_stack_traces_or_exception_types()
    {
        using var response = await Post("{\"query\":\"{ node(id: \\\"%%%\\\") { id } }\"}", "application/json");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Contains("INVALID_ID", text);
        Assert.DoesNotContain(" at ", text);
        Assert.DoesNotContain("Exception", text);
    }

    private async Task<HttpResponseMessage> Get(string url, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        return await api.CreateClient().SendAsync(request);
    }

    private async Task<HttpResponseMessage> Post(string body, string? accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        return await api.CreateClient().SendAsync(request);
    }

    private static async Task<JsonNode> Body(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
}
