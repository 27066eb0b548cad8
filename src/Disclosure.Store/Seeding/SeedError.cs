namespace Disclosure.Store.Seeding;

/// <summary>One thing wrong with the seed data: which file, where in it (a JSON path), and what.</summary>
public sealed record SeedError(string File, string Path, string Message)
{
    public override string ToString() => $"{File}: {Path}: {Message}";
}
