using System.Security.Cryptography;
using System.Text.Json;

namespace Disclosure.Store.Importing;

/// <summary>
/// Reads every <c>seed-data/imports/&lt;dataset&gt;/manifest.json</c> strictly and checks its folder against it: the
/// folder is named after the id, every listed file is there with the listed SHA-256, and nothing else is.
/// </summary>
public static class DatasetManifests
{
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>The manifests of every dataset folder under <paramref name="importsDirectory"/>, by id, each checked.</summary>
    /// <exception cref="ImportFormatException">A manifest is malformed, or a file is missing, unlisted or differs from its hash.</exception>
    public static IReadOnlyList<DatasetManifest> Load(string importsDirectory)
    {
        if (!Directory.Exists(importsDirectory))
        {
            throw new ImportFormatException($"{importsDirectory}: the imports folder does not exist.");
        }
        return [.. Directory.EnumerateDirectories(importsDirectory)
            .Order(StringComparer.Ordinal)
            .Select(LoadFolder)];
    }

    /// <summary>The manifest of one dataset folder, checked against the folder.</summary>
    public static DatasetManifest LoadFolder(string datasetDirectory)
    {
        var manifestPath = Path.Combine(datasetDirectory, FileName);
        if (!File.Exists(manifestPath))
        {
            throw new ImportFormatException($"{manifestPath}: no {FileName} in the dataset folder.");
        }
        var manifest = Read(manifestPath);
        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(datasetDirectory));
        if (manifest.Id != folderName)
        {
            throw new ImportFormatException($"{manifestPath}: id \"{manifest.Id}\" differs from its folder's name \"{folderName}\".");
        }
        if (manifest.SnapshotDate is null && manifest.AccessedOn is null)
        {
            throw new ImportFormatException($"{manifestPath}: neither snapshotDate nor accessedOn is given.");
        }
        var duplicate = manifest.Files.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ImportFormatException($"{manifestPath}: file \"{duplicate.Key}\" is listed twice.");
        }
        foreach (var file in manifest.Files)
        {
            CheckFile(manifestPath, datasetDirectory, file);
        }
        var listed = manifest.Files.Select(f => f.Name).Append(FileName).ToHashSet(StringComparer.Ordinal);
        var unlisted = Directory.EnumerateFileSystemEntries(datasetDirectory)
            .Select(Path.GetFileName)
            .Where(name => !listed.Contains(name!))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (unlisted.Count > 0)
        {
            throw new ImportFormatException(
                $"{manifestPath}: {string.Join(", ", unlisted.Select(n => Path.Combine(datasetDirectory, n!)))} not listed in the manifest.");
        }
        return manifest;
    }

    private static DatasetManifest Read(string manifestPath)
    {
        try
        {
            using var stream = File.OpenRead(manifestPath);
            return JsonSerializer.Deserialize<DatasetManifest>(stream, Options)
                ?? throw new ImportFormatException($"{manifestPath}: the manifest is null.");
        }
        catch (JsonException e)
        {
            throw new ImportFormatException($"{manifestPath}: at {e.Path ?? "$"}: {e.Message}");
        }
    }

    private static void CheckFile(string manifestPath, string datasetDirectory, DatasetManifestFile file)
    {
        if (file.Name.Length == 0 || file.Name != Path.GetFileName(file.Name) || file.Name == FileName)
        {
            throw new ImportFormatException($"{manifestPath}: \"{file.Name}\" is not a file name of the dataset folder.");
        }
        if (file.Sha256.Length != 64 || !file.Sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ImportFormatException($"{manifestPath}: the sha256 of {file.Name} is not 64 lower-case hex digits: \"{file.Sha256}\".");
        }
        var path = Path.Combine(datasetDirectory, file.Name);
        if (!File.Exists(path))
        {
            throw new ImportFormatException($"{path}: listed in {manifestPath} but missing.");
        }
        var actual = Sha256Of(path);
        if (actual != file.Sha256)
        {
            throw new ImportFormatException(
                $"{path}: SHA-256 differs from the manifest: expected {file.Sha256}, actual {actual}. Publisher files are never edited; a new version is a new dataset folder.");
        }
    }

    /// <summary>Lower-case hex SHA-256 of a file's bytes.</summary>
    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
