using GraphQL.Validation;

namespace Disclosure.Api.RateLimiting;

/// <summary>The client's bucket cannot pay for the query; the endpoint answers 429 with Retry-After.</summary>
public sealed class RateLimitedError(GraphQLParser.ROM source, string message) : ValidationError(source, "RATE_LIMITED", message);
