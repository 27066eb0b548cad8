using Disclosure.Api.Caching;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Disclosure.Api.Health;

/// <summary>
/// Registered only when the output cache lives in Redis. Healthy when Redis answers a read now; Degraded (not
/// Unhealthy: answers are still served, uncached) when it does not, saying since when and why.
/// </summary>
public sealed class RedisOutputCacheHealthCheck(ResilientOutputCacheStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (await store.ProbeAsync(cancellationToken))
        {
            return HealthCheckResult.Healthy("The shared output cache (Redis) answers.");
        }
        var outage = store.CurrentOutage;
        var data = new Dictionary<string, object>();
        if (outage is not null)
        {
            data["since"] = outage.Since;
            data["reason"] = outage.Reason;
        }
        return HealthCheckResult.Degraded(
            $"The shared output cache (Redis) is unreachable{(outage is null ? "" : $" since {outage.Since.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} ({outage.Reason})")}. " +
            $"Answers are served uncached; requests try Redis again every {store.Options.RetryAfter.TotalSeconds:0} s.",
            data: data);
    }
}
