using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Disclosure.Api.Store;

/// <summary>
/// Tunes each SQLite connection of the served store once, when its native handle is first opened (a pooled
/// connection keeps its handle, and its settings, across opens). The store is read-only and replaced by a rename,
/// never written in place, so reading it through a memory map is safe: pages are read where the kernel already
/// caches them instead of being copied into each connection's own page cache.
/// </summary>
public sealed class SqliteReadTuning : DbConnectionInterceptor
{
    /// <summary>The largest part of the file mapped per connection (SQLite caps it at its compile-time maximum).</summary>
    public const long MemoryMapBytes = 64L << 30;

    public static readonly SqliteReadTuning Instance = new();

    private static readonly ConditionalWeakTable<object, object> Tuned = [];

    private SqliteReadTuning()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Tune(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Tune(connection);
        return Task.CompletedTask;
    }

    private static void Tune(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || Tuned.TryGetValue(handle, out _))
        {
            return;
        }
        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA mmap_size={MemoryMapBytes};";
        command.ExecuteNonQuery();
        Tuned.AddOrUpdate(handle, handle);
    }
}
