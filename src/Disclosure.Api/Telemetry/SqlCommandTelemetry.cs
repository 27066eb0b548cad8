using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Disclosure.Api.Telemetry;

/// <summary>
/// Counts the SQL commands each GraphQL request runs (every reader, scalar and non-query command EF Core sends) into
/// its <see cref="RequestTelemetry"/>, found through an async-local set by <see cref="TelemetryMiddleware"/>: it
/// flows into the resolvers and data loaders the request awaits.
/// </summary>
public sealed class SqlCommandTelemetry : DbCommandInterceptor
{
    private static readonly AsyncLocal<RequestTelemetry?> CurrentRequest = new();

    public static RequestTelemetry? Current
    {
        get => CurrentRequest.Value;
        set => CurrentRequest.Value = value;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Current?.CountSqlCommand();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Current?.CountSqlCommand();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Current?.CountSqlCommand();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Current?.CountSqlCommand();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Current?.CountSqlCommand();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Current?.CountSqlCommand();
        return ValueTask.FromResult(result);
    }
}
