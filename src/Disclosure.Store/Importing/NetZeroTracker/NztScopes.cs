using System.Text.RegularExpressions;

namespace Disclosure.Store.Importing.NetZeroTracker;

/// <summary>
/// The scopes per target, read only from the tracker's explicit wording in <c>coverage_notes</c>, as it occurs in the
/// 2022-12-20 snapshot: "end target covers 1+2", "interim target covers 3", "interim target covers scope 1&amp;2",
/// "interim targets cover scope 1-3", "Interim target covers scopes 1 and 2". The scope list must be digits 1-3
/// joined by "+", "&amp;", ",", "and" or a range "1-3", and end the clause (";", ".", "(", " - ", "only", end of
/// line). Anything else ("all 3 scopes", "scope 1, 2 and business travel", "scopes ! and 2", "2050 net zero
/// target covers scope 3") is not read: null. Two different lists for the same target are not read either.
/// </summary>
public static partial class NztScopes
{
    public static (IReadOnlyList<int>? End, IReadOnlyList<int>? Interim) FromCoverageNotes(string? notes)
    {
        if (notes is null)
        {
            return (null, null);
        }
        IReadOnlyList<int>? end = null, interim = null;
        bool endConflict = false, interimConflict = false;
        foreach (Match m in Clause().Matches(notes))
        {
            var scopes = ParseList(m.Groups["list"].Value);
            if (scopes is null)
            {
                continue;
            }
            if (m.Groups["which"].Value.Equals("end", StringComparison.OrdinalIgnoreCase))
            {
                endConflict |= end is not null && !end.SequenceEqual(scopes);
                end = scopes;
            }
            else
            {
                interimConflict |= interim is not null && !interim.SequenceEqual(scopes);
                interim = scopes;
            }
        }
        return (endConflict ? null : end, interimConflict ? null : interim);
    }

    /// <summary>"1+2" -> [1, 2]; "1-3" -> [1, 2, 3]; null for a backward range such as "3-1".</summary>
    private static int[]? ParseList(string list)
    {
        var scopes = new SortedSet<int>();
        foreach (var part in Separator().Split(list).Select(p => p.Trim()))
        {
            int from = part[0] - '0', to = part[^1] - '0';
            if (to < from)
            {
                return null;
            }
            scopes.UnionWith(Enumerable.Range(from, to - from + 1));
        }
        return [.. scopes];
    }

    [GeneratedRegex(@"\b(?<which>end|interim) targets? covers? (?:scopes? )?(?<list>[1-3](?:\s*-\s*[1-3])?(?:\s*(?:\+|&|,|and)\s*[1-3](?:\s*-\s*[1-3])?)*)(?=\s*(?:$|[;.(\r\n]|-\s|only\b))", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Clause();

    [GeneratedRegex(@"\+|&|,|\band\b")]
    private static partial Regex Separator();
}
