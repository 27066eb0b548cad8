namespace Disclosure.Api.Caching;

/// <summary>HTTP and server-side caching of GraphQL answers (configuration section <c>Caching</c>).</summary>
public sealed class CachingOptions
{
    /// <summary>
    /// The longest an answer may be cached (seconds): the <c>max-age</c> of GET answers and the lifetime of server-side
    /// entries. Fields with a shorter <see cref="CacheHints">cache hint</see> lower it for the answers that select them.
    /// </summary>
    public int MaxAgeSeconds { get; set; } = 300;

    /// <summary>Whether the API keeps answers in its own output cache (GET and POST). Headers are sent either way.</summary>
    public bool ServerCacheEnabled { get; set; } = true;

    /// <summary>The most memory (bytes of bodies and headers) the output cache may hold; older entries are evicted.</summary>
    public long ServerCacheSizeLimitBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Answers larger than this (bytes, after compression) are not kept by the output cache.</summary>
    public long ServerCacheMaximumBodyBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>How many automatic persisted queries (Apollo APQ) registered by clients are remembered (LRU).</summary>
    public int AutomaticPersistedQueries { get; set; } = 1_000;

    /// <summary>The longest query (characters) remembered as an automatic persisted query; longer ones still run.</summary>
    public int AutomaticPersistedQueryMaxLength { get; set; } = 16 * 1024;
}
