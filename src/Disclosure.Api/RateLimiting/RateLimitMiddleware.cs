using System.Globalization;
using System.Text.Json;
using Disclosure.Api.Http;
using Disclosure.Api.Telemetry;
using Microsoft.Extensions.Options;

namespace Disclosure.Api.RateLimiting;

/// <summary>
/// Before the output cache, on the GraphQL path: a request with an <c>X-Api-Key</c> that was not issued is refused with
/// 401 (<c>INVALID_API_KEY</c>), cached answers included, so an invented key never buys a bucket of its own. Every
/// other answer of the path carries the client's policy (<c>RateLimit-Policy</c>), and an answer whose query spent from
/// the bucket (or was refused) also carries what is left (<c>RateLimit</c>), in the IETF draft's form
/// (draft-ietf-httpapi-ratelimit-headers). They are added as the answer starts, after the output cache took its copy,
/// so a stored answer never replays one client's numbers to another.
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, PathString path, CostRateLimiter limiter, IOptions<RateLimitOptions> options)
{
    public const string InvalidKeyCode = "INVALID_API_KEY";

    /// <summary>Where the endpoint leaves the bucket's state after the query spent from it (or was refused).</summary>
    public static readonly object StateKey = new();

    public async Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase))
        {
            await next(http);
            return;
        }
        if (limiter.ClientOf(http) is not { } client)
        {
            RequestTelemetry.Of(http)?.RateLimited("invalid_key", null);
            await RefuseAsync(http);
            return;
        }
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            var window = (long)limiter.Window.TotalSeconds;
            headers["RateLimit-Policy"] = string.Create(CultureInfo.InvariantCulture, $"\"{client.Policy}\";q={client.Limit};w={window}");
            if (http.Items.TryGetValue(StateKey, out var value) && value is BucketState state)
            {
                headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture,
                    $"\"{client.Policy}\";r={state.Remaining};t={(long)Math.Ceiling(state.UntilFull.TotalSeconds)}");
            }
            return Task.CompletedTask;
        });
        await next(http);
    }

    private async Task RefuseAsync(HttpContext http)
    {
        var header = options.Value.ApiKeyHeader;
        var response = http.Response;
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = $"ApiKey header=\"{header}\"";
        response.Headers.CacheControl = "no-store";
        response.ContentType = (MediaTypes.Negotiate(http.Request.Headers.Accept) ?? MediaTypes.Json) + "; charset=utf-8";
        if (HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }
        var message = $"The {header} header does not hold an issued API key. Keys are issued by the operator of this API; " +
                      $"without the header, requests are counted by your address ({limiter.Limit} points per {limiter.Window}).";
        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteStartArray("errors");
        writer.WriteStartObject();
        writer.WriteString("message", message);
        writer.WriteStartObject("extensions");
        writer.WriteString("code", InvalidKeyCode);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
