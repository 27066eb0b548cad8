using GraphQLParser.AST;

namespace Disclosure.Api.Http;

/// <summary>
/// How many field selections a document asks for once its fragments are expanded. Fragments that spread each other
/// twice, twenty deep, are a few hundred bytes but a million selections: validating them would take minutes. Sizes
/// are memoised per fragment, so this takes time linear in the document; cycles count as nothing (validation reports them).
/// </summary>
public static class FragmentExpansion
{
    public static long SelectionCount(GraphQLDocument document, long stopAbove)
    {
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue).ToDictionary(g => g.Key, g => g.First());
        var sizes = new Dictionary<string, long>();
        var visiting = new HashSet<string>();

        long Size(GraphQLSelectionSet? set)
        {
            long total = 0;
            foreach (var selection in set?.Selections ?? [])
            {
                total += selection switch
                {
                    GraphQLField field => 1 + Size(field.SelectionSet),
                    GraphQLInlineFragment inline => Size(inline.SelectionSet),
                    GraphQLFragmentSpread spread => Fragment(spread.FragmentName.Name.StringValue),
                    _ => 0,
                };
                if (total > stopAbove)
                {
                    return total;
                }
            }
            return total;
        }

        long Fragment(string name)
        {
            if (sizes.TryGetValue(name, out var known))
            {
                return known;
            }
            if (!fragments.TryGetValue(name, out var fragment) || !visiting.Add(name))
            {
                return 0;
            }
            var size = Size(fragment.SelectionSet);
            visiting.Remove(name);
            return sizes[name] = size;
        }

        long count = 0;
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            count += Size(operation.SelectionSet);
            if (count > stopAbove)
            {
                break;
            }
        }
        return count;
    }
}
