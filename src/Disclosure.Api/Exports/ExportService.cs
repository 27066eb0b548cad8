using System.Runtime.CompilerServices;
using Disclosure.Api.Store;
using Disclosure.Store.Exports;

namespace Disclosure.Api.Exports;

/// <summary>
/// The served store's bulk files and history (configuration <c>Exports:Directory</c>, default <c>exports/</c> beside the
/// store file; <c>Exports:HistoryDirectory</c>, default <c>history/</c> beside it; <c>Exports:Keep</c>, default 10;
/// <c>Exports:RowGroupSize</c>, default 50,000 rows per Parquet row group, what the export's memory depends on).
/// A version built with its exports (<c>store build</c>) has them already; otherwise the first request that needs them
/// writes them, once: concurrent requests wait for the same writer, which runs to the end even if they go away.
/// One instance per served store (keyed by the <see cref="StoreState"/> singleton), so wiring it takes no service
/// registration.
/// </summary>
public sealed class ExportService
{
    private static readonly ConditionalWeakTable<StoreState, ExportService> Instances = [];
    private readonly StoreState _state;
    private readonly string _seedDirectory;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Task<ExportResult>> _writing = new(StringComparer.Ordinal);

    private ExportService(StoreState state, StoreLocation location, IConfiguration configuration, ILogger logger)
    {
        _state = state;
        _seedDirectory = location.SeedDirectory;
        _logger = logger;
        var beside = ExportSettings.BesideStore(location.StorePath);
        var section = configuration.GetSection("Exports");
        Settings = new ExportSettings(
            section["Directory"] is { Length: > 0 } d ? Path.GetFullPath(d) : beside.Directory,
            section["HistoryDirectory"] is { Length: > 0 } h ? Path.GetFullPath(h) : beside.HistoryDirectory)
        {
            Keep = section.GetValue("Keep", ExportSettings.DefaultKeep),
            RowGroupSize = section.GetValue("RowGroupSize", ExportSettings.DefaultRowGroupSize),
        };
        if (Settings.Keep < 1)
        {
            throw new InvalidOperationException("Exports:Keep must be at least 1.");
        }
        if (Settings.RowGroupSize < 1)
        {
            throw new InvalidOperationException("Exports:RowGroupSize must be at least 1.");
        }
    }

    public ExportSettings Settings { get; }

    public static ExportService Of(IServiceProvider services) =>
        Instances.GetValue(services.GetRequiredService<StoreState>(), state => new ExportService(state,
            services.GetRequiredService<StoreLocation>(), services.GetRequiredService<IConfiguration>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Disclosure.Exports")));

    /// <summary>The version served now.</summary>
    public string CurrentVersion => _state.Dataset?.Version ?? throw new InvalidOperationException("The store has not been ensured yet.");

    /// <summary>The served version's exports, written now if they are not there yet.</summary>
    public Task<ExportResult> EnsureCurrentAsync(CancellationToken cancellationToken)
    {
        var version = CurrentVersion;
        Task<ExportResult> task;
        lock (_lock)
        {
            if (!_writing.TryGetValue(version, out task!) || task.IsFaulted || task.IsCanceled)
            {
                _writing[version] = task = Task.Run(() => WriteAsync(version));
            }
        }
        return task.WaitAsync(cancellationToken);
    }

    private async Task<ExportResult> WriteAsync(string version)
    {
        await using var db = await _state.Contexts.CreateDbContextAsync();
        var result = await StoreExporter.EnsureAsync(db, Settings with { SeedCommit = SeedCommit.Find(_seedDirectory) }, TimeProvider.System, CancellationToken.None);
        if (result.Written)
        {
            _logger.LogInformation("Exported dataset {Version} to {Folder} in {Elapsed} ms", version, result.Folder, (long)result.Elapsed.TotalMilliseconds);
        }
        return result;
    }

    /// <summary>The folder of a version's exports, or null when it has none (unknown, or removed by retention).</summary>
    public string? FolderOf(string digest)
    {
        var folder = Path.Combine(Path.GetFullPath(Settings.Directory), digest);
        return File.Exists(Path.Combine(folder, StoreExporter.ManifestFile)) ? folder : null;
    }

    /// <summary>Every version the history knows, oldest first.</summary>
    public IReadOnlyList<VersionEntry> Versions() => ExportHistory.ReadVersions(Settings.HistoryDirectory);

    /// <summary>A change file of the history (a path <see cref="VersionEntry.ChangesFile"/> names), or null when it is missing.</summary>
    public string? ChangesPath(VersionEntry entry)
    {
        var path = Path.GetFullPath(Path.Combine(Settings.HistoryDirectory, entry.ChangesFile));
        return path.StartsWith(Path.GetFullPath(Settings.HistoryDirectory) + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path) ? path : null;
    }
}
