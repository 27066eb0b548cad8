using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using GraphQL.Transport;

namespace Disclosure.Api.Caching;

/// <summary>
/// The server-side cache key of a POSTed request: a SHA-256 of its normalised form, i.e. <c>query</c>,
/// <c>documentId</c>, <c>operationName</c>, <c>variables</c> and <c>extensions</c> as canonical JSON (object keys
/// sorted, absent and null the same, whitespace and key order of the body irrelevant). Two requests share a key only
/// when every parameter is equal, so two variable sets never share an answer.
/// </summary>
public static class RequestKey
{
    public static string Compute(GraphQLRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(request.Query);
            writer.WriteStringValue(request.DocumentId);
            writer.WriteStringValue(request.OperationName);
            Write(writer, request.Variables);
            Write(writer, request.Extensions);
            writer.WriteEndArray();
        }
        return Convert.ToBase64String(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>A SHA-256 of a body exactly as sent (no parsing): what remembers a body's normalised key.</summary>
    public static string OfBody(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        return Convert.ToBase64String(hash);
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case IDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            case double d when !double.IsFinite(d):
                // 1e400 reads as infinity: not a JSON number, so it is keyed as text (writing it raw would throw).
                writer.WriteStringValue("double:" + d.ToString(CultureInfo.InvariantCulture));
                break;
            case float f when !float.IsFinite(f):
                writer.WriteStringValue("float:" + f.ToString(CultureInfo.InvariantCulture));
                break;
            case IFormattable number:
                // Numbers keep their text as a JSON number (1 and 1.0 may differ: a miss, never a wrong hit).
                writer.WriteRawValue(number.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(value.GetType().FullName + ":" + value);
                break;
        }
    }
}
