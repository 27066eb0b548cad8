namespace Disclosure.Api.GraphQL;

/// <summary>Limits on what one query may ask for (configuration section <c>GraphQL:Limits</c>).</summary>
public sealed class QueryLimits
{
    /// <summary>The deepest selection allowed (introspection queries are exempt; the parser's own bound still holds).</summary>
    public int MaxDepth { get; set; } = 12;

    /// <summary>The most nodes a query may request, counted like GitHub's node limit before execution.</summary>
    public int MaxCost { get; set; } = 10_000;

    /// <summary>How many parsed and validated documents the document cache keeps.</summary>
    public int DocumentCacheSize { get; set; } = 1_000;

    /// <summary>The longest query text the document cache keeps (longer ones are parsed every time).</summary>
    public int DocumentCacheMaxQueryLength { get; set; } = 16 * 1024;
}
