using Disclosure.Api.Caching;
using Disclosure.Tests.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging.Abstractions;

namespace Disclosure.Tests.Caching;

/// <summary>
/// The store in front of Redis, against a scripted Redis: errors and slow operations are misses or skipped writes, never
/// exceptions; after one, Redis is left alone for the back-off, then one operation tries it again.
/// </summary>
public sealed class ResilientOutputCacheStoreTests : IDisposable
{
    private static readonly RedisCachingOptions Options = new()
    {
        OperationTimeout = TimeSpan.FromMilliseconds(200),
        RetryAfter = TimeSpan.FromSeconds(30),
    };

    private readonly ScriptedStore _redis = new();
    private readonly ManualClock _clock = new();
    private readonly ResilientOutputCacheStore _store;

    public ResilientOutputCacheStoreTests() =>
        _store = new ResilientOutputCacheStore(_redis, Options, _clock, NullLogger<ResilientOutputCacheStore>.Instance);

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Reads_and_writes_go_to_Redis_while_it_answers()
    {
        await _store.SetAsync("k", [1, 2, 3], null, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal([1, 2, 3], await _store.GetAsync("k", CancellationToken.None));
        Assert.Null(await _store.GetAsync("other", CancellationToken.None));
        Assert.Equal(3, _redis.Calls);
        Assert.Null(_store.CurrentOutage);
    }

    [Fact]
    public async Task A_failed_read_is_a_miss_and_Redis_is_left_alone_until_the_back_off_ends()
    {
        _redis.Failure = new InvalidOperationException("connection refused");

        Assert.Null(await _store.GetAsync("k", CancellationToken.None));
        Assert.Equal(1, _redis.Calls);
        var outage = _store.CurrentOutage;
        Assert.NotNull(outage);
        Assert.Contains("connection refused", outage.Reason);
        Assert.Equal(_clock.Now + Options.RetryAfter, outage.RetryAt);

        // During the back-off: misses and skipped writes, at no Redis cost.
        _clock.Advance(Options.RetryAfter - TimeSpan.FromSeconds(1));
        Assert.Null(await _store.GetAsync("k", CancellationToken.None));
        await _store.SetAsync("k", [1], null, TimeSpan.FromMinutes(1), CancellationToken.None);
        await _store.EvictByTagAsync("t", CancellationToken.None);
        Assert.Equal(1, _redis.Calls);

        // After it: one try, which fails again and starts a new back-off.
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await _store.GetAsync("k", CancellationToken.None));
        Assert.Null(await _store.GetAsync("k", CancellationToken.None));
        Assert.Equal(2, _redis.Calls);
        Assert.Equal(outage.Since, _store.CurrentOutage!.Since);
    }

    [Fact]
    public async Task A_failed_write_is_skipped_without_an_error()
    {
        _redis.Failure = new IOException("broken pipe");
        await _store.SetAsync("k", [1], ["tag"], TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal(1, _redis.Calls);
        Assert.Contains("write", _store.CurrentOutage!.Reason);
    }

    [Fact]
    public async Task A_Redis_that_does_not_answer_costs_one_timeout_then_nothing()
    {
        _redis.Hang = true;
        Assert.Null(await _store.GetAsync("k", CancellationToken.None));
        Assert.Contains("longer than 200 ms", _store.CurrentOutage!.Reason);
        Assert.Null(await _store.GetAsync("k", CancellationToken.None));
        Assert.Equal(1, _redis.Calls);
    }

    [Fact]
    public async Task After_the_back_off_a_successful_try_ends_the_outage()
    {
        _redis.Failure = new InvalidOperationException("down");
        await _store.GetAsync("k", CancellationToken.None);
        _redis.Failure = null;
        await _redis.SetAsync("k", [7], null, TimeSpan.FromMinutes(1), CancellationToken.None);
        var calls = _redis.Calls;

        _clock.Advance(Options.RetryAfter);
        Assert.Equal([7], await _store.GetAsync("k", CancellationToken.None));
        Assert.Null(_store.CurrentOutage);
        Assert.Equal([7], await _store.GetAsync("k", CancellationToken.None));
        Assert.Equal(calls + 2, _redis.Calls);
    }

    [Fact]
    public async Task The_readiness_probe_tries_Redis_during_the_back_off()
    {
        _redis.Failure = new InvalidOperationException("down");
        await _store.GetAsync("k", CancellationToken.None);
        Assert.False(await _store.ProbeAsync(CancellationToken.None));
        Assert.Equal(2, _redis.Calls);

        _redis.Failure = null;
        Assert.True(await _store.ProbeAsync(CancellationToken.None));
        Assert.Null(_store.CurrentOutage);
        await _store.GetAsync("k", CancellationToken.None); // no back-off any more
        Assert.Equal(4, _redis.Calls);
    }

    [Fact]
    public async Task A_request_cancelled_by_its_client_is_not_an_outage()
    {
        _redis.Hang = true;
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await _store.GetAsync("k", cancelled.Token));
        Assert.Null(_store.CurrentOutage);
    }

    /// <summary>A Redis that answers from a dictionary, fails with <see cref="Failure"/>, or never answers.</summary>
    private sealed class ScriptedStore : IOutputCacheStore
    {
        private readonly Dictionary<string, byte[]> _entries = [];
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Exception? Failure { get; set; }

        public bool Hang { get; set; }

        public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
        {
            await Call();
            lock (_entries)
            {
                return _entries.GetValueOrDefault(key);
            }
        }

        public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            await Call();
            lock (_entries)
            {
                _entries[key] = value;
            }
        }

        public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => await Call();

        private async Task Call()
        {
            Interlocked.Increment(ref _calls);
            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, CancellationToken.None); // a Redis that never answers, whatever the caller says
            }
            if (Failure is not null)
            {
                throw Failure;
            }
        }
    }
}
