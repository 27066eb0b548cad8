using System.Diagnostics;

namespace Disclosure.Benchmarks;

/// <summary>
/// Samples the process every 50 ms while it runs: the largest working set and the largest managed heap seen
/// (<see cref="GC.GetTotalMemory(bool)"/>, live objects plus garbage not yet collected, and the heap size after the last GC).
/// What a verb reports as its memory, beside the operating system's peak working set.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Process _process = Process.GetCurrentProcess();
    private readonly Timer _timer;
    private readonly Lock _lock = new();

    public MemorySampler() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));

    /// <summary>The largest managed heap seen (allocated bytes not yet collected included).</summary>
    public long PeakManagedBytes { get; private set; }

    /// <summary>The largest heap size right after a collection: what was live, the figure that shows retention.</summary>
    public long PeakAfterGcBytes { get; private set; }

    /// <summary>The operating system's peak working set of the process.</summary>
    public long PeakWorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.PeakWorkingSet64;
        }
    }

    public void Sample()
    {
        lock (_lock)
        {
            PeakManagedBytes = Math.Max(PeakManagedBytes, GC.GetTotalMemory(forceFullCollection: false));
            PeakAfterGcBytes = Math.Max(PeakAfterGcBytes, GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes);
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        Sample();
        _process.Dispose();
    }
}
