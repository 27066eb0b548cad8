using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Disclosure.Api.Caching;

/// <summary>
/// Per-field cache hints, Apollo-style: a field may say its data should not be cached longer than N seconds
/// (<c>.CacheMaxAge(60)</c>, stored as field metadata). After execution, <see cref="MaxAge"/> walks the executed
/// operation (fields, inline fragments and fragment spreads, against the schema's types) and the smallest hint
/// selected anywhere wins; with no hints the configured default applies. The walk is static, so a hinted field
/// counts even when its parent resolved to null, and <c>@skip</c>/<c>@include</c> are ignored: it can only make an
/// answer age faster, never slower. Put a hint on the interface field too when a field is selected through one.
/// </summary>
public static class CacheHints
{
    public const string MaxAgeKey = "Disclosure.CacheMaxAge";

    public static FieldBuilder<TSource, TReturn> CacheMaxAge<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, int seconds)
    {
        field.FieldType.WithMetadata(MaxAgeKey, seconds);
        return field;
    }

    public static int? GetCacheMaxAge(this IFieldType field) => field.GetMetadata<int?>(MaxAgeKey);

    /// <summary>The max-age of an executed operation: the smallest hint of the fields it selects, at most <paramref name="defaultMaxAge"/>.</summary>
    public static int MaxAge(ISchema schema, GraphQLDocument? document, GraphQLOperationDefinition? operation, int defaultMaxAge)
    {
        if (document is null || operation is null)
        {
            return defaultMaxAge;
        }
        IComplexGraphType? root = operation.Operation == OperationType.Query ? schema.Query : null;
        return Walk(schema, document, operation.SelectionSet, root, defaultMaxAge, []);
    }

    private static int Walk(ISchema schema, GraphQLDocument document, GraphQLSelectionSet? selections, IComplexGraphType? type, int maxAge, HashSet<string> fragments)
    {
        if (selections is null)
        {
            return maxAge;
        }
        foreach (var selection in selections.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    var definition = type?.GetField(field.Name.StringValue);
                    if (definition?.GetCacheMaxAge() is { } hint)
                    {
                        maxAge = Math.Min(maxAge, hint);
                    }
                    if (field.SelectionSet is not null)
                    {
                        maxAge = Walk(schema, document, field.SelectionSet, definition?.ResolvedType?.GetNamedType() as IComplexGraphType, maxAge, fragments);
                    }
                    break;
                case GraphQLInlineFragment inline:
                    var inlineType = inline.TypeCondition is { } condition ? schema.AllTypes[condition.Type.Name.StringValue] as IComplexGraphType : type;
                    maxAge = Walk(schema, document, inline.SelectionSet, inlineType, maxAge, fragments);
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    if (fragments.Add(name) && document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(f => f.FragmentName.Name.StringValue == name) is { } fragment)
                    {
                        var fragmentType = schema.AllTypes[fragment.TypeCondition.Type.Name.StringValue] as IComplexGraphType;
                        maxAge = Walk(schema, document, fragment.SelectionSet, fragmentType, maxAge, fragments);
                    }
                    break;
            }
        }
        return maxAge;
    }
}
