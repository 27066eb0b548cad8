using System.IO.Compression;
using Disclosure.Api.Health;
using Disclosure.Api.Http;
using Disclosure.Api.Playground;
using Disclosure.Api.Store;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Disclosure.Api.Caching;

public static class CachingServiceCollectionExtensions
{
    /// <summary>
    /// Output caching (in memory, or in Redis when <c>ConnectionStrings:Redis</c> is set), response compression,
    /// persisted documents and the caching headers.
    /// </summary>
    public static IServiceCollection AddDisclosureCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CachingOptions>().BindConfiguration("Caching");
        services.AddOutputCache();
        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis")))
        {
            services.AddRedisOutputCacheStore();
        }
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<CachingOptions>>((cache, caching) =>
        {
            cache.SizeLimit = caching.Value.ServerCacheSizeLimitBytes;
            cache.MaximumBodySize = caching.Value.ServerCacheMaximumBodyBytes;
            cache.DefaultExpirationTimeSpan = TimeSpan.FromSeconds(Math.Max(1, caching.Value.MaxAgeSeconds));
        });
        services.AddResponseCompression(o =>
        {
            // Public, read-only data with no secrets or cookies: compressing over HTTPS has no BREACH-style exposure.
            o.EnableForHttps = true;
            o.MimeTypes = [MediaTypes.Json, MediaTypes.GraphQLResponse];
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddSingleton(sp => new PersistedDocuments(
            PlaygroundExamples.Load(PlaygroundExamples.DirectoryFor(sp.GetRequiredService<StoreLocation>())),
            sp.GetRequiredService<IOptions<CachingOptions>>()));
        services.AddSingleton<HttpCacheHeaders>();
        services.AddSingleton<GraphQLOutputCachePolicy>();
        return services;
    }

    /// <summary>
    /// The output cache store in Redis (shared by every replica using the same <see cref="RedisCachingOptions.InstanceName"/>),
    /// behind <see cref="ResilientOutputCacheStore"/> so a Redis outage costs cache hits, never answers; and a readiness
    /// check that reports the outage (Degraded).
    /// </summary>
    private static void AddRedisOutputCacheStore(this IServiceCollection services)
    {
        services.AddOptions<RedisCachingOptions>()
            .BindConfiguration("Caching:Redis")
            .Configure<IConfiguration>((redis, configuration) => redis.ConnectionString = configuration.GetConnectionString("Redis"))
            .Validate(redis => ParseError(redis.ConnectionString) is null, "ConnectionStrings:Redis is not a valid StackExchange.Redis configuration string (e.g. `redis:6379` or `host:6380,password=…,ssl=true`).")
            .Validate(redis => redis.OperationTimeout > TimeSpan.Zero, "Caching:Redis:OperationTimeout must be positive.")
            .Validate(redis => redis.RetryAfter > TimeSpan.Zero, "Caching:Redis:RetryAfter must be positive.")
            .ValidateOnStart();
        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddOptions<RedisOutputCacheOptions>().Configure<IOptions<RedisCachingOptions>>((store, redis) =>
        {
            store.Configuration = redis.Value.ConnectionString;
            store.InstanceName = redis.Value.InstanceName;
        });
        // The package registers its (internal) store type; build that one inside ours, and make ours the only store.
        var redisStore = services.Last(d => d.ServiceType == typeof(IOutputCacheStore)).ImplementationType
            ?? throw new InvalidOperationException("The Redis output cache package no longer registers its store by type.");
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton(sp => new ResilientOutputCacheStore(
            (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, redisStore),
            sp.GetRequiredService<IOptions<RedisCachingOptions>>().Value,
            TimeProvider.System,
            sp.GetRequiredService<ILogger<ResilientOutputCacheStore>>()));
        services.AddSingleton<IOutputCacheStore>(sp => sp.GetRequiredService<ResilientOutputCacheStore>());
        services.AddHealthChecks().AddCheck<RedisOutputCacheHealthCheck>("outputCache", tags: [HealthEndpoints.Ready]);
    }

    private static string? ParseError(string? configuration)
    {
        try
        {
            return StackExchange.Redis.ConfigurationOptions.Parse(configuration!).EndPoints.Count == 0 ? "no endpoint" : null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// The output cache, then compression inside it (so compressed answers are stored compressed and a hit costs no
    /// compression). Call after the playground middleware (its page is never cached) and before mapping the endpoint.
    /// </summary>
    public static WebApplication UseDisclosureCaching(this WebApplication app)
    {
        app.UseOutputCache();
        app.UseResponseCompression();
        return app;
    }

    /// <summary>Caches the GraphQL endpoint's answers by <see cref="GraphQLOutputCachePolicy"/>.</summary>
    public static TBuilder CacheGraphQLOutput<TBuilder>(this TBuilder builder, IServiceProvider services) where TBuilder : IEndpointConventionBuilder =>
        builder.CacheOutput(services.GetRequiredService<GraphQLOutputCachePolicy>());
}
