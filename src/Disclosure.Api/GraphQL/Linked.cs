namespace Disclosure.Api.GraphQL;

/// <summary>A row reached through a link table, with the key of the row it was reached from.</summary>
public sealed record Linked<T>(string Key, T Value);
