using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.GraphQL;

/// <summary>A GraphQL enum over a store enum, with the same value names as the seed files (<see cref="EnumNames"/>).</summary>
public sealed class ConstantEnumGraphType<TEnum> : EnumerationGraphType<TEnum> where TEnum : struct, Enum
{
    protected override string ChangeEnumCase(string val) => EnumNames.Of(Enum.Parse<TEnum>(val));
}
