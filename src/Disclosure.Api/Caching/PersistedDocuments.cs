using System.Security.Cryptography;
using System.Text;
using Disclosure.Api.Http;
using Disclosure.Api.Playground;
using GraphQL.Transport;
using Microsoft.Extensions.Options;

namespace Disclosure.Api.Caching;

/// <summary>
/// Persisted operations. Trusted documents: the named operations of <c>schema/examples/</c>, each callable by
/// <c>documentId=sha256:&lt;hex of its text&gt;</c> (the text <c>GET /graphql/examples</c> serves as <c>query</c>),
/// over GET or POST. Automatic persisted queries (Apollo APQ, <c>extensions.persistedQuery</c> version 1): a hash
/// alone runs a trusted document or a query a client registered before; a miss answers
/// <c>PersistedQueryNotFound</c> (code <c>PERSISTED_QUERY_NOT_FOUND</c>) so Apollo Client sends the query with its
/// hash, which registers it (bounded LRU). Ad-hoc queries stay allowed.
/// </summary>
public sealed class PersistedDocuments
{
    public const string Prefix = "sha256:";

    private readonly Dictionary<string, string> _trusted;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Hash, string Query)>> _registered = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Hash, string Query)> _order = new();
    private readonly int _capacity;
    private readonly int _maxLength;

    public PersistedDocuments(IReadOnlyList<PlaygroundExample> trusted, IOptions<CachingOptions> options)
    {
        _trusted = trusted.ToDictionary(e => Hash(e.Query), e => e.Query, StringComparer.Ordinal);
        _capacity = Math.Max(0, options.Value.AutomaticPersistedQueries);
        _maxLength = options.Value.AutomaticPersistedQueryMaxLength;
    }

    /// <summary>The document ids of the trusted documents.</summary>
    public IReadOnlyCollection<string> TrustedIds => [.. _trusted.Keys.Select(h => Prefix + h)];

    /// <summary>The lowercase hex SHA-256 of a document's UTF-8 text (what APQ's <c>sha256Hash</c> is).</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string DocumentId(string text) => Prefix + Hash(text);

    /// <summary>Turns a request by <c>documentId</c> or by APQ hash into one with its query; checks APQ hashes against their query.</summary>
    public GraphQLRequestReader.Result Resolve(GraphQLRequest request)
    {
        if (request.DocumentId is { } documentId)
        {
            if (request.Query is not null)
            {
                return GraphQLRequestReader.Result.Fail("Send either 'query' or 'documentId', not both.");
            }
            if (!documentId.StartsWith(Prefix, StringComparison.Ordinal) || !IsSha256(documentId[Prefix.Length..]))
            {
                return GraphQLRequestReader.Result.Fail($"'documentId' must be '{Prefix}' followed by 64 lowercase hex digits.");
            }
            if (!_trusted.TryGetValue(documentId[Prefix.Length..], out var query))
            {
                return GraphQLRequestReader.Result.Fail(StatusCodes.Status404NotFound, "PERSISTED_DOCUMENT_NOT_FOUND",
                    $"No persisted document has the id '{documentId}'. The ids are listed by GET /graphql/examples.");
            }
            request.Query = query;
            return new(request, null);
        }

        if (request.Extensions?.TryGetValue("persistedQuery", out var value) != true)
        {
            return request.Query is null
                ? GraphQLRequestReader.Result.Fail("The request needs a GraphQL document in 'query' (or a persisted one by 'documentId').")
                : new(request, null);
        }
        if (value is not IDictionary<string, object?> persisted
            || !persisted.TryGetValue("version", out var version) || !IsOne(version)
            || !persisted.TryGetValue("sha256Hash", out var hashValue) || hashValue is not string hash || !IsSha256(hash))
        {
            return GraphQLRequestReader.Result.Fail("PERSISTED_QUERY_INVALID",
                "'extensions.persistedQuery' must be { \"version\": 1, \"sha256Hash\": \"<64 lowercase hex digits>\" }.");
        }
        if (request.Query is null)
        {
            if (Find(hash) is not { } known)
            {
                // Apollo Client reacts to exactly this message and code by sending the query with its hash.
                return GraphQLRequestReader.Result.Fail(GraphQLRequestReader.NotExecutedStatus, "PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound");
            }
            request.Query = known;
            return new(request, null);
        }
        if (!string.Equals(Hash(request.Query), hash, StringComparison.Ordinal))
        {
            return GraphQLRequestReader.Result.Fail("PERSISTED_QUERY_HASH_MISMATCH",
                "'extensions.persistedQuery.sha256Hash' is not the SHA-256 of 'query' (lowercase hex of its UTF-8 text).");
        }
        Register(hash, request.Query);
        return new(request, null);
    }

    private string? Find(string hash)
    {
        if (_trusted.TryGetValue(hash, out var trusted))
        {
            return trusted;
        }
        lock (_gate)
        {
            if (_registered.TryGetValue(hash, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                return node.Value.Query;
            }
        }
        return null;
    }

    private void Register(string hash, string query)
    {
        if (_capacity == 0 || query.Length > _maxLength || _trusted.ContainsKey(hash))
        {
            return;
        }
        lock (_gate)
        {
            if (_registered.ContainsKey(hash))
            {
                return;
            }
            _registered[hash] = _order.AddFirst((hash, query));
            while (_registered.Count > _capacity)
            {
                _registered.Remove(_order.Last!.Value.Hash);
                _order.RemoveLast();
            }
        }
    }

    private static bool IsOne(object? value) => value switch
    {
        int i => i == 1,
        long l => l == 1,
        decimal d => d == 1,
        double d => d == 1,
        System.Numerics.BigInteger b => b == 1,
        _ => false,
    };

    private static bool IsSha256(string hex) => hex.Length == 64 && hex.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
