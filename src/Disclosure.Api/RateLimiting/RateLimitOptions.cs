namespace Disclosure.Api.RateLimiting;

/// <summary>Per-client limits weighted by query cost (configuration section <c>RateLimit</c>).</summary>
public sealed class RateLimitOptions
{
    /// <summary>
    /// The size of an anonymous client's bucket (its IP address), in cost points (nodes), and how many points it gets
    /// back per <see cref="Window"/>, continuously: about 10,000 pages of 100 items an hour.
    /// </summary>
    public int PointsPerWindow { get; set; } = 1_000_000;

    /// <summary>The time a bucket takes to refill from empty (it refills continuously, not all at once).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The header that carries an issued API key.</summary>
    public string ApiKeyHeader { get; set; } = "X-Api-Key";

    /// <summary>
    /// The issued API keys by name (<c>RateLimit:Keys:&lt;name&gt;:Sha256</c>, <c>…:PointsPerWindow</c>): each has a bucket
    /// of its own. Keys are stored as the lowercase hex SHA-256 of the key's UTF-8 text (<c>hash-key</c> prints it), never
    /// in clear. A request with any other key is refused (401).
    /// </summary>
    public Dictionary<string, ApiKeyOptions> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>With <c>ConnectionStrings:Redis</c> set: the prefix of the buckets' Redis keys (shared by every replica).</summary>
    public string RedisPrefix { get; set; } = "disclosure:ratelimit:";

    /// <summary>Longest a request waits for Redis to spend from a bucket (then: this process's own bucket).</summary>
    public TimeSpan RedisOperationTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>After a Redis failure, how long requests use this process's buckets before one tries Redis again.</summary>
    public TimeSpan RedisRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>One issued API key.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Lowercase hex SHA-256 of the key's UTF-8 text (64 digits).</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>This key's bucket (points per <see cref="RateLimitOptions.Window"/>); the anonymous size when not set.</summary>
    public int? PointsPerWindow { get; set; }
}
