using Disclosure.Api.Paging;
using Disclosure.Api.RateLimiting;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Errors.Custom;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Disclosure.Api.GraphQL;

/// <summary>
/// The cost and depth rule, computed before execution from the document and its variables: a node count like
/// GitHub's. An object counts 1, a scalar 0; a connection multiplies what is under it by its <c>first</c>/<c>last</c>
/// (the default page size when neither is given); a plain list by the default page size. Because it reads the
/// variables, it runs again for a cached document with new variables.
/// </summary>
public sealed class QueryCost(IOptions<QueryLimits> limits, CostRateLimiter rateLimiter)
{
    /// <summary>Where the endpoint names the client (a <see cref="RateClient"/>) whose bucket pays for the query (ExecutionOptions.UserContext).</summary>
    public const string ClientKey = "disclosure.client";

    /// <summary>Where the rule leaves the client's bucket after spending from it (or refusing), a <see cref="BucketState"/>.</summary>
    public const string BucketKey = "disclosure.bucket";

    /// <summary>Where the rule leaves the computed cost for the endpoint to report (ExecutionOptions.UserContext).</summary>
    public const string UserContextKey = "disclosure.cost";

    public int MaxCost => limits.Value.MaxCost;

    public ComplexityValidationRule Rule { get; } = new(new ComplexityOptions
    {
        DefaultScalarImpact = 0,
        DefaultObjectImpact = 1,
        DefaultListImpactMultiplier = PageRequest.DefaultPageSize,
        DefaultComplexityImpactDelegate = Impact,
        ValidateComplexityDelegate = context => Check(context, limits.Value, rateLimiter),
    });

    private static FieldComplexityResult Impact(FieldImpactContext context)
    {
        var field = context.FieldDefinition;
        if (field.Name.StartsWith("__", StringComparison.Ordinal) || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal))
        {
            // Introspection returns the schema, which is finite whatever the query asks: it costs nothing.
            return new(0, 1);
        }
        var type = field.ResolvedType!;
        var named = type.GetNamedType();
        var impact = named is ScalarGraphType or EnumerationGraphType ? 0 : 1;

        if (field.Arguments?.Find("first") is not null)
        {
            // A connection: everything under it is multiplied by the page size asked for.
            var size = context.GetArgument<int?>("first") ?? context.GetArgument<int?>("last") ?? PageRequest.DefaultPageSize;
            return new(impact, Math.Max(0, size));
        }
        if (context.Parent?.FieldDefinition.Arguments?.Find("first") is not null && field.Name is "edges" or "nodes" or "pageInfo")
        {
            // The connection already multiplies: an edge counts as its node.
            return new(field.Name == "edges" ? 0 : impact, 1);
        }
        var list = (type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) is ListGraphType;
        return new(impact, list ? PageRequest.DefaultPageSize : 1);
    }

    // The limits are checked here rather than by ComplexityOptions.MaxDepth, so that introspection (what GraphiQL
    // and client generators send, nesting `ofType` deeper than data queries need) is exempt from the depth limit;
    // it stays bounded by the cost limit, the parser's depth and the document size.
    private static async Task Check(ComplexityValidationContext context, QueryLimits limits, CostRateLimiter rateLimiter)
    {
        context.ValidationContext.UserContext[UserContextKey] = (int)Math.Ceiling(context.TotalImpact);
        var introspection = context.ValidationContext.Operation.SelectionSet.Selections
            .All(s => s is GraphQLField f && f.Name.StringValue is "__schema" or "__type" or "__typename");
        if (context.TotalImpact > limits.MaxCost)
        {
            context.Error = new ComplexityError(
                $"Query is too complex to execute: it may return {context.TotalImpact:0} nodes; at most {limits.MaxCost} are allowed. Ask for smaller pages (`first`/`last`) or fewer nested lists.");
        }
        else if (context.MaxDepth > limits.MaxDepth && !introspection)
        {
            context.Error = new ComplexityError($"Query is too nested to execute: its depth is {context.MaxDepth}; at most {limits.MaxDepth} levels are allowed.");
        }
        else if (context.ValidationContext.UserContext.TryGetValue(ClientKey, out var value) && value is RateClient client)
        {
            var cost = (int)Math.Ceiling(context.TotalImpact);
            var bucket = await rateLimiter.TrySpendAsync(client, cost, context.ValidationContext.CancellationToken);
            context.ValidationContext.UserContext[BucketKey] = bucket;
            if (!bucket.Allowed)
            {
                context.Error = new RateLimitedError(context.ValidationContext.Document.Source,
                    $"Rate limit exceeded: this query costs {cost} points and your bucket holds {bucket.Remaining} of {client.Limit}, " +
                    $"refilling by {client.Limit} per {rateLimiter.Window}. Retry after {Math.Max(1, Math.Ceiling(bucket.RetryAfter.TotalSeconds))} s, " +
                    "ask for smaller pages, or use cached GET requests.");
            }
        }
    }
}
