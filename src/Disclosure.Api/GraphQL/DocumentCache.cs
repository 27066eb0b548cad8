using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Disclosure.Api.GraphQL;

/// <summary>
/// A bounded LRU of parsed and validated documents, keyed by the query text. On a hit the document is not parsed
/// or validated again, except by the rules that depend on variables or the request (cost and depth, GET-only-query):
/// the endpoint passes those as <see cref="ExecutionOptions.CachedDocumentValidationRules"/>. Only documents that
/// passed validation are stored.
/// </summary>
public sealed class DocumentCache(IOptions<QueryLimits> limits) : IConfigureExecution
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Query, GraphQLDocument Document)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Query, GraphQLDocument Document)> _order = new();
    private long _hits;
    private long _misses;

    public float SortOrder => 200;

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Whether this query text is cached (parsed and validated before).</summary>
    public bool Contains(string query)
    {
        lock (_gate)
        {
            return _entries.ContainsKey(query);
        }
    }

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        // On a miss the endpoint may have parsed the document already (to measure it before validation); it is kept
        // like one the executer parsed, once it has validated.
        if (options.Query is not { } query || query.Length > limits.Value.DocumentCacheMaxQueryLength)
        {
            return await next(options);
        }
        if (TryGet(query, out var cached))
        {
            Interlocked.Increment(ref _hits);
            options.Document = cached;
            options.ValidationRules = options.CachedDocumentValidationRules;
            return await next(options);
        }

        Interlocked.Increment(ref _misses);
        var result = await next(options);
        if (result.Executed && result.Document is { } parsed)
        {
            Add(query, parsed);
        }
        return result;
    }

    private bool TryGet(string query, out GraphQLDocument document)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(query, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                document = node.Value.Document;
                return true;
            }
        }
        document = null!;
        return false;
    }

    private void Add(string query, GraphQLDocument document)
    {
        lock (_gate)
        {
            if (_entries.ContainsKey(query))
            {
                return;
            }
            _entries[query] = _order.AddFirst((query, document));
            while (_entries.Count > Math.Max(1, limits.Value.DocumentCacheSize))
            {
                _entries.Remove(_order.Last!.Value.Query);
                _order.RemoveLast();
            }
        }
    }
}
