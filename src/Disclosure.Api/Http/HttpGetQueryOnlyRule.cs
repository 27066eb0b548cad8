using GraphQL.Validation;
using GraphQLParser.AST;

namespace Disclosure.Api.Http;

/// <summary>GraphQL over HTTP: a GET request may only run a query. Anything else is answered 405 (Allow: POST).</summary>
public sealed class HttpGetQueryOnlyRule : ValidationRuleBase
{
    public static HttpGetQueryOnlyRule Instance { get; } = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation != OperationType.Query)
        {
            context.ReportError(new HttpGetQueryOnlyError(context.Document.Source, context.Operation));
        }
        return default;
    }
}

public sealed class HttpGetQueryOnlyError(GraphQLParser.ROM source, GraphQLOperationDefinition operation)
    : ValidationError(source, "HTTP_METHOD", $"Only query operations can be sent with GET; send this {operation.Operation.ToString().ToLowerInvariant()} with POST.", operation);
