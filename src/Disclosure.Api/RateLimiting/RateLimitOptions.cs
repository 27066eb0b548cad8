namespace Disclosure.Api.RateLimiting;

/// <summary>Per-client limits weighted by query cost (configuration section <c>RateLimit</c>).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Cost points (nodes) a client may spend per window: about 10,000 pages of 100 items an hour.</summary>
    public int PointsPerWindow { get; set; } = 1_000_000;

    /// <summary>The window over which the points refill.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A client that sends this header gets its own bucket (agencies that pull nightly), instead of its IP's.</summary>
    public string ApiKeyHeader { get; set; } = "X-Api-Key";
}
