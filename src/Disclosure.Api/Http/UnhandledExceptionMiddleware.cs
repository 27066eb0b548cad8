using System.Globalization;
using System.Text.Json;
using Disclosure.Api.Store;

namespace Disclosure.Api.Http;

/// <summary>
/// The last line of defence, outermost in the pipeline (before the playground, the output cache and the endpoint): an
/// exception that escapes anything after it becomes a GraphQL-shaped 500,
/// <c>{"errors":[{"message":"Internal server error","extensions":{"code":"INTERNAL_SERVER_ERROR","requestId":"…"}}]}</c>,
/// never an empty body and never internals; the operator's log line carries the exception and the same request id.
/// A client that went away is not an error (nothing is written). When the answer had already started, nothing can be
/// added to it: the connection is aborted, so the client sees a broken answer rather than a truncated one that looks whole.
/// An exception that means the store cannot answer (<see cref="StoreFailure"/>: its file missing or damaged, PostgreSQL
/// down) becomes a GraphQL-shaped 503 instead, <c>{"errors":[{"message":"The store is unavailable: …","extensions":
/// {"code":"STORE_UNAVAILABLE","requestId":"…"}}]}</c> with <c>Retry-After</c>; the log says what and where.
/// </summary>
public sealed class UnhandledExceptionMiddleware(RequestDelegate next, ILogger<UnhandledExceptionMiddleware> logger)
{
    public const string Code = "INTERNAL_SERVER_ERROR";

    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (e is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
        {
            // The client closed the connection: there is no one to answer.
        }
        catch (Exception e) when (StoreFailure.Describe(e) is { } reason)
        {
            var requestId = http.TraceIdentifier;
            var store = http.RequestServices.GetService<StoreBackend>()?.Description;
            logger.LogError(e, "The store {Store} is unavailable ({Reason}) in {Method} {Path}, request {RequestId}: answered 503",
                store, reason, http.Request.Method, http.Request.Path.Value, requestId);
            if (http.Response.HasStarted)
            {
                http.Abort();
                return;
            }
            http.RequestServices.GetService<StoreState>()?.ReportFailure(reason, e);
            await WriteAsync(http, requestId, StatusCodes.Status503ServiceUnavailable, StoreFailure.Code, $"The store is unavailable: {reason}.",
                retryAfterSeconds: StoreFailure.RetryAfterSeconds);
        }
        catch (Exception e)
        {
            var requestId = http.TraceIdentifier;
            logger.LogError(e, "Unhandled exception in {Method} {Path}, request {RequestId}: answered 500", http.Request.Method, http.Request.Path.Value, requestId);
            if (http.Response.HasStarted)
            {
                http.Abort();
                return;
            }
            await WriteAsync(http, requestId);
        }
    }

    /// <summary>Writes the GraphQL-shaped 500 (no-store) on a response that has not started.</summary>
    public static Task WriteAsync(HttpContext http, string requestId) =>
        WriteAsync(http, requestId, StatusCodes.Status500InternalServerError, Code, "Internal server error");

    private static async Task WriteAsync(HttpContext http, string requestId, int status, string code, string message, int? retryAfterSeconds = null)
    {
        var response = http.Response;
        response.Clear();
        response.StatusCode = status;
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
        var mediaType = MediaTypes.Negotiate(http.Request.Headers.Accept) ?? MediaTypes.Json;
        response.ContentType = mediaType + "; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(192);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("errors");
            writer.WriteStartObject();
            writer.WriteString("message", message);
            writer.WriteStartObject("extensions");
            writer.WriteString("code", code);
            writer.WriteString("requestId", requestId);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        response.ContentLength = buffer.WrittenCount;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await response.Body.WriteAsync(buffer.WrittenMemory, CancellationToken.None);
        }
    }
}
