using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Disclosure.Api.RateLimiting;

/// <summary>
/// A token bucket per client (its IP, or its API key), spent by the cost of each query before it runs. Answers
/// served from the output cache never reach it, so cached answers cost nothing.
/// </summary>
public sealed class CostRateLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _buckets = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.PointsPerWindow,
            TokensPerPeriod = options.Value.PointsPerWindow,
            ReplenishmentPeriod = options.Value.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public int Limit => options.Value.PointsPerWindow;

    public TimeSpan Window => options.Value.Window;

    /// <summary>The bucket a request spends from: its API key (hashed) when it sends one, else its IP address.</summary>
    public string ClientOf(HttpContext http) =>
        http.Request.Headers[options.Value.ApiKeyHeader].ToString() is { Length: > 0 } key
            ? "key:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))
            : "ip:" + (http.Connection.RemoteIpAddress ?? IPAddress.Loopback);

    /// <summary>Spends <paramref name="cost"/> points (at least 1); false with the time to wait when the bucket is short.</summary>
    public bool TrySpend(string client, int cost, out TimeSpan retryAfter)
    {
        using var lease = _buckets.AttemptAcquire(client, Math.Clamp(cost, 1, Limit));
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
        return lease.IsAcquired;
    }

    public long Remaining(string client) => _buckets.GetStatistics(client)?.CurrentAvailablePermits ?? Limit;

    public void Dispose() => _buckets.Dispose();
}
