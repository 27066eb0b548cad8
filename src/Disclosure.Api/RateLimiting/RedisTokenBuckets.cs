using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Disclosure.Api.RateLimiting;

/// <summary>
/// The token buckets in Redis (when <c>ConnectionStrings:Redis</c> is set), shared by every replica: one Lua script per
/// request reads the bucket, refills it for the time since its last use (by Redis's clock, so replicas' clocks do not
/// matter), spends or refuses, and writes it back, atomically. A bucket's key expires when it would be full again.
/// While Redis is down or slower than <see cref="RateLimitOptions.RedisOperationTimeout"/>, <see cref="TrySpendAsync"/>
/// answers null and the caller spends from this process's own bucket; after a failure, Redis is left alone for
/// <see cref="RateLimitOptions.RedisRetryAfter"/>, as the output cache does.
/// </summary>
public sealed class RedisTokenBuckets(string configuration, IOptions<RateLimitOptions> options, TimeProvider clock, ILogger<RedisTokenBuckets> logger) : IAsyncDisposable
{
    // KEYS[1] the bucket; ARGV: limit, window (ms), cost. Returns { allowed (0/1), tokens left (text: keeps the fraction) }.
    private const string Script = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local limit = tonumber(ARGV[1])
        local rate = limit / tonumber(ARGV[2])
        local cost = tonumber(ARGV[3])
        local s = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(s[1])
        local at = tonumber(s[2])
        if tokens == nil or at == nil then
          tokens = limit
          at = now
        end
        tokens = math.min(limit, tokens + math.max(0, now - at) * rate)
        local allowed = 0
        if tokens >= cost then
          tokens = tokens - cost
          allowed = 1
        end
        redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'at', now)
        redis.call('PEXPIRE', KEYS[1], math.ceil((limit - tokens) / rate) + 1000)
        return { allowed, string.format('%.6f', tokens) }
        """;

    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _connection;
    private long _downUntil;
    private bool _down;

    /// <summary>The bucket's state after the spend, or null when Redis cannot answer now (spend locally instead).</summary>
    public async ValueTask<BucketState?> TrySpendAsync(RateClient client, int cost, TimeSpan window, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (Volatile.Read(ref _down) && clock.GetTimestamp() < Interlocked.Read(ref _downUntil))
        {
            return null;
        }
        try
        {
            var connection = await ConnectAsync(settings.RedisOperationTimeout, cancellationToken);
            var result = (RedisResult[])(await connection.GetDatabase()
                .ScriptEvaluateAsync(Script, [settings.RedisPrefix + client.Bucket],
                    [client.Limit, (long)window.TotalMilliseconds, cost])
                .WaitAsync(settings.RedisOperationTimeout, cancellationToken))!;
            var tokens = double.Parse((string)result[1]!, CultureInfo.InvariantCulture);
            if (Volatile.Read(ref _down))
            {
                Volatile.Write(ref _down, false);
                logger.LogInformation("Redis answers again: the rate-limit buckets are shared again.");
            }
            return CostRateLimiter.State((int)result[0] == 1, tokens, cost, client.Limit, client.Limit / window.TotalMilliseconds);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException or InvalidCastException or FormatException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Interlocked.Exchange(ref _downUntil, clock.GetTimestamp() + (long)(settings.RedisRetryAfter.TotalSeconds * clock.TimestampFrequency));
            if (!Volatile.Read(ref _down))
            {
                Volatile.Write(ref _down, true);
                logger.LogWarning(e, "Redis did not answer a rate-limit spend: each process uses its own buckets; Redis is tried again in {Seconds} s.", settings.RedisRetryAfter.TotalSeconds);
            }
            return null;
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_connection is { } ready)
        {
            return ready;
        }
        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (_connection is null)
            {
                var config = ConfigurationOptions.Parse(configuration);
                config.AbortOnConnectFail = false;
                config.ConnectTimeout = (int)Math.Max(100, timeout.TotalMilliseconds);
                _connection = await ConnectionMultiplexer.ConnectAsync(config).WaitAsync(timeout, cancellationToken);
            }
            return _connection;
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            await connection.DisposeAsync();
        }
        _connecting.Dispose();
    }
}
