using System.IO.Compression;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Caching;

/// <summary>Brotli and gzip by Accept-Encoding; compressed answers are cached per acceptable encoding.</summary>
public sealed class CompressionTests(DisclosureApiFactory api) : IClassFixture<DisclosureApiFactory>
{
    private const string Url = "/graphql?query=%7B%20figures(first%3A%2050)%20%7B%20nodes%20%7B%20slug%20publishedValue%20note%20%7D%20%7D%20%7D";

    private static async Task<string> DecodeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStreamAsync();
        Stream decoded = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            null => body,
            var other => throw new InvalidOperationException(other),
        };
        using var reader = new StreamReader(decoded);
        return await reader.ReadToEndAsync();
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("identity", null)]
    [InlineData(null, null)]
    public async Task The_answer_is_compressed_as_negotiated_and_its_cached_copy_too(string? acceptEncoding, string? expected)
    {
        var client = api.CreateClient();
        using var plain = await client.GetAsync(Url);
        var plainText = await DecodeAsync(plain);

        using var first = await client.GetAsync(Url, acceptEncoding: acceptEncoding);
        using var second = await client.GetAsync(Url, acceptEncoding: acceptEncoding);

        foreach (var response in new[] { first, second })
        {
            Assert.Equal(expected, response.Content.Headers.ContentEncoding.SingleOrDefault());
            Assert.Equal(plainText, await DecodeAsync(response));
            Assert.Contains("Accept", response.Headers.Vary);
            if (expected is not null)
            {
                // An uncompressed answer suits every client, so it needs no Vary: Accept-Encoding.
                Assert.Contains("Accept-Encoding", response.Headers.Vary);
            }
        }
        Assert.True(second.FromServerCache());
        if (expected is not null)
        {
            Assert.True(first.Content.Headers.ContentLength is null or > 0);
            Assert.True(plainText.Length > 2 * (await second.Content.ReadAsByteArrayAsync()).Length, "large answers shrink");
        }
    }

    [Fact]
    public async Task POST_answers_are_compressed_too()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ figures(first: 30) { nodes { slug note } } }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        using var response = await api.CreateClient().SendAsync(request);

        Assert.Equal("gzip", response.Content.Headers.ContentEncoding.Single());
        Assert.Contains("\"figures\"", await DecodeAsync(response));
    }
}
