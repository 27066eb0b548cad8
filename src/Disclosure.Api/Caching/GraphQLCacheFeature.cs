using Disclosure.Api.Http;

namespace Disclosure.Api.Caching;

/// <summary>
/// What the output-cache policy and the endpoint tell each other about one request: the POST body the policy had to
/// read (and hash) before the endpoint runs, so it is read once, and parsed when the policy had to (a body not seen
/// before) or else only when the endpoint runs (a cache miss); and, from the endpoint, whether the answer may be
/// stored and for how long.
/// </summary>
public sealed class GraphQLCacheFeature
{
    public GraphQLRequestReader.Result? Parsed { get; set; }

    /// <summary>The POST body as read by the policy, when it was not parsed there.</summary>
    public GraphQLRequestReader.Body? Body { get; set; }

    /// <summary>Set by the endpoint for a successful answer (200, no errors): how long the server may keep it.</summary>
    public int? StoreForSeconds { get; set; }
}
