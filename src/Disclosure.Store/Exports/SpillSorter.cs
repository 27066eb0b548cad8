namespace Disclosure.Store.Exports;

/// <summary>
/// Sorts more strings than memory should hold (ordinal order): they are kept in chunks of
/// <see cref="ChunkSize"/>, each chunk sorted and written to a file in <c>folder</c> when full, and the files merged
/// when read. Memory: one chunk, plus one string per file while merging. The files are removed on dispose.
/// </summary>
internal sealed class SpillSorter(string folder, int chunkSize = SpillSorter.ChunkSize) : IDisposable
{
    public const int ChunkSize = 100_000;

    private readonly List<string> _chunk = [];
    private readonly List<string> _files = [];

    public long Count { get; private set; }

    public void Add(string value)
    {
        _chunk.Add(value);
        Count++;
        if (_chunk.Count >= chunkSize)
        {
            Spill();
        }
    }

    /// <summary>Every string added, in ordinal order (duplicates kept).</summary>
    public IEnumerable<string> Sorted()
    {
        if (_files.Count == 0)
        {
            _chunk.Sort(StringComparer.Ordinal);
            foreach (var value in _chunk)
            {
                yield return value;
            }
            yield break;
        }
        if (_chunk.Count > 0)
        {
            Spill();
        }
        var readers = _files.Select(f => new BinaryReader(new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))).ToList();
        try
        {
            var queue = new PriorityQueue<int, string>(StringComparer.Ordinal);
            for (var i = 0; i < readers.Count; i++)
            {
                if (Next(readers[i]) is { } first)
                {
                    queue.Enqueue(i, first);
                }
            }
            while (queue.TryDequeue(out var index, out var value))
            {
                yield return value;
                if (Next(readers[index]) is { } next)
                {
                    queue.Enqueue(index, next);
                }
            }
        }
        finally
        {
            readers.ForEach(r => r.Dispose());
        }
    }

    private static string? Next(BinaryReader reader) => reader.BaseStream.Position < reader.BaseStream.Length ? reader.ReadString() : null;

    private void Spill()
    {
        _chunk.Sort(StringComparer.Ordinal);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"sort-{Guid.NewGuid():N}.bin");
        using (var writer = new BinaryWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16)))
        {
            foreach (var value in _chunk)
            {
                writer.Write(value);
            }
        }
        _files.Add(path);
        _chunk.Clear();
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }
        _files.Clear();
    }
}
