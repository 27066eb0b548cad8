using Disclosure.Store.Importing;
using Disclosure.Tests.Infrastructure;

namespace Disclosure.Tests.Importing;

public sealed class DatasetManifestsTests
{
    private static string Imports => Path.Combine(RepoPaths.SeedData, "imports");

    /// <summary>A copy of the (small) OpenClimate dataset folder in a temporary imports folder, to break on purpose.</summary>
    private static string CopyDataset(string id = "openclimate-lei-crosswalk", string? as_ = null)
    {
        var imports = Path.Combine(Path.GetTempPath(), "disclosure-tests", Guid.NewGuid().ToString("N"), "imports");
        var target = Path.Combine(imports, as_ ?? id);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Imports, id)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
        return target;
    }

    private static void EditManifest(string folder, Func<string, string> edit)
    {
        var path = Path.Combine(folder, "manifest.json");
        var text = File.ReadAllText(path);
        var edited = edit(text);
        Assert.NotEqual(text, edited);
        File.WriteAllText(path, edited);
    }

    [Fact]
    public void The_real_manifests_load_and_every_hash_matches()
    {
        var manifests = DatasetManifests.Load(Imports);

        Assert.Equal(
            ["carbon-gap-2021", "klimatkollen-2024-10", "net-zero-tracker-2022-12-20", "openclimate-lei-crosswalk"],
            manifests.Select(m => m.Id));
        var nzt = manifests.Single(m => m.Id == "net-zero-tracker-2022-12-20");
        Assert.Equal(new DateOnly(2022, 12, 20), nzt.SnapshotDate);
        Assert.StartsWith("Net Zero Tracker. Energy and Climate Intelligence Unit, Data-Driven EnviroLab, NewClimate Institute, Oxford Net Zero. 2022.", nzt.Attribution);
        Assert.Equal("bfff7f762ff5d8490e4968233b8a53fc55fae0f108e647f3881e8ee76b61bd41", nzt.Files.Single().Sha256);
        Assert.Equal(10, manifests.Sum(m => m.Files.Count));
    }

    [Fact]
    public void A_changed_file_names_the_file_and_both_hashes()
    {
        var folder = CopyDataset();
        var path = Path.Combine(folder, "Publisher.csv");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal));

        var e = Assert.Throws<ImportFormatException>(() => DatasetManifests.Load(Path.GetDirectoryName(folder)!));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("expected e706515fa2e0a513e735276970c50754706ac39cfee447d30de3f41a22f472bc", e.Message, StringComparison.Ordinal);
        Assert.Contains($"actual {DatasetManifests.Sha256Of(path)}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var folder = CopyDataset();
        File.Delete(Path.Combine(folder, "Actor.csv"));

        var e = Assert.Throws<ImportFormatException>(() => DatasetManifests.LoadFolder(folder));

        Assert.Contains(Path.Combine(folder, "Actor.csv"), e.Message, StringComparison.Ordinal);
        Assert.Contains("missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unlisted_file_is_named()
    {
        var folder = CopyDataset();
        File.WriteAllText(Path.Combine(folder, "Actor-fixed.csv"), "x");

        var e = Assert.Throws<ImportFormatException>(() => DatasetManifests.LoadFolder(folder));

        Assert.Contains("Actor-fixed.csv", e.Message, StringComparison.Ordinal);
        Assert.Contains("not listed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_not_named_after_the_id_is_an_error()
    {
        var folder = CopyDataset(as_: "openclimate");

        var e = Assert.Throws<ImportFormatException>(() => DatasetManifests.LoadFolder(folder));

        Assert.Contains("\"openclimate-lei-crosswalk\" differs from its folder's name \"openclimate\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_property_names_the_manifest_and_the_json_path()
    {
        var folder = CopyDataset();
        EditManifest(folder, t => t.Replace("\"name\": \"Actor.csv\",", "\"name\": \"Actor.csv\", \"licence\": \"x\",", StringComparison.Ordinal));

        var e = Assert.Throws<ImportFormatException>(() => DatasetManifests.LoadFolder(folder));

        Assert.Contains(Path.Combine(folder, "manifest.json"), e.Message, StringComparison.Ordinal);
        Assert.Contains("$.files[0].licence", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_property_is_an_error_naming_it()
    {
        var folder = CopyDataset();
        EditManifest(folder, t => System.Text.RegularExpressions.Regex.Replace(t, "\\s*\"attribution\": \"[^\"]*\",", ""));

        var e = Assert.Throws<ImportFormatException>(() => DatasetManifests.LoadFolder(folder));

        Assert.Contains(Path.Combine(folder, "manifest.json"), e.Message, StringComparison.Ordinal);
        Assert.Contains("attribution", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_required_property_is_an_error()
    {
        var folder = CopyDataset();
        EditManifest(folder, t => System.Text.RegularExpressions.Regex.Replace(t, "\"checks\": \"[^\"]*\"", "\"checks\": null"));

        var e = Assert.Throws<ImportFormatException>(() => DatasetManifests.LoadFolder(folder));

        Assert.Contains("checks", e.Message, StringComparison.OrdinalIgnoreCase);
    }
}
