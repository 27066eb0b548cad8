using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Targets;

public sealed class TargetQuantityGraphType : ObjectGraphType<TargetQuantity>
{
    public TargetQuantityGraphType()
    {
        Name = "TargetQuantity";
        Description = "How much a target aims at: a percentage (e.g. 50 PERCENT) or an amount (e.g. 1.5 GTCO2E).";
        Field(q => q.Value).Description("The number as announced.");
        Field(q => q.Unit).Description("The unit as announced.");
        Field(q => q.NormalizedValue, nullable: true).Description("The amount converted to `normalizedUnit` (tCO2e for emissions); null for a percentage.");
        Field(q => q.NormalizedUnit, nullable: true).Description("`tCO2e` for an emission amount; null for a percentage.");
    }
}
