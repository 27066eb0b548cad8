using Disclosure.Api.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Disclosure.Api.Health;

/// <summary>
/// Ready when the store is open and its dataset version is known. The check reads the store's current dataset; when
/// it is newer than the served one (rebuilt under the running API and not yet noticed by the watcher or poller), the
/// API switches to it here, so readiness always reports the dataset the store holds.
/// </summary>
public sealed class StoreHealthCheck(StoreState state, StoreBackend backend) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (state.Dataset is null)
        {
            return HealthCheckResult.Unhealthy("The store has not been opened yet.");
        }
        var current = await backend.ReadCurrentAsync(cancellationToken);
        if (current is not null && current.Dataset.Version != state.Dataset.Version)
        {
            await state.RefreshAsync(cancellationToken);
        }
        var served = state.Dataset;
        var data = new Dictionary<string, object> { ["datasetVersion"] = served.Version, ["builtAt"] = served.BuiltAt };
        return current is null
            ? HealthCheckResult.Unhealthy("The store cannot be read.", data: data)
            : HealthCheckResult.Healthy($"Serving dataset {served.Version}.", data);
    }
}
