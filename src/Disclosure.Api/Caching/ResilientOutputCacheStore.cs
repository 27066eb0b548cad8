using Microsoft.AspNetCore.OutputCaching;

namespace Disclosure.Api.Caching;

/// <summary>
/// The output cache store in front of Redis: a Redis error or an operation slower than
/// <see cref="RedisCachingOptions.OperationTimeout"/> is logged and treated as a miss (reads) or a skipped write, so an
/// answer is always served, uncached at worst. After a failure, requests skip Redis for
/// <see cref="RedisCachingOptions.RetryAfter"/>, then a single request tries it again: a dead Redis costs one timeout per
/// back-off period, not one per request. <see cref="ProbeAsync"/> (readiness) tries Redis whatever the back-off.
/// </summary>
/// <remarks>
/// Only the byte-array <see cref="IOutputCacheStore"/> is offered (not <c>IOutputCacheBufferStore</c>): an operation
/// abandoned at the timeout keeps running, and it must only ever touch buffers it owns, never the middleware's pooled ones.
/// </remarks>
public sealed partial class ResilientOutputCacheStore(
    IOutputCacheStore inner,
    RedisCachingOptions options,
    TimeProvider time,
    ILogger<ResilientOutputCacheStore> logger) : IOutputCacheStore, IDisposable
{
    private const string ProbeKey = "readiness-probe";

    private readonly Lock _gate = new();
    private Outage? _outage;
    private int _disposed;

    /// <summary>Why Redis is not used, since when, and when a request tries it again.</summary>
    public sealed record Outage(DateTimeOffset Since, string Reason, DateTimeOffset RetryAt);

    /// <summary>The current outage, or null when the last Redis operation succeeded (or none has run yet).</summary>
    public Outage? CurrentOutage
    {
        get
        {
            lock (_gate)
            {
                return _outage;
            }
        }
    }

    public RedisCachingOptions Options => options;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!TryEnter())
        {
            return null;
        }
        try
        {
            var value = await WithTimeout(inner.GetAsync(key, cancellationToken), cancellationToken);
            Recovered();
            return value;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Failed("read", e);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (!TryEnter())
        {
            return;
        }
        try
        {
            await WithTimeout(inner.SetAsync(key, value, tags, validFor, cancellationToken), cancellationToken);
            Recovered();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Failed("write", e);
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        if (!TryEnter())
        {
            return;
        }
        try
        {
            await WithTimeout(inner.EvictByTagAsync(tag, cancellationToken), cancellationToken);
            Recovered();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Failed("eviction", e);
        }
    }

    /// <summary>
    /// Reads a key from Redis now, back-off or not (bounded by the operation timeout), and records the outcome: true when
    /// Redis answered. Readiness calls this, so it notices an outage before any request does, and a recovery at once.
    /// </summary>
    public async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WithTimeout(inner.GetAsync(ProbeKey, cancellationToken), cancellationToken);
            Recovered();
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Failed("probe", e);
            return false;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            (inner as IDisposable)?.Dispose();
        }
    }

    /// <summary>Whether this operation may use Redis: always when there is no outage; once per back-off period otherwise.</summary>
    private bool TryEnter()
    {
        lock (_gate)
        {
            if (_outage is null)
            {
                return true;
            }
            var now = time.GetUtcNow();
            if (now < _outage.RetryAt)
            {
                return false;
            }
            // This operation is the retry; the others keep skipping Redis until it has failed or succeeded.
            _outage = _outage with { RetryAt = now + options.RetryAfter };
            return true;
        }
    }

    private void Recovered()
    {
        Outage? ended;
        lock (_gate)
        {
            ended = _outage;
            _outage = null;
        }
        if (ended is not null)
        {
            LogRecovered(logger, time.GetUtcNow() - ended.Since);
        }
    }

    private void Failed(string operation, Exception error)
    {
        var now = time.GetUtcNow();
        var reason = error is TimeoutException
            ? $"a Redis {operation} took longer than {options.OperationTimeout.TotalMilliseconds:0} ms"
            : $"a Redis {operation} failed: {error.GetType().Name}: {error.Message}";
        bool began;
        lock (_gate)
        {
            began = _outage is null;
            _outage = new Outage(_outage?.Since ?? now, reason, now + options.RetryAfter);
        }
        if (began)
        {
            LogOutage(logger, error, reason, options.RetryAfter.TotalSeconds);
        }
        else
        {
            LogStillDown(logger, reason);
        }
    }

    private async Task<T> WithTimeout<T>(ValueTask<T> operation, CancellationToken cancellationToken)
    {
        var task = operation.AsTask();
        Observe(task);
        return await task.WaitAsync(options.OperationTimeout, time, cancellationToken);
    }

    private async Task WithTimeout(ValueTask operation, CancellationToken cancellationToken)
    {
        var task = operation.AsTask();
        Observe(task);
        await task.WaitAsync(options.OperationTimeout, time, cancellationToken);
    }

    /// <summary>An operation abandoned at the timeout may fail later: its error is observed here, not left unobserved.</summary>
    private static void Observe(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Redis output cache is unavailable ({Reason}); answers are served uncached, and Redis is tried again in {RetryAfterSeconds} s.")]
    private static partial void LogOutage(ILogger logger, Exception error, string reason, double retryAfterSeconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The Redis output cache is still unavailable ({Reason}).")]
    private static partial void LogStillDown(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The Redis output cache is available again after {Outage}.")]
    private static partial void LogRecovered(ILogger logger, TimeSpan outage);
}
