using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Disclosure.Store.Data;

/// <summary>
/// The one spelling of every enum value, shared by the seed files and the GraphQL schema: UPPER_SNAKE_CASE with
/// a break before each capital and each digit (<c>NetScope12Emissions</c> is <c>NET_SCOPE_1_2_EMISSIONS</c>),
/// unless the member names itself with <see cref="JsonStringEnumMemberNameAttribute"/>.
/// </summary>
public static class EnumNames
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    public static JsonNamingPolicy Policy { get; } = new ConstantCasePolicy();

    public static string Of(Enum value) => Cache.GetOrAdd(value, static v =>
    {
        var member = v.GetType().GetField(v.ToString(), BindingFlags.Public | BindingFlags.Static);
        return member?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? ToConstantCase(v.ToString());
    });

    public static string ToConstantCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && (char.IsUpper(c) || char.IsDigit(c)))
            {
                builder.Append('_');
            }
            builder.Append(char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }

    private sealed class ConstantCasePolicy : JsonNamingPolicy
    {
        public override string ConvertName(string name) => ToConstantCase(name);
    }
}
