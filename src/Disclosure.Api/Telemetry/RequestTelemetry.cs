namespace Disclosure.Api.Telemetry;

/// <summary>Whether the output cache answered a request.</summary>
public enum CacheResult
{
    /// <summary>The output cache did not look (caching off, HEAD, no dataset, an unreadable body).</summary>
    Bypass,
    Hit,
    Miss,
}

/// <summary>
/// What the pieces of the GraphQL path learn about one request, gathered for its span and metrics by
/// <see cref="TelemetryMiddleware"/>: an <see cref="HttpContext"/> feature, absent when telemetry is off (every hook
/// then does nothing).
/// </summary>
public sealed class RequestTelemetry
{
    private int _sqlCommands;

    public string? OperationName { get; set; }
    public string? OperationType { get; set; }
    public int? Cost { get; set; }
    public CacheResult Cache { get; set; }

    /// <summary>ok, error (executed with errors), invalid (not executed), refused (a limit), rate_limited, unauthorized, bad_request, exception.</summary>
    public string? Outcome { get; set; }

    /// <summary>Whether the query ran (so its SQL commands are worth recording).</summary>
    public bool Executed { get; set; }

    /// <summary>The error code of the limit that refused the document, if one did.</summary>
    public string? RefusedLimit { get; set; }

    /// <summary>Why the rate limiter refused the request (exhausted, invalid_key), if it did, and the client's policy.</summary>
    public (string Reason, string? Policy)? RateLimitRefusal { get; private set; }

    public void RateLimited(string reason, string? policy)
    {
        RateLimitRefusal = (reason, policy);
        Outcome = reason == "invalid_key" ? "unauthorized" : "rate_limited";
    }

    public int SqlCommands => Volatile.Read(ref _sqlCommands);

    public void CountSqlCommand() => Interlocked.Increment(ref _sqlCommands);

    public static RequestTelemetry? Of(HttpContext http) => http.Features.Get<RequestTelemetry>();

    /// <summary>The outcome of an answer the endpoint or the rate limiter wrote with this error code.</summary>
    public static string OutcomeOfCode(string code) => code switch
    {
        _ when DisclosureTelemetry.LimitCodes.Contains(code) => "refused",
        "RATE_LIMITED" => "rate_limited",
        "INVALID_API_KEY" => "unauthorized",
        _ => "bad_request",
    };
}
