using Disclosure.Store.Data;

namespace Disclosure.Api.Targets;

/// <summary>A target's quantity: a percentage or an amount with its unit.</summary>
public sealed record TargetQuantity(double Value, Unit Unit, double? NormalizedValue, string? NormalizedUnit);
