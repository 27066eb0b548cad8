using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http.Features;

namespace Disclosure.Api.Http;

/// <summary>Reads a GraphQL request from a GET query string or a POST body, checking its shape strictly.</summary>
public static class GraphQLRequestReader
{
    public sealed record RequestError(int Status, string Code, string Message);

    public readonly record struct Result(GraphQLRequest? Request, RequestError? Error)
    {
        public static Result Fail(int status, string code, string message) => new(null, new RequestError(status, code, message));
        public static Result Fail(string message) => Fail(StatusCodes.Status400BadRequest, "BAD_REQUEST", message);
        public static Result Fail(string code, string message) => Fail(StatusCodes.Status400BadRequest, code, message);
    }

    /// <summary>
    /// The status of a request that is well-formed but cannot run (e.g. an unknown APQ hash): 200 under
    /// <c>application/json</c>, 400 under <c>application/graphql-response+json</c>, like a document that fails validation.
    /// </summary>
    public const int NotExecutedStatus = 0;

    public static Result FromQueryString(IQueryCollection query, IGraphQLTextSerializer serializer, GraphQLHttpOptions options)
    {
        foreach (var name in new[] { "query", "operationName", "variables", "extensions", "documentId" })
        {
            if (query[name].Count > 1)
            {
                return Result.Fail($"The query-string parameter '{name}' is given more than once.");
            }
        }
        var text = Absent(query["query"].ToString());
        var documentId = Absent(query["documentId"].ToString());
        if (!TryReadMap(Absent(query["variables"].ToString()), "variables", serializer, options, out var variables, out var error) ||
            !TryReadMap(Absent(query["extensions"].ToString()), "extensions", serializer, options, out var extensions, out error))
        {
            return Result.Fail(error!);
        }
        return new Result(new GraphQLRequest
        {
            Query = text, DocumentId = documentId, OperationName = Absent(query["operationName"].ToString()), Variables = variables, Extensions = extensions,
        }, null);
    }

    public static async Task<Result> FromBodyAsync(HttpRequest request, IGraphQLTextSerializer serializer, GraphQLHttpOptions options, CancellationToken cancellationToken)
    {
        var (body, error) = await ReadBodyAsync(request, options, cancellationToken);
        return error is not null ? new Result(null, error) : Parse(body!.Memory, serializer, options);
    }

