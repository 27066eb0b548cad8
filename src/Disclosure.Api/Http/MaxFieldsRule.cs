using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace Disclosure.Api.Http;

/// <summary>
/// At most <see cref="GraphQLHttpOptions.MaxFields"/> field selections in a document (aliases and fragments
/// included), like HotChocolate's parser default: bounds alias and duplication floods before anything runs.
/// </summary>
public sealed class MaxFieldsRule(int maxFields) : ValidationRuleBase
{
    public override async ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var counter = new Counter();
        await counter.VisitAsync(context.Document, new Counter.Context());
        if (counter.Fields > maxFields)
        {
            context.ReportError(new ValidationError(context.Document.Source, "MAX_FIELDS",
                $"The document selects {counter.Fields} fields; at most {maxFields} are allowed."));
        }
        return null;
    }

    private sealed class Counter : ASTVisitor<Counter.Context>
    {
        public int Fields { get; private set; }

        protected override ValueTask VisitFieldAsync(GraphQLField field, Context context)
        {
            Fields++;
            return base.VisitFieldAsync(field, context);
        }

        public sealed class Context : IASTVisitorContext
        {
            public CancellationToken CancellationToken => default;
        }
    }
}
