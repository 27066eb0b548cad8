namespace Disclosure.Store.Data;

/// <summary>
/// A published id that was replaced (from <c>seed-data/renames.json</c>): the object of <see cref="Type"/> once
/// published as <see cref="OldId"/> is now <see cref="NewId"/>, so a global ID handed out before still finds it.
/// </summary>
public sealed class Rename
{
    /// <summary>The object's type, as in its global ID (e.g. <c>Figure</c>).</summary>
    public required string Type { get; init; }
    public required string OldId { get; init; }
    public required string NewId { get; init; }
    public required string Reason { get; init; }
}
