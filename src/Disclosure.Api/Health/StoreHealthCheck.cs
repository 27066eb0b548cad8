using Disclosure.Api.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Disclosure.Api.Health;

/// <summary>
/// Ready when the store is open and its dataset version is known. The check reads the store's current dataset; when
/// it is newer than the served one (rebuilt under the running API and not yet noticed by the watcher or poller), the
/// API switches to it here, so readiness always reports the dataset the store holds. When the store cannot be read
/// (file deleted or damaged, PostgreSQL down: <see cref="StoreState.Outage"/>) it is Unhealthy (503) and says since
/// when and why; the first read that succeeds again makes it Healthy. While the API shuts down
/// (<see cref="ShutdownDrain"/>) it is Unhealthy, so a load balancer stops sending requests before the listener closes.
/// </summary>
public sealed class StoreHealthCheck(StoreState state, ShutdownDrain drain) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (drain.Draining)
        {
            return HealthCheckResult.Unhealthy("The API is shutting down: requests in flight finish, new ones should go to another replica.");
        }
        if (state.Dataset is null)
        {
            return HealthCheckResult.Unhealthy("The store has not been opened yet.");
        }
        await state.RefreshAsync(cancellationToken);
        var served = state.Dataset;
        var data = new Dictionary<string, object> { ["datasetVersion"] = served.Version, ["builtAt"] = served.BuiltAt };
        if (state.Outage is { } outage)
        {
            data["since"] = outage.Since;
            data["reason"] = outage.Reason;
            return HealthCheckResult.Unhealthy(
                $"The store is unavailable since {outage.Since.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}: {outage.Reason}. Requests are answered 503 with Retry-After.", data: data);
        }
        return HealthCheckResult.Healthy($"Serving dataset {served.Version}.", data);
    }
}
