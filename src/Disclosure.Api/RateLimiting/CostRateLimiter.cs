using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Disclosure.Api.RateLimiting;

/// <summary>
/// A token bucket per client, spent by the cost of each query before it runs, refilling continuously: a bucket of N
/// points per window gets N/window points back every instant, so a client that is short waits only until the points
/// its query costs are back (<see cref="BucketState.RetryAfter"/>), never for a whole window. A client is an issued API
/// key (<see cref="RateLimitOptions.Keys"/>, its own bucket size) or, without a key, its IP address; an unknown key is no
/// client at all (the middleware answers 401). Answers served from the output cache never reach the limiter, so cached
/// answers cost nothing. With Redis (<see cref="RedisTokenBuckets"/>) every replica spends from the same buckets.
/// </summary>
public sealed class CostRateLimiter(IOptions<RateLimitOptions> options, TimeProvider clock, RedisTokenBuckets? redis = null)
{
    // Above this many buckets, those that are full again are forgotten (a full bucket is what a new one is).
    private const int SweepAbove = 100_000;

    private readonly ConcurrentDictionary<string, LocalBucket> _buckets = new(StringComparer.Ordinal);

    private readonly Lazy<Dictionary<string, (string Name, int Limit)>> _keys = new(() => options.Value.Keys
        .Where(k => !string.IsNullOrWhiteSpace(k.Value.Sha256))
        .ToDictionary(k => k.Value.Sha256.Trim().ToLowerInvariant(), k => (k.Key, k.Value.PointsPerWindow ?? options.Value.PointsPerWindow), StringComparer.Ordinal));

    public int Limit => options.Value.PointsPerWindow;

    public TimeSpan Window => options.Value.Window;

    /// <summary>The lowercase hex SHA-256 of a key's UTF-8 text: how issued keys are configured.</summary>
    public static string HashKey(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>
    /// The client a request spends as: its issued key when it sends one, else its IP address; null when it sends a key
    /// that was not issued.
    /// </summary>
    public RateClient? ClientOf(HttpContext http)
    {
        if (http.Items.TryGetValue(typeof(RateClient), out var known) && known is RateClient resolved)
        {
            return resolved;
        }
        var header = http.Request.Headers[options.Value.ApiKeyHeader];
        RateClient? client;
        if (header.Count == 0)
        {
            client = new RateClient("ip:" + (http.Connection.RemoteIpAddress ?? IPAddress.Loopback), "anonymous", Limit);
        }
        else if (header.Count == 1 && header[0] is { Length: > 0 } key && _keys.Value.TryGetValue(HashKey(key), out var issued))
        {
            client = new RateClient("key:" + issued.Name, "key:" + issued.Name, issued.Limit);
        }
        else
        {
            client = null;
        }
        http.Items[typeof(RateClient)] = client;
        return client;
    }

    /// <summary>Spends <paramref name="cost"/> points (at least 1, at most the bucket) or, when the bucket is short, nothing.</summary>
    public async ValueTask<BucketState> TrySpendAsync(RateClient client, int cost, CancellationToken cancellationToken)
    {
        cost = Math.Clamp(cost, 1, Math.Max(1, client.Limit));
        if (redis is not null && await redis.TrySpendAsync(client, cost, Window, cancellationToken) is { } shared)
        {
            return shared;
        }
        return SpendLocally(client, cost);
    }

    private BucketState SpendLocally(RateClient client, int cost)
    {
        var now = clock.GetTimestamp();
        if (_buckets.Count > SweepAbove)
        {
            Sweep(now);
        }
        var bucket = _buckets.GetOrAdd(client.Bucket, _ => new LocalBucket(client.Limit, now));
        lock (bucket)
        {
            var rate = client.Limit / Window.TotalMilliseconds; // points per millisecond
            var tokens = Math.Min(client.Limit, bucket.Tokens + clock.GetElapsedTime(bucket.At, now).TotalMilliseconds * rate);
            var allowed = tokens >= cost;
            if (allowed)
            {
                tokens -= cost;
            }
            bucket.Tokens = tokens;
            bucket.At = now;
            return State(allowed, tokens, cost, client.Limit, rate);
        }
    }

    /// <summary>The state a bucket of <paramref name="limit"/> is in, holding <paramref name="tokens"/> after a spend of <paramref name="cost"/> or its refusal.</summary>
    internal static BucketState State(bool allowed, double tokens, int cost, int limit, double ratePerMs) => new(
        allowed,
        (long)Math.Floor(tokens),
        allowed ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Ceiling((cost - tokens) / ratePerMs)),
        TimeSpan.FromMilliseconds(Math.Ceiling((limit - tokens) / ratePerMs)));

    private void Sweep(long now)
    {
        foreach (var (key, bucket) in _buckets)
        {
            lock (bucket)
            {
                if (bucket.Tokens + clock.GetElapsedTime(bucket.At, now).TotalMilliseconds * (bucket.Limit / Window.TotalMilliseconds) >= bucket.Limit)
                {
                    _buckets.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed class LocalBucket(int limit, long at)
    {
        public int Limit { get; } = limit;

        public double Tokens { get; set; } = limit;

        public long At { get; set; } = at;
    }
}
