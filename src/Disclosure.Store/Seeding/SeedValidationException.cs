namespace Disclosure.Store.Seeding;

/// <summary>The seed data is broken; the store was not touched. <see cref="Errors"/> says what and where.</summary>
public sealed class SeedValidationException(IReadOnlyList<SeedError> errors)
    : Exception($"seed-data is invalid ({errors.Count} error{(errors.Count == 1 ? "" : "s")}):{Environment.NewLine}" +
                string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public IReadOnlyList<SeedError> Errors { get; } = errors;
}
