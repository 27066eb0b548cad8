namespace Disclosure.Store.Building;

/// <summary>
/// Who may remove a SQLite build's leftovers. Every build holds <c>.&lt;store&gt;.build-lock</c> open with a SHARED lock
/// (on Linux and macOS .NET takes an advisory <c>flock</c>: released by the kernel when the process dies, even by
/// SIGKILL) from before it creates its <c>.building</c> file until it ends. Before that, a build tries the lock
/// EXCLUSIVELY without waiting: when it gets it, no other builder is live, so every <c>.&lt;store&gt;.*.building</c> file
/// was left by a build that died, and it removes them; when it does not, another build is running and the leftovers
/// are left for a later build. Nothing here ever waits for another build.
/// </summary>
public sealed class BuildLock : IDisposable
{
    private readonly FileStream _shared;

    private BuildLock(FileStream shared) => _shared = shared;

    /// <summary>The lock file beside the store.</summary>
    public static string PathOf(string storePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storePath))!, $".{Path.GetFileName(storePath)}.build-lock");

    /// <summary>The temporary files of builds of this store (live or dead).</summary>
    public static string[] BuildingFiles(string storePath) =>
        Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(storePath)))
            ? Directory.GetFiles(Path.GetDirectoryName(Path.GetFullPath(storePath))!, $".{Path.GetFileName(storePath)}.*.building")
            : [];

    /// <summary>Removes what dead builds left when no other build is live, then takes the shared lock.</summary>
    public static BuildLock Acquire(string storePath, out List<string> removed)
    {
        var path = PathOf(storePath);
        removed = [];
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (TryOpen(path, FileShare.None) is { } exclusive)
            {
                using (exclusive)
                {
                    foreach (var leftover in BuildingFiles(storePath))
                    {
                        try
                        {
                            File.Delete(leftover);
                            removed.Add(leftover);
                        }
                        catch (IOException)
                        {
                            // Left for the next build.
                        }
                    }
                }
            }
            // Another builder may hold the exclusive lock for the moment it takes to clean up; wait it out (bounded).
            if (TryOpen(path, FileShare.ReadWrite) is { } shared)
            {
                return new BuildLock(shared);
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new IOException($"Could not take the build lock {path} within 10 s.");
            }
            Thread.Sleep(20);
        }
    }

    private static FileStream? TryOpen(string path, FileShare share)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, share);
        }
        catch (IOException)
        {
            return null; // held by another process in a conflicting mode
        }
    }

    public void Dispose() => _shared.Dispose();
}
