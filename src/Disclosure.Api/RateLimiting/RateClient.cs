namespace Disclosure.Api.RateLimiting;

/// <summary>
/// Whose bucket a request spends from: an issued API key (by its configured name) or an anonymous address, with the
/// bucket's size. <paramref name="Bucket"/> is the bucket's key ("key:&lt;name&gt;" or "ip:&lt;address&gt;").
/// </summary>
public sealed record RateClient(string Bucket, string Policy, int Limit);

/// <summary>A bucket after a spend (or a refusal): what it holds, and when it will be full again.</summary>
public readonly record struct BucketState(bool Allowed, long Remaining, TimeSpan RetryAfter, TimeSpan UntilFull);
