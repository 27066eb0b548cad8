namespace Disclosure.Tests.Infrastructure;

/// <summary>
/// A clock the test moves: wall time and timestamps advance together, only when told (timers stay real, so an
/// operation timeout is still real time). Tests that measure time against it never depend on how fast the machine is.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private long _ticks;

    public DateTimeOffset Start { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Now => Start + TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => Now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);
}
