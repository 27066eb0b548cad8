namespace Disclosure.Store.Data;

/// <summary>A stock-exchange listing of an organization.</summary>
public sealed class Listing
{
    public required string OrganizationId { get; init; }
    public required string Exchange { get; init; }
    public required string Symbol { get; init; }
}
