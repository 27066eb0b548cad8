namespace Disclosure.Store.Data;

/// <summary>A person named by a source.</summary>
public sealed class Person
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? NativeName { get; init; }
}
