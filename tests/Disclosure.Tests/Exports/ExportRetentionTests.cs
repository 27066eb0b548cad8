using Disclosure.Store.Exports;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Exports;

/// <summary>
/// The history and the bulk files across versions, on the suite's database: a store lost and rebuilt from scratch
/// keeps its history (it lives beside the store), and only the last <see cref="ExportSettings.Keep"/> versions'
/// exports stay on disk, as the current manifest says.
/// </summary>
public sealed class ExportRetentionTests : IDisposable
{
    private readonly List<TestStore> _stores = [];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "disclosure-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _stores.ForEach(s => s.Dispose());
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    [Fact]
    public async Task A_lost_store_rebuilt_from_scratch_keeps_its_history_and_only_the_last_versions_are_kept()
    {
        var settings = new ExportSettings(Path.Combine(_folder, "exports"), Path.Combine(_folder, "history")) { Keep = 2 };
        var seed = RepoPaths.CopySeedData(withImports: false);

        var v1 = await ExportNewStoreAsync(seed, settings);
        await File.AppendAllTextAsync(Path.Combine(seed, "README.md"), "\nEdited once.\n");
        // Every version is built into a new store: the old one is gone, as after a lost or corrupted store.
        var v2 = await ExportNewStoreAsync(seed, settings);
        await File.AppendAllTextAsync(Path.Combine(seed, "README.md"), "\nEdited twice.\n");
        var v3 = await ExportNewStoreAsync(seed, settings);

        var versions = ExportHistory.ReadVersions(settings.HistoryDirectory);
        Assert.Equal([v1.Version, v2.Version, v3.Version], versions.Select(v => v.Version));
        Assert.Equal([null, v1.Version, v2.Version], versions.Select(v => v.PreviousVersion));
        // Only a README changed: no fact was added, removed or changed between the versions.
        Assert.All(versions.Skip(1), v => Assert.Equal(new ChangeCounts(0, 0, 0, 0), v.Changes));
        Assert.True(versions[0].Changes.Added > 0); // the first version is all "added"

        Assert.False(Directory.Exists(StoreExporter.Folder(settings, v1.Version)));
        Assert.True(Directory.Exists(StoreExporter.Folder(settings, v2.Version)));
        Assert.True(Directory.Exists(StoreExporter.Folder(settings, v3.Version)));
        Assert.Equal([v3.Version, v2.Version], v3.Retained);
    }

    private async Task<ExportManifest> ExportNewStoreAsync(string seed, ExportSettings settings)
    {
        var store = new TestStore();
        _stores.Add(store);
        await store.BuildAsync(seed);
        await using var db = store.Open();
        var result = await StoreExporter.EnsureAsync(db, settings, TimeProvider.System, CancellationToken.None);
        Assert.True(result.Written);
        return result.Manifest;
    }
}
