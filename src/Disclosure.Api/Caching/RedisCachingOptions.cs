namespace Disclosure.Api.Caching;

/// <summary>
/// The shared output cache in Redis, for several API replicas (configuration section <c>Caching:Redis</c>; the server
/// itself is <c>ConnectionStrings:Redis</c>). Without a Redis connection string each process keeps its own in-memory cache.
/// </summary>
public sealed class RedisCachingOptions
{
    /// <summary>
    /// The StackExchange.Redis configuration string (<c>ConnectionStrings:Redis</c>, e.g. <c>redis:6379</c> or
    /// <c>redis:6379,password=…,ssl=true</c>). Empty: no Redis, the in-memory output cache.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The prefix of every key the API writes to Redis, so several deployments (or tests) can share one server.
    /// Replicas that should share answers use the same prefix.
    /// </summary>
    public string InstanceName { get; set; } = "disclosure:";

    /// <summary>
    /// The longest a request waits for one Redis operation; a slower or failed operation counts as a miss (reads) or is
    /// dropped (writes), and the answer is served uncached.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// After a Redis failure, how long requests skip Redis altogether (served uncached, at no Redis cost) before one
    /// request tries it again. Readiness probes try it on every probe.
    /// </summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(30);
}
