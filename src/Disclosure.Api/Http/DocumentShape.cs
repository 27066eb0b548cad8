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
        return new DocumentShape(measure.Written, measure.Expanded, measure.MostRepeated, measure.Directives);
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

        /// <summary>Counts the fields and directives as written (aliases and fragments included, nothing expanded).</summary>
        public void CountWritten(ASTNode node)
        {
            Directives += (node as IHasDirectivesNode)?.Directives?.Count ?? 0;
            if (node is GraphQLOperationDefinition { Variables: { } variables })
            {
                Directives += variables.Items.Sum(v => v.Directives?.Count ?? 0);
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
                    Directives += (selection as IHasDirectivesNode)?.Directives?.Count ?? 0;
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
