namespace Disclosure.Store.Data;

/// <summary>A quoted statement by a person.</summary>
public sealed class Statement
{
    public required string Id { get; init; }
    public required string OrganizationId { get; init; }
    public required string SpeakerId { get; init; }
    public required string SpeakerTitle { get; init; }
    public required DateOnly SaidOn { get; init; }
    public required string Text { get; init; }
}
