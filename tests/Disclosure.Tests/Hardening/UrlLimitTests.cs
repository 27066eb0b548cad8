using System.Net;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Hardening;

/// <summary>On real Kestrel (the test server has no request-line limit): a GET URL over 8 KiB is a 414.</summary>
public sealed class UrlLimitTests : IDisposable
{
    private readonly DisclosureApiFactory _api = new();

    [Fact]
    public async Task A_url_over_8_KiB_is_414_and_one_under_it_is_answered()
    {
        _api.UseKestrel(0);
        _api.StartServer();
        using var client = new HttpClient { BaseAddress = _api.ClientOptions.BaseAddress };

        using var tooLong = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ __typename }") + "&pad=" + new string('x', 9_000));
        using var fine = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ __typename }") + "&pad=" + new string('x', 7_000));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    public void Dispose() => _api.Dispose();
}
