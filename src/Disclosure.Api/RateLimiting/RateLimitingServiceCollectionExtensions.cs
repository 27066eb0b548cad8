using Microsoft.Extensions.Options;

namespace Disclosure.Api.RateLimiting;

public static class RateLimitingServiceCollectionExtensions
{
    /// <summary>
    /// The cost-weighted token buckets (section <c>RateLimit</c>), in Redis when <c>ConnectionStrings:Redis</c> is set
    /// (shared by the replicas, with this process's own buckets while Redis is down), else in this process.
    /// </summary>
    public static IServiceCollection AddDisclosureRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>()
            .BindConfiguration("RateLimit")
            .Validate(o => o.PointsPerWindow > 0 && o.Window > TimeSpan.Zero, "RateLimit:PointsPerWindow and RateLimit:Window must be positive.")
            .Validate(o => o.Keys.Values.All(k => IsSha256(k.Sha256) && k.PointsPerWindow is null or > 0),
                "Every RateLimit:Keys:<name> needs Sha256 = the lowercase hex SHA-256 of the key (64 digits; `dotnet run --project src/Disclosure.Api -- hash-key` prints it) and, if set, a positive PointsPerWindow.")
            .Validate(o => o.Keys.Values.Select(k => k.Sha256).Distinct(StringComparer.Ordinal).Count() == o.Keys.Count, "Two RateLimit:Keys have the same Sha256.")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        if (configuration.GetConnectionString("Redis") is { Length: > 0 } redis && !string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton(sp => new RedisTokenBuckets(redis, sp.GetRequiredService<IOptions<RateLimitOptions>>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RedisTokenBuckets>>()));
        }
        services.AddSingleton(sp => new CostRateLimiter(sp.GetRequiredService<IOptions<RateLimitOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetService<RedisTokenBuckets>()));
        return services;
    }

    /// <summary>Refuses keys that were not issued and sends the rate-limit headers on <paramref name="path"/>. Call before the output cache.</summary>
    public static WebApplication UseDisclosureRateLimits(this WebApplication app, string path)
    {
        app.UseMiddleware<RateLimitMiddleware>(new PathString(path));
        return app;
    }

    private static bool IsSha256(string? hex) => hex is { Length: 64 } && hex.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
