using System.Collections.Concurrent;
using System.Linq.Expressions;
using GraphQL;
using GraphQLParser.AST;

namespace Disclosure.Api.Paging;

/// <summary>
/// Projection for connections: the long text columns a <see cref="QuerySpec{T}"/> declares optional are read only
/// when the query selects a field that shows them on the connection's nodes. Measured (the benchmark's
/// <c>projection</c> verb, a page of 100 rows at 100k organizations): 0.81x the time of reading every column of a
/// figure, 0.87x of a target. Only these columns are left out, never keys, sort keys or anything a resolver reads
/// for another field, so paging and cursors are unaffected; and since each connection has one to three of them,
/// projection multiplies a connection's query shapes (each compiled once by EF Core) by at most eight, whatever
/// clients select.
/// </summary>
public static class Projection<T> where T : class
{
    private static readonly ConcurrentDictionary<string, Expression<Func<T, T>>> Projections = new(StringComparer.Ordinal);

    /// <summary>The optional columns this connection field's nodes do not need, in declaration order.</summary>
    public static string[] LeftOut(IResolveFieldContext context, QuerySpec<T> spec)
    {
        if (spec.OptionalColumns.Count == 0 || NodeFields(context) is not { } selected)
        {
            return [];
        }
        return [.. spec.OptionalColumns.Where(c => !c.Fields.Any(selected.Contains)).Select(c => c.Property)];
    }

    /// <summary>The rows without the columns left out: <c>x =&gt; new T { every other column = x.Column }</c>.</summary>
    public static IQueryable<T> Apply(IQueryable<T> query, string[] leftOut) =>
        leftOut.Length == 0 ? query : query.Select(Projections.GetOrAdd(string.Join(',', leftOut), _ => Without(leftOut)));

    private static Expression<Func<T, T>> Without(string[] leftOut)
    {
        var x = Expression.Parameter(typeof(T), "x");
        var bindings = typeof(T).GetProperties()
            .Where(p => p.CanWrite && !leftOut.Contains(p.Name, StringComparer.Ordinal))
            .Select(p => Expression.Bind(p, Expression.Property(x, p)));
        return Expression.Lambda<Func<T, T>>(Expression.MemberInit(Expression.New(typeof(T)), bindings), x);
    }

    /// <summary>
    /// The names of the fields selected on the connection's nodes (under <c>nodes</c> and <c>edges { node }</c>,
    /// through fragments, whatever their type condition: a superset is safe, it only reads a column more).
    /// </summary>
    private static HashSet<string>? NodeFields(IResolveFieldContext context)
    {
        if (context.SubFields is not { } connectionFields)
        {
            return null;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, _) in connectionFields.Values)
        {
            if (field.Name.Value.Span.SequenceEqual("nodes"))
            {
                Collect(context, field.SelectionSet, names, depth: 0);
            }
            else if (field.Name.Value.Span.SequenceEqual("edges"))
            {
                var edgeFields = new List<GraphQLField>();
                Fields(context, field.SelectionSet, edgeFields, depth: 0);
                foreach (var node in edgeFields.Where(f => f.Name.Value.Span.SequenceEqual("node")))
                {
                    Collect(context, node.SelectionSet, names, depth: 0);
                }
            }
        }
        return names;
    }

    private static void Collect(IResolveFieldContext context, GraphQLSelectionSet? selectionSet, HashSet<string> names, int depth)
    {
        var fields = new List<GraphQLField>();
        Fields(context, selectionSet, fields, depth);
        foreach (var field in fields)
        {
            names.Add(field.Name.StringValue);
        }
    }

    /// <summary>The fields of a selection set, with those of its inline fragments and fragment spreads.</summary>
    private static void Fields(IResolveFieldContext context, GraphQLSelectionSet? selectionSet, List<GraphQLField> fields, int depth)
    {
        // Validation has refused fragment cycles before execution; the bound only makes that explicit.
        if (selectionSet is null || depth > 64)
        {
            return;
        }
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    fields.Add(field);
                    break;
                case GraphQLInlineFragment inline:
                    Fields(context, inline.SelectionSet, fields, depth + 1);
                    break;
                case GraphQLFragmentSpread spread:
                    var definition = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(d => d.FragmentName.Name == spread.FragmentName.Name);
                    Fields(context, definition?.SelectionSet, fields, depth + 1);
                    break;
            }
        }
    }
}
