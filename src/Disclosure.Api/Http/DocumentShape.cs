using GraphQLParser.AST;

namespace Disclosure.Api.Http;

/// <summary>
/// The size of a document, measured before validation, because some small documents make validation itself slow:
/// fragments that spread each other twice, twenty deep, are a few hundred bytes but a million selections; and the
/// same field repeated thousands of times in one place makes the "fields can merge" rule compare every pair of them;
/// thousands of directives make the unique-directive rule slow too.
/// Fragment sizes are memoised, so measuring takes time linear in the document; fragment cycles count as nothing
/// (validation reports them).
/// </summary>
public sealed record DocumentShape(long Fields, long ExpandedFields, long MostRepeatedField, long Directives)
{
    /// <summary>A directive written twice on one location (<c>@skip(if: false) @skip(if: false)</c>), or null.</summary>
    public string? RepeatedDirective { get; init; }

    /// <summary>
    /// How deep introspection's object lists nest (<c>types</c>, <c>fields</c>, <c>args</c>, <c>inputFields</c>,
    /// <c>interfaces</c>, <c>possibleTypes</c>, <c>enumValues</c>, <c>directives</c>), fragments expanded: 3 for the
    /// query GraphiQL and Apollo send (<c>types → fields → args</c>); each more level multiplies the answer by the
    /// schema's size (the circular introspection query <c>types { fields { type { fields { type { fields …</c>).
    /// </summary>
    public int IntrospectionListNesting { get; init; }