    /// <summary>
    /// A POST body, after checking its Content-Type and size: read into one pooled buffer (returned to the pool when
    /// the response completes), or the request error that says why it cannot be read.
    /// </summary>
    public static async Task<(Body? Body, RequestError? Error)> ReadBodyAsync(HttpRequest request, GraphQLHttpOptions options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.ContentType))
        {
            return (null, new RequestError(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "A POST request needs Content-Type: application/json."));
        }
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) ||
            !string.Equals(contentType.MediaType.Value, MediaTypes.Json, StringComparison.OrdinalIgnoreCase))
        {
            return (null, new RequestError(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", $"Content-Type '{request.ContentType}' is not supported: send application/json."));
        }
        if (contentType.Charset.HasValue && !string.Equals(contentType.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return (null, new RequestError(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", $"Charset '{contentType.Charset.Value}' is not supported: send UTF-8."));
        }
        if (request.ContentLength > options.MaxRequestBodyBytes)
        {
            return (null, TooLarge(options));
        }

        var body = await ReadLimitedAsync(request.Body, request.ContentLength, options.MaxRequestBodyBytes, cancellationToken);
        if (body is null)
        {
            return (null, TooLarge(options));
        }
        request.HttpContext.Response.RegisterForDispose(body);
        return (body, null);
    }

    /// <summary>Parses a POST body (JSON) into a GraphQL request, checking its shape strictly.</summary>
    public static Result Parse(ReadOnlyMemory<byte> body, IGraphQLTextSerializer serializer, GraphQLHttpOptions options)
    {
        if (!TryParseJson(body, options, out var document, out var invalid))
        {
            return Result.Fail($"The body is not valid JSON: {invalid}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Result.Fail(root.ValueKind == JsonValueKind.Array
                    ? "Batched requests (a JSON array) are not supported: send one request object."
                    : "The body must be a JSON object with a 'query' string.");
            }
            if (!TryString(root, "query", out var query, out var error) || !TryString(root, "operationName", out var operationName, out error) ||
                !TryString(root, "documentId", out var documentId, out error))
            {
                return Result.Fail(error!);
            }
            if (!TryReadMap(root, "variables", serializer, out var variables, out error) || !TryReadMap(root, "extensions", serializer, out var extensions, out error))
            {
                return Result.Fail(error!);
            }
            // A missing 'query' is allowed here: the request may name a persisted document (see PersistedDocuments).
            return new Result(new GraphQLRequest { Query = query, DocumentId = documentId, OperationName = operationName, Variables = variables, Extensions = extensions }, null);
        }
    }

    /// <summary>A request body in a buffer rented from the shared pool; disposing returns it.</summary>
    public sealed class Body(byte[] buffer, int length) : IDisposable
    {
        private byte[]? _buffer = buffer;

        public ReadOnlyMemory<byte> Memory => (_buffer ?? throw new ObjectDisposedException(nameof(Body))).AsMemory(0, length);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _buffer, null) is { } rented)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static RequestError TooLarge(GraphQLHttpOptions options) =>
        new(StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE", $"The body is larger than {options.MaxRequestBodyBytes} bytes.");

    private static async Task<Body?> ReadLimitedAsync(Stream body, long? length, int limit, CancellationToken cancellationToken)
    {
        var pool = System.Buffers.ArrayPool<byte>.Shared;
        if (length is { } known && known <= limit)
        {
            // The usual case: a Content-Length (already checked against the limit), read into one pooled buffer.
            var exact = pool.Rent((int)known);
            try
            {
                await body.ReadExactlyAsync(exact.AsMemory(0, (int)known), cancellationToken);
            }
            catch
            {
                pool.Return(exact);
                throw;
            }
            return new Body(exact, (int)known);
        }
        var buffer = pool.Rent(8192);
        var used = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(used), cancellationToken)) > 0)
            {
                used += read;
                if (used > limit)
                {
                    pool.Return(buffer);
                    return null;
                }
                if (used == buffer.Length)
                {
                    var larger = pool.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, used).CopyTo(larger);
                    pool.Return(buffer);
                    buffer = larger;
                }
            }
        }
        catch
        {
            pool.Return(buffer);
            throw;
        }
        return new Body(buffer, used);
    }

    // GraphQL over HTTP: null or "" for an optional parameter means absent.
    private static string? Absent(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool TryString(JsonElement root, string name, out string? value, out string? error)
    {
        value = error = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (element.ValueKind != JsonValueKind.String)
        {
            error = $"'{name}' must be a string.";
            return false;
        }
        value = Absent(element.GetString());
        return true;
    }

    private static bool TryReadMap(JsonElement root, string name, IGraphQLTextSerializer serializer, out Inputs? value, out string? error)
    {
        value = null;
        error = null;
        return !root.TryGetProperty(name, out var element) || ReadMap(element, name, serializer, out value, out error);
    }

    private static bool TryReadMap(string? text, string name, IGraphQLTextSerializer serializer, GraphQLHttpOptions options, out Inputs? value, out string? error)
    {
        value = null;
        error = null;
        if (text is null)
        {
            return true;
        }
        if (!TryParseJson(Encoding.UTF8.GetBytes(text), options, out var document, out var invalid))
        {
            error = $"The query-string parameter '{name}' is not valid JSON: {invalid}";
            return false;
        }
        using (document)
        {
            return ReadMap(document.RootElement, name, serializer, out value, out error);
        }
    }

    /// <summary>
    /// Parses JSON strictly: well-formed, at most <see cref="GraphQLHttpOptions.MaxJsonDepth"/> deep, no key twice in
    /// one object (which of two values would count is ambiguous), and every string and key a valid Unicode text.
    /// System.Text.Json checks the last only when a string is read: an escaped lone surrogate (<c>"\ud800"</c>) or
    /// ill-formed UTF-8 inside a string (an encoded surrogate, an overlong form) parses, then throws
    /// InvalidOperationException from <c>GetString</c>, so every string is decoded once here.
    /// </summary>
    private static bool TryParseJson(ReadOnlyMemory<byte> json, GraphQLHttpOptions options, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JsonDocument? document, out string? error)
    {
        error = null;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = options.MaxJsonDepth, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            document = null;
            error = e.Message.Split(" Path:")[0];
            return false;
        }
        catch (InvalidOperationException)
        {
            // The duplicate-key check decodes every key, and throws like GetString on one that is not valid Unicode.
            document = null;
            error = "An object key is not valid Unicode (a lone surrogate, escaped or not, or ill-formed UTF-8).";
            return false;
        }
        if (InvalidText(document.RootElement) is { } where)
        {
            document.Dispose();
            document = null;
            error = $"{where} is not valid Unicode (a lone surrogate, escaped or not, or ill-formed UTF-8).";
            return false;
        }
        return true;
    }

    // The first string or key that does not decode to valid UTF-16, described for the error message; else null.
    private static string? InvalidText(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Decodes(element) ? null : "A string";
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!DecodesName(property))
                    {
                        return "An object key";
                    }
                    if (InvalidText(property.Value) is { } inner)
                    {
                        return inner;
                    }
                }
                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (InvalidText(item) is { } inner)
                    {
                        return inner;
                    }
                }
                return null;
            default:
                return null;
        }

        static bool Decodes(JsonElement text)
        {
            try
            {
                return IsValidUtf16(text.GetString());
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }

        static bool DecodesName(JsonProperty property)
        {
            try
            {
                return IsValidUtf16(property.Name);
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }

    // GetString throws for the cases above; this also holds if a future reader returned lone surrogates instead.
    private static bool IsValidUtf16(string? text)
    {
        if (text is null)
        {
            return true;
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool ReadMap(JsonElement element, string name, IGraphQLTextSerializer serializer, out Inputs? value, out string? error)
    {
        value = null;
        error = null;
        if (element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = $"'{name}' must be a JSON object.";
            return false;
        }
        try
        {
            value = serializer.Deserialize<Inputs>(element.GetRawText());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            // Well-formed JSON that GraphQL.NET's reader cannot turn into values (e.g. a number beyond every numeric type).
            error = $"'{name}' holds a value that cannot be read: {e.Message.Split(" Path:")[0].TrimEnd('.', ' ')}.";
            return false;
        }
        return true;
    }
}
