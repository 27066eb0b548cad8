using System.Diagnostics;

namespace Disclosure.Api.Telemetry;

/// <summary>
/// On the GraphQL path, outside the rate limiter and the output cache: gives the request its
/// <see cref="RequestTelemetry"/>, and when it is answered records <c>disclosure.graphql.requests</c>, its duration,
/// the cache lookup and the SQL commands, and tags the request's span (ASP.NET Core's) with what the endpoint learnt.
/// </summary>
public sealed class TelemetryMiddleware(RequestDelegate next, PathString path, DisclosureTelemetry telemetry)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase))
        {
            await next(http);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        var request = new RequestTelemetry();
        http.Features.Set(request);
        SqlCommandTelemetry.Current = request;
        try
        {
            await next(http);
        }
        catch (Exception e) when (!(e is OperationCanceledException && http.RequestAborted.IsCancellationRequested))
        {
            request.Outcome = "exception";
            throw;
        }
        finally
        {
            SqlCommandTelemetry.Current = null;
            Record(http, request, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private void Record(HttpContext http, RequestTelemetry request, double seconds)
    {
        var status = http.Response.StatusCode;
        var outcome = request.Outcome ?? (request.Cache == CacheResult.Hit || status < 400 ? "ok"
            : status >= 500 ? "exception"
            : http.RequestAborted.IsCancellationRequested ? "aborted"
            : "bad_request");
        if (request.OperationName is null && request.Cache == CacheResult.Hit && HttpMethods.IsGet(http.Request.Method))
        {
            // A GET answered from the cache never reached the endpoint: its name is in the query string.
            var query = http.Request.Query;
            request.OperationName = telemetry.OperationOfDocumentId(query["documentId"]) ?? (string?)query["operationName"];
        }
        var cache = request.Cache switch { CacheResult.Hit => "hit", CacheResult.Miss => "miss", _ => "bypass" };
        var tags = new TagList
        {
            { DisclosureTelemetry.OperationNameTag, telemetry.MetricOperationName(request.OperationName) },
            { DisclosureTelemetry.OutcomeTag, outcome },
            { DisclosureTelemetry.CacheTag, cache },
        };
        telemetry.Requests.Add(1, tags);
        telemetry.Duration.Record(seconds, tags);
        if (request.Cache != CacheResult.Bypass)
        {
            telemetry.CacheLookups.Add(1, new KeyValuePair<string, object?>("disclosure.cache.result", cache));
        }
        if (request.Executed)
        {
            telemetry.SqlCommands.Record(request.SqlCommands);
        }
        if (request.RefusedLimit is { } limit)
        {
            telemetry.RefusedDocuments.Add(1, new KeyValuePair<string, object?>(DisclosureTelemetry.LimitTag, limit));
        }
        if (request.RateLimitRefusal is var (reason, policy))
        {
            telemetry.RateLimitRefusals.Add(1,
                new KeyValuePair<string, object?>(DisclosureTelemetry.RateLimitReasonTag, reason),
                new KeyValuePair<string, object?>(DisclosureTelemetry.RateLimitPolicyTag, policy ?? "none"));
        }

        if (Activity.Current is { IsAllDataRequested: true } span)
        {
            if (request.OperationName is { Length: > 0 } name)
            {
                span.SetTag(DisclosureTelemetry.OperationNameTag, DisclosureTelemetry.SpanOperationName(name));
            }
            span.SetTag(DisclosureTelemetry.OutcomeTag, outcome);
            span.SetTag(DisclosureTelemetry.CacheTag, cache);
            if (request.Executed)
            {
                span.SetTag(DisclosureTelemetry.SqlCommandsTag, request.SqlCommands);
            }
        }
    }
}
