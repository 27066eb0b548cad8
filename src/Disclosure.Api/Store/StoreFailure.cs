using Microsoft.Data.Sqlite;
using Npgsql;

namespace Disclosure.Api.Store;

/// <summary>
/// The store cannot answer (its file is missing or damaged, PostgreSQL does not answer): the request is refused with a
/// GraphQL-shaped 503 and <c>Retry-After</c> (<see cref="Http.UnhandledExceptionMiddleware"/>), never an empty 500.
/// </summary>
public sealed class StoreUnavailableException(string reason, Exception? inner = null)
    : Exception($"The store is unavailable: {reason}", inner)
{
    /// <summary>What a client is told (no paths, no hosts): e.g. "the store file cannot be read".</summary>
    public string Reason { get; } = reason;
}

/// <summary>
/// The one place that decides whether an exception means "the store is unavailable" rather than a bug: SQLite that
/// cannot open or read its file (missing, not a database, corrupt, I/O error; a table missing from an emptied file),
/// and PostgreSQL that cannot be reached or is shutting down (any NpgsqlException that is not a server error about
/// the query itself, a server error of class 08 or 57P, a dropped schema or table, a timeout).
/// </summary>
public static class StoreFailure
{
    /// <summary>Seconds a client is asked to wait (<c>Retry-After</c>) when the store is unavailable.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>The GraphQL error code of the 503.</summary>
    public const string Code = "STORE_UNAVAILABLE";

    /// <summary>Why the store is unavailable, for the client, or null when <paramref name="e"/> (or what it wraps) is something else.</summary>
    public static string? Describe(Exception? e)
    {
        for (var depth = 0; e is not null && depth < 8; depth++)
        {
            switch (e)
            {
                case StoreUnavailableException unavailable:
                    return unavailable.Reason;
                case SqliteException sqlite when Describe(sqlite) is { } reason:
                    return reason;
                case PostgresException postgres:
                    return Describe(postgres);
                case NpgsqlException npgsql:
                    return npgsql.InnerException is TimeoutException ? "PostgreSQL did not answer in time" : "PostgreSQL cannot be reached";
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    e = aggregate.InnerExceptions[0];
                    continue;
            }
            e = e.InnerException;
        }
        return null;
    }

    private static string? Describe(SqliteException e) => e.SqliteErrorCode switch
    {
        14 => "the store file cannot be opened", // SQLITE_CANTOPEN: missing (read-only mode never creates it)
        11 or 26 => "the store file is damaged", // SQLITE_CORRUPT, SQLITE_NOTADB
        10 => "the store file cannot be read", // SQLITE_IOERR
        1 when e.Message.Contains("no such table", StringComparison.Ordinal) => "the store file is damaged", // emptied or replaced
        _ => null,
    };

    private static string? Describe(PostgresException e) => e.SqlState switch
    {
        PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow => "PostgreSQL is shutting down or starting",
        PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName or PostgresErrorCodes.InvalidCatalogName => "the dataset is missing from PostgreSQL",
        PostgresErrorCodes.QueryCanceled => "PostgreSQL did not answer in time",
        PostgresErrorCodes.TooManyConnections => "PostgreSQL has no connection free",
        { } state when state.StartsWith("08", StringComparison.Ordinal) => "PostgreSQL cannot be reached",
        _ => null,
    };
}
