using System.Security.Cryptography;
using System.Text;
using Disclosure.Api.Store;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Disclosure.Api.Caching;

/// <summary>
/// The caching headers of every GraphQL answer. All: <c>X-Dataset-Version</c>. A successful query (200, executed,
/// no <c>errors</c>) over GET: <c>Cache-Control: public, max-age=N</c> (N: the smallest cache hint of the selected
/// fields, at most <see cref="CachingOptions.MaxAgeSeconds"/>) and a weak <c>ETag</c> derived from the dataset version,
/// the response media type and the request URL, so it changes whenever the dataset does; a matching
/// <c>If-None-Match</c> gets 304 with no body. The same answer over POST: <c>Cache-Control: no-store</c> (HTTP
/// caches do not cache POST; the server may still keep it, see <see cref="GraphQLOutputCachePolicy"/>). Anything
/// else (errors, partial results, 4xx): <c>no-store</c>, and never stored by the server.
/// </summary>
public sealed class HttpCacheHeaders(IOptions<CachingOptions> options, StoreState store, ISchema schema)
{
    public const string DatasetVersionHeader = "X-Dataset-Version";

    /// <summary>Sets the headers; returns true when the answer is 304 Not Modified (then no body is written).</summary>
    public bool Apply(HttpContext http, string mediaType, int status, ExecutionResult result)
    {
        var headers = http.Response.Headers;
        var version = store.Dataset?.Version;
        if (version is not null)
        {
            headers[DatasetVersionHeader] = version;
        }

        var success = status == StatusCodes.Status200OK && result.Executed && result.Errors is not { Count: > 0 }
                      && result.Operation?.Operation == OperationType.Query && version is not null;
        if (!success)
        {
            headers.CacheControl = "no-store";
            return false;
        }

        var maxAge = CacheHints.MaxAge(schema, result.Document, result.Operation, options.Value.MaxAgeSeconds);
        if (maxAge > 0 && http.Features.Get<GraphQLCacheFeature>() is { } feature)
        {
            feature.StoreForSeconds = maxAge;
        }

        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            headers.CacheControl = "no-store";
            return false;
        }

        headers.CacheControl = maxAge > 0 ? $"public, max-age={maxAge}" : "no-cache";
        var etag = ETag(version!, mediaType, request);
        headers.ETag = etag.ToString();
        if (Matches(request.Headers.IfNoneMatch, etag))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return true;
        }
        return false;
    }

    /// <summary>W/"…": a hash of the dataset version, the media type and the path and query string of the request.</summary>
    public static EntityTagHeaderValue ETag(string datasetVersion, string mediaType, HttpRequest request)
    {
        var text = $"{datasetVersion}\n{mediaType}\n{request.PathBase}{request.Path}{request.QueryString}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"", isWeak: true);
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, EntityTagHeaderValue etag)
    {
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
    }
}
