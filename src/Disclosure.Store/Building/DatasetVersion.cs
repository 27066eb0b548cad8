using System.Security.Cryptography;
using System.Text;

namespace Disclosure.Store.Building;

/// <summary>
/// The dataset version: a SHA-256 over every file in the seed folder (relative path and bytes, in ordinal path
/// order) and the store's format. Any edit to the seed data, or a change of the store's shape, gives a new version.
/// </summary>
public static class DatasetVersion
{
    /// <summary>Bump when the store's tables or the mapping from seed files change, so old stores are rebuilt.</summary>
    public const int StoreFormat = 6;

    public static string Compute(string seedDirectory)
    {
        var root = Path.GetFullPath(seedDirectory);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"disclosure-store-format:{StoreFormat}\n"));
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);
        foreach (var relative in files)
        {
            // Streamed in chunks: a synthetic figures.json can be larger than any byte array.
            using var file = new FileStream(Path.Combine(root, relative), FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            hash.AppendData(Encoding.UTF8.GetBytes($"{relative}\n{file.Length}\n"));
            var buffer = new byte[1 << 16];
            for (int read; (read = file.Read(buffer)) > 0;)
            {
                hash.AppendData(buffer, 0, read);
            }
        }
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
