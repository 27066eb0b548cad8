namespace Disclosure.Store.Exports;

/// <summary>
/// The git commit a seed folder is checked out at, read from the repository's files (no git process): the
/// <c>.git</c> folder (or a worktree's <c>.git</c> file) above it, its <c>HEAD</c>, and the branch it names (loose
/// ref or <c>packed-refs</c>). Null when there is no repository or it cannot be read. Uncommitted edits are not
/// reflected: the version (a hash of the files) is what identifies the data, the commit only helps find it.
/// </summary>
public static class SeedCommit
{
    public static string? Find(string seedDirectory)
    {
        try
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(seedDirectory)); dir is not null; dir = dir.Parent)
            {
                var dotGit = Path.Combine(dir.FullName, ".git");
                string gitDir;
                if (Directory.Exists(dotGit))
                {
                    gitDir = dotGit;
                }
                else if (File.Exists(dotGit) && File.ReadAllText(dotGit).Trim() is var pointer && pointer.StartsWith("gitdir:", StringComparison.Ordinal))
                {
                    gitDir = Path.GetFullPath(pointer["gitdir:".Length..].Trim(), dir.FullName);
                }
                else
                {
                    continue;
                }
                return Resolve(gitDir);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }

    private static string? Resolve(string gitDir)
    {
        var head = File.ReadAllText(Path.Combine(gitDir, "HEAD")).Trim();
        if (!head.StartsWith("ref:", StringComparison.Ordinal))
        {
            return IsHash(head) ? head : null;
        }
        var reference = head["ref:".Length..].Trim();
        var common = File.Exists(Path.Combine(gitDir, "commondir"))
            ? Path.GetFullPath(File.ReadAllText(Path.Combine(gitDir, "commondir")).Trim(), gitDir)
            : gitDir;
        foreach (var root in new[] { gitDir, common })
        {
            var loose = Path.Combine(root, reference);
            if (File.Exists(loose) && File.ReadAllText(loose).Trim() is var hash && IsHash(hash))
            {
                return hash;
            }
        }
        var packed = Path.Combine(common, "packed-refs");
        if (File.Exists(packed))
        {
            foreach (var line in File.ReadLines(packed))
            {
                var parts = line.Split(' ');
                if (parts.Length == 2 && parts[1] == reference && IsHash(parts[0]))
                {
                    return parts[0];
                }
            }
        }
        return null;
    }

    private static bool IsHash(string s) => s.Length is 40 or 64 && s.All(char.IsAsciiHexDigitLower);
}
