namespace Disclosure.Store.Data;

/// <summary>One column of an assessment as the dataset recorded it.</summary>
public sealed class AssessmentField
{
    public required string AssessmentId { get; init; }
    public required int Ordinal { get; init; }
    public required string Column { get; init; }
    public required string Value { get; init; }
}
