using Disclosure.Api.Paging;
using Disclosure.Api.Targets;
using Disclosure.Store.Data;
using GraphQL;
using GraphQL.Types;

namespace Disclosure.Api.GraphQL;

public sealed class DisclosureSchema : Schema
{
    public DisclosureSchema(IServiceProvider services, DisclosureQuery query) : base(services)
    {
        Description = "Disclosure: a public, read-only API over ESG (climate) disclosure data. Every fact carries its source and the exact quote it rests on.";
        Query = query;

        this.RegisterTypeMapping(typeof(DateOnly), typeof(IsoDateGraphType));

        // Every enum is served with the seed files' value names (EnumNames), not GraphQL.NET's default casing.
        var enums = typeof(Metric).Assembly.GetTypes().Append(typeof(ProgressMethod)).Append(typeof(SortDirection))
            .Where(t => t.IsEnum && t.IsPublic && t.Namespace is "Disclosure.Store.Data" or "Disclosure.Api.Targets" or "Disclosure.Api.Paging");
        foreach (var clrType in enums)
        {
            this.RegisterTypeMapping(clrType, typeof(ConstantEnumGraphType<>).MakeGenericType(clrType));
        }
    }
}
