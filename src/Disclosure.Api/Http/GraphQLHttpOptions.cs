namespace Disclosure.Api.Http;

/// <summary>Limits of the GraphQL-over-HTTP endpoint (configuration section <c>GraphQLHttp</c>).</summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>The largest POST body accepted; larger bodies get 413.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The deepest JSON nesting accepted in a body or in GET's <c>variables</c>/<c>extensions</c>.</summary>
    public int MaxJsonDepth { get; set; } = 32;

    /// <summary>The most field selections a document may hold (aliases and fragments included).</summary>
    public int MaxFields { get; set; } = 2_048;

    /// <summary>The most field selections a document may ask for once its fragments are expanded.</summary>
    public int MaxExpandedFields { get; set; } = 20_000;

    /// <summary>
    /// How often one response name may occur in one selection set, fragments expanded (validation compares every pair
    /// of them, so thousands make it slow; a real query repeats a field a few times, through fragments).
    /// </summary>
    public int MaxFieldRepeats { get; set; } = 100;

    /// <summary>The most directives (<c>@include</c>, <c>@skip</c>…) a document may use.</summary>
    public int MaxDirectives { get; set; } = 100;

    /// <summary>
    /// How deep introspection's object lists may nest (<see cref="DocumentShape.IntrospectionListNesting"/>): 3 fits the
    /// introspection query of GraphiQL, Apollo and graphql-js (<c>types → fields → args</c>) and refuses the circular one.
    /// </summary>
    public int MaxIntrospectionListNesting { get; set; } = 3;

    /// <summary>How long one operation may run before it is stopped with a TIMEOUT error.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
