using Disclosure.Api.Store;
using Disclosure.Store.Building;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Disclosure.Api.Health;

/// <summary>Ready when the store is open and its dataset version is known: the served version is the store file's.</summary>
public sealed class StoreHealthCheck(StoreState state, StoreLocation location) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (state.Dataset is not { } served)
        {
            return HealthCheckResult.Unhealthy("The store has not been opened yet.");
        }
        var onDisk = await StoreBuilder.ReadInfoAsync(location.StorePath, cancellationToken);
        var data = new Dictionary<string, object> { ["datasetVersion"] = served.Version, ["builtAt"] = served.BuiltAt };
        return onDisk is null
            ? HealthCheckResult.Unhealthy("The store file cannot be read.", data: data)
            : HealthCheckResult.Healthy($"Serving dataset {served.Version}.", data);
    }
}
