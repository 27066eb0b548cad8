using System.IO.Compression;
using Disclosure.Api.Http;
using Disclosure.Api.Playground;
using Disclosure.Api.Store;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace Disclosure.Api.Caching;

public static class CachingServiceCollectionExtensions
{
    /// <summary>Output caching, response compression, persisted documents and the caching headers.</summary>
    public static IServiceCollection AddDisclosureCaching(this IServiceCollection services)
    {
        services.AddOptions<CachingOptions>().BindConfiguration("Caching");
        services.AddOutputCache();
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
        return services;
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
    public static TBuilder CacheGraphQLOutput<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.CacheOutput(GraphQLOutputCachePolicy.Instance);
}
