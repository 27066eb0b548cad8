using Disclosure.Api.Http;
using Disclosure.Api.Store;
using Disclosure.Api.Telemetry;
using GraphQL;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Disclosure.Api.Caching;

/// <summary>
/// The output-cache policy of the GraphQL endpoint. GET answers are keyed on the whole query string; POST answers on
/// <see cref="RequestKey">a hash of the normalised request</see> (the body is read here, once, and handed to the
/// endpoint), never on the host name. Every key also holds the dataset version, the negotiated response media type (from Accept) and the
/// acceptable compressions (from Accept-Encoding; compressed bodies are stored compressed). Only answers the endpoint
/// marks as successful (200, executed, no <c>errors</c>) are stored, for the smallest cache hint of the fields they
/// select. Concurrent misses on one key run once (locking). HEAD and other methods are not cached.
/// </summary>
/// <remarks>A singleton with its dependencies injected, so a cache hit never creates a request service scope.</remarks>
public sealed class GraphQLOutputCachePolicy(
    IOptions<CachingOptions> cachingOptions,
    StoreState store,
    IGraphQLTextSerializer serializer,
    IOptions<GraphQLHttpOptions> httpOptions) : IOutputCachePolicy
{
    private const int MaxRememberedBodies = 10_000;

    // SHA-256 of a POST body as sent → its normalised key (RequestKey.Compute) and operation name (for telemetry).
    // Bounded: when full, it starts again.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Key, string? Operation)> bodyKeys = new(StringComparer.Ordinal);

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var options = cachingOptions.Value;
        var isGet = HttpMethods.IsGet(request.Method);
        var isPost = HttpMethods.IsPost(request.Method);
        var version = store.Dataset?.Version;
        var mediaType = MediaTypes.Negotiate(request.Headers.Accept);
        if (!options.ServerCacheEnabled || (!isGet && !isPost) || version is null || mediaType is null)
        {
            context.EnableOutputCaching = false;
            return;
        }

        var feature = new GraphQLCacheFeature();
        http.Features.Set(feature);
        if (isPost)
        {
            var (body, error) = await GraphQLRequestReader.ReadBodyAsync(request, httpOptions.Value, cancellation);
            if (error is not null)
            {
                feature.Parsed = new GraphQLRequestReader.Result(null, error);
                context.EnableOutputCaching = false;
                return;
            }
            // A body seen before (byte for byte) has its normalised key remembered: a repeated POST is hashed once
            // and not parsed unless the cache misses. A body not seen before is parsed and normalised.
            var raw = RequestKey.OfBody(body!.Memory.Span);
            string key;
            if (bodyKeys.TryGetValue(raw, out var known))
            {
                feature.Body = body;
                key = known.Key;
                if (RequestTelemetry.Of(http) is { } telemetry)
                {
                    telemetry.OperationName = known.Operation;
                }
            }
            else
            {
                var parsed = GraphQLRequestReader.Parse(body.Memory, serializer, httpOptions.Value);
                feature.Parsed = parsed;
                if (parsed.Error is not null)
                {
                    context.EnableOutputCaching = false;
                    return;
                }
                key = RequestKey.Compute(parsed.Request!);
                if (bodyKeys.Count >= MaxRememberedBodies)
                {
                    bodyKeys.Clear();
                }
                bodyKeys[raw] = (key, parsed.Request!.OperationName);
                if (RequestTelemetry.Of(http) is { } telemetry)
                {
                    telemetry.OperationName = parsed.Request.OperationName;
                }
            }
            context.CacheVaryByRules.VaryByValues["request"] = key;
        }
        else
        {
            // The raw query string, as sent: no parsing or sorting of its parameters on a hit. Two spellings of one
            // request (parameter order, percent-encoding) are two entries, never a wrong answer.
            context.CacheVaryByRules.VaryByValues["query"] = request.QueryString.Value ?? "";
        }
        // The output cache answers 304 by itself on If-None-Match (any method) and on If-Modified-Since (against the
        // stored Date). Conditional requests here are by ETag, on GET only: POST drops both, GET drops If-Modified-Since.
        request.Headers.Remove(HeaderNames.IfModifiedSince);
        if (isPost)
        {
            request.Headers.Remove(HeaderNames.IfNoneMatch);
        }
        // The answer does not depend on the host name it was asked under (nor does its ETag), so the key leaves it out:
        // replicas behind a load balancer share entries in Redis whatever Host header reaches each of them.
        context.CacheVaryByRules.VaryByHost = false;
        context.CacheVaryByRules.VaryByValues["dataset"] = version;
        context.CacheVaryByRules.VaryByValues["media"] = mediaType;
        context.CacheVaryByRules.VaryByValues["encoding"] = Encodings(request.Headers.AcceptEncoding);
        context.EnableOutputCaching = true;
        if (RequestTelemetry.Of(http) is { } lookup)
        {
            lookup.Cache = CacheResult.Miss; // until ServeFromCacheAsync says otherwise
        }
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(Math.Max(1, options.MaxAgeSeconds));
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (RequestTelemetry.Of(context.HttpContext) is { } telemetry)
        {
            telemetry.Cache = CacheResult.Hit;
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var feature = context.HttpContext.Features.Get<GraphQLCacheFeature>();
        if (context.HttpContext.Response.StatusCode == StatusCodes.Status200OK && feature?.StoreForSeconds is > 0 and var seconds)
        {
            context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(seconds);
        }
        else
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Which of the compressions we serve the client accepts ("br,gzip", "br", "gzip" or "identity"). A stored variant
    /// was made for a client accepting exactly these, so it is acceptable to every request with the same value.
    /// </summary>
    public static string Encodings(StringValues acceptEncoding)
    {
        if (acceptEncoding.Count == 0 || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var values))
        {
            return "identity";
        }
        bool? br = null, gzip = null, any = null;
        foreach (var value in values)
        {
            var accepted = (value.Quality ?? 1.0) > 0;
            switch (value.Value.Value?.ToLowerInvariant())
            {
                case "br":
                    br = accepted;
                    break;
                case "gzip":
                    gzip = accepted;
                    break;
                case "*":
                    any = accepted;
                    break;
            }
        }
        var withBr = br ?? any ?? false;
        var withGzip = gzip ?? any ?? false;
        return (withBr, withGzip) switch
        {
            (true, true) => "br,gzip",
            (true, false) => "br",
            (false, true) => "gzip",
            _ => "identity",
        };
    }
}
