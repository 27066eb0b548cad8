namespace Disclosure.Store.Data;

/// <summary>A person's seat on a governance body, over the time a source attests it.</summary>
public sealed class Membership
{
    public required string Id { get; init; }
    public required string BodyId { get; init; }
    public required string PersonId { get; init; }
    public required MembershipRole Role { get; init; }
    public required string Title { get; init; }
    public DateOnly? Since { get; init; }
    public DateOnly? Until { get; init; }
    public DateOnly? EndedBy { get; init; }
    public string? Note { get; init; }
}
