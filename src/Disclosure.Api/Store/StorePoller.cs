using Microsoft.Extensions.Options;

namespace Disclosure.Api.Store;

/// <summary>
/// Picks up a PostgreSQL store rebuilt under the running API (by <c>store build</c> or another replica): every
/// <see cref="DatabaseOptions.PollInterval"/> it reads the current dataset version (one one-row query) and, when it
/// differs from the served one, calls <see cref="StoreState.RefreshAsync"/>. The schema the API served before stays
/// in the database until the next build, so queries already running on it finish. When PostgreSQL does not answer,
/// it records an outage (<see cref="StoreState.Outage"/>: readiness 503) and keeps asking; the first answer ends it.
/// </summary>
public sealed class StorePoller(StoreBackend backend, StoreState state, IOptions<DatabaseOptions> options, ILogger<StorePoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (backend is not PostgresStoreBackend postgres)
        {
            return; // SQLite: StoreWatcher watches the file
        }
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var served = state.Dataset?.Version;
                if (served is null)
                {
                    continue;
                }
                if (state.Outage is not null)
                {
                    await state.RefreshAsync(stoppingToken); // ends the outage when PostgreSQL answers again
                    continue;
                }
                if (await postgres.ReadCurrentVersionAsync(stoppingToken) is not { } current || current == served)
                {
                    continue;
                }
                if (await state.RefreshAsync(stoppingToken))
                {
                    logger.LogInformation("Store {Store} was rebuilt: serving dataset {Version} (was {Before})", backend.Description, state.Dataset!.Version, served);
                }
            }
            catch (Exception e) when (StoreFailure.Describe(e) is { } reason)
            {
                state.ReportFailure(reason, e);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not read the current dataset of {Store}", backend.Description);
            }
        }
    }
}
