namespace Disclosure.Tests.Infrastructure;

/// <summary>A clock the test moves (timers stay real: an operation timeout is real time).</summary>
public sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public void Advance(TimeSpan by) => Now += by;

    public override DateTimeOffset GetUtcNow() => Now;
}