    /// <param name="document">A parsed document.</param>
    /// <param name="stopAbove">Counting stops once the expanded count passes this (the answer is then "more than").</param>
    public static DocumentShape Measure(GraphQLDocument document, long stopAbove)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }
        var measure = new Measurer(fragments, stopAbove);
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLOperationDefinition or GraphQLFragmentDefinition)
            {
                measure.CountWritten(definition);
            }
        }
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            if (measure.Expanded > stopAbove)
            {
                break;
            }
            measure.Expand(operation.SelectionSet);
        }
        var nesting = 0;
        if (measure.Expanded <= stopAbove)
        {
            foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
            {
                nesting = Math.Max(nesting, IntrospectionNesting(operation.SelectionSet, fragments, inIntrospection: false, [], 0));
            }
        }
        return new DocumentShape(measure.Written, measure.Expanded, measure.MostRepeated, measure.Directives)
        {
            RepeatedDirective = measure.RepeatedDirective,
            IntrospectionListNesting = nesting,
        };
    }

    private static readonly HashSet<string> IntrospectionLists =
        ["types", "fields", "args", "inputFields", "interfaces", "possibleTypes", "enumValues", "directives"];

    // Walks the expanded selections (bounded: only called once the expanded size is within the limit).
    private static int IntrospectionNesting(GraphQLSelectionSet? set, Dictionary<string, GraphQLFragmentDefinition> fragments,
        bool inIntrospection, HashSet<string> visiting, int depth)
    {
        var most = 0;
        if (depth > 512)
        {
            return most; // the parser's own bound is lower; this only guards the recursion
        }
        foreach (var selection in set?.Selections ?? [])
        {
            switch (selection)
            {
                case GraphQLField field when field.SelectionSet is not null:
                    var name = field.Name.StringValue;
                    var inside = inIntrospection || name is "__schema" or "__type";
                    var here = inIntrospection && IntrospectionLists.Contains(name) ? 1 : 0;
                    most = Math.Max(most, here + IntrospectionNesting(field.SelectionSet, fragments, inside, visiting, depth + 1));
                    break;
                case GraphQLInlineFragment inline:
                    most = Math.Max(most, IntrospectionNesting(inline.SelectionSet, fragments, inIntrospection, visiting, depth + 1));
                    break;
                case GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment) && visiting.Add(fragment.FragmentName.Name.StringValue):
                    most = Math.Max(most, IntrospectionNesting(fragment.SelectionSet, fragments, inIntrospection, visiting, depth + 1));
                    visiting.Remove(fragment.FragmentName.Name.StringValue);
                    break;
            }
        }
        return most;
    }

    private sealed class Measurer(Dictionary<string, GraphQLFragmentDefinition> fragments, long stopAbove)
    {
        // Per fragment: how many selections it expands to, and how often each response name occurs at its top level.
        private readonly Dictionary<string, (long Size, Dictionary<string, long> Names)> _fragments = new(StringComparer.Ordinal);
        private readonly HashSet<string> _visiting = new(StringComparer.Ordinal);

        public long Written { get; private set; }

        public long Expanded { get; private set; }

        public long MostRepeated { get; private set; }

        public long Directives { get; private set; }

        public string? RepeatedDirective { get; private set; }

        private void CountDirectives(ASTNode node)
        {
            if ((node as IHasDirectivesNode)?.Directives is not { Count: > 0 } directives)
            {
                return;
            }
            Directives += directives.Count;
            if (RepeatedDirective is null && directives.Count > 1)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var directive in directives.Items)
                {
                    if (!seen.Add(directive.Name.StringValue))
                    {
                        RepeatedDirective = directive.Name.StringValue;
                        break;
                    }
                }
            }
        }

        /// <summary>Counts the fields and directives as written (aliases and fragments included, nothing expanded).</summary>
        public void CountWritten(ASTNode node)
        {
            CountDirectives(node);
            if (node is GraphQLOperationDefinition { Variables: { } variables })
            {
                foreach (var variable in variables.Items)
                {
                    CountDirectives(variable);
                }
            }
            var pending = new Stack<GraphQLSelectionSet>();
            if (node is IHasSelectionSetNode { SelectionSet: { } root })
            {
                pending.Push(root);
            }
            while (pending.TryPop(out var set))
            {
                foreach (var selection in set.Selections)
                {
                    CountDirectives(selection);
                    if (selection is GraphQLField)
                    {
                        Written++;
                    }
                    if (selection is IHasSelectionSetNode { SelectionSet: { } inner })
                    {
                        pending.Push(inner);
                    }
                }
            }
        }

        /// <summary>Adds the expanded size of an operation's selection set, and the most repeated names within its sets.</summary>
        public void Expand(GraphQLSelectionSet set) => Expanded += Size(set, out _);

        private long Size(GraphQLSelectionSet? set, out Dictionary<string, long> names)
        {
            names = new Dictionary<string, long>(StringComparer.Ordinal);
            long total = 0;
            foreach (var selection in set?.Selections ?? [])
            {
                switch (selection)
                {
                    case GraphQLField field:
                        total += 1 + Size(field.SelectionSet, out _);
                        Add(names, (field.Alias?.Name ?? field.Name).StringValue, 1);
                        break;
                    case GraphQLInlineFragment inline:
                        total += Size(inline.SelectionSet, out var inlineNames);
                        Merge(names, inlineNames);
                        break;
                    case GraphQLFragmentSpread spread:
                        var (size, fragmentNames) = Fragment(spread.FragmentName.Name.StringValue);
                        total += size;
                        Merge(names, fragmentNames);
                        break;
                }
                if (total > stopAbove)
                {
                    break;
                }
            }
            return total;
        }

        private (long Size, Dictionary<string, long> Names) Fragment(string name)
        {
            if (_fragments.TryGetValue(name, out var known))
            {
                return known;
            }
            if (!fragments.TryGetValue(name, out var fragment) || !_visiting.Add(name))
            {
                return (0, []);
            }
            var size = Size(fragment.SelectionSet, out var names);
            _visiting.Remove(name);
            return _fragments[name] = (size, names);
        }

        private void Merge(Dictionary<string, long> into, Dictionary<string, long> from)
        {
            foreach (var (name, count) in from)
            {
                Add(into, name, count);
            }
        }

        private void Add(Dictionary<string, long> names, string name, long count)
        {
            // Saturates: exponential spreads would overflow, and are refused long before.
            var total = names[name] = Math.Min(names.GetValueOrDefault(name) + count, long.MaxValue / 4);
            MostRepeated = Math.Max(MostRepeated, total);
        }
    }
}
