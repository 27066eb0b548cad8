namespace Disclosure.Api.Health;

/// <summary>How the API shuts down (configuration section <c>Shutdown</c>).</summary>
public sealed class ShutdownOptions
{
    /// <summary>
    /// <c>Shutdown:DrainDelay</c>: after SIGTERM, how long readiness answers 503 while requests are still served, so a
    /// load balancer takes the replica out of rotation before its listener closes. Then in-flight requests finish
    /// (at most <c>Shutdown:Timeout</c>) and the process exits.
    /// </summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary><c>Shutdown:Timeout</c>: how long in-flight requests may take to finish after the drain delay.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// The first step of a graceful shutdown: on SIGTERM (or Ctrl+C) readiness turns 503 at once (<see cref="Draining"/>),
/// the API keeps serving for <see cref="ShutdownOptions.DrainDelay"/>, then Kestrel stops accepting connections and
/// waits for in-flight requests (bounded by <see cref="ShutdownOptions.Timeout"/>, the host's shutdown timeout).
/// </summary>
public sealed class ShutdownDrain(Microsoft.Extensions.Options.IOptions<ShutdownOptions> options, ILogger<ShutdownDrain> logger) : IHostedLifecycleService
{
    private volatile bool _draining;

    public bool Draining => _draining;

    // Runs before any hosted service (Kestrel included) stops.
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        var delay = options.Value.DrainDelay;
        logger.LogInformation("Shutting down: readiness answers 503; serving for {Delay} s more, then finishing requests in flight", delay.TotalSeconds);
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The host's shutdown timeout ran out: stop now.
            }
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
