using Microsoft.Net.Http.Headers;

namespace Disclosure.Api.Http;

/// <summary>The response media types of GraphQL over HTTP, and the choice between them from an Accept header.</summary>
public static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The media type to answer with: the client's most preferred of the two we serve. A missing Accept, or only
    /// wildcards, gets <c>application/json</c> (what the graphql-http audits and older clients expect). Null: nothing
    /// acceptable (406).
    /// </summary>
    public static string? Negotiate(IList<string> accept)
    {
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            return Json;
        }

        string? best = null;
        var bestQuality = 0.0;
        var bestSpecific = false;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1.0;
            var type = range.MediaType.Value?.ToLowerInvariant();
            var (candidate, specific) = type switch
            {
                GraphQLResponse => (GraphQLResponse, true),
                Json => (Json, true),
                "*/*" or "application/*" => (Json, false),
                _ => ((string?)null, false),
            };
            if (candidate is null || quality <= 0)
            {
                continue;
            }
            if (quality > bestQuality || (quality == bestQuality && specific && !bestSpecific))
            {
                (best, bestQuality, bestSpecific) = (candidate, quality, specific);
            }
        }
        return best;
    }
}
