using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Disclosure.Tests.Infrastructure;

/// <summary>Counts the SQL commands the API runs, and keeps their text: the no-N+1 and SQL-shape tests assert on it.</summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _texts = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>The text of every command since the last <see cref="Reset"/>, in the order they ran.</summary>
    public IReadOnlyList<string> Texts => [.. _texts];

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        _texts.Clear();
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        _texts.Enqueue(command.CommandText);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Interlocked.Increment(ref _count);
        _texts.Enqueue(command.CommandText);
        return base.ReaderExecuting(command, eventData, result);
    }
}
