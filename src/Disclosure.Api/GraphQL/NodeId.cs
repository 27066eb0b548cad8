using System.Buffers.Text;
using System.Text;

namespace Disclosure.Api.GraphQL;

/// <summary>
/// Global IDs: base64url of <c>"{Type}:{slug}"</c>. Opaque to clients, stable across store rebuilds (the slug comes
/// from the seed file, not from row order), and decodable without a lookup.
/// </summary>
public static class NodeId
{
    public static string Encode(string typeName, string slug) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{typeName}:{slug}"));

    public static bool TryDecode(string? id, out string typeName, out string slug)
    {
        typeName = slug = "";
        if (string.IsNullOrEmpty(id) || id.Length > 256 || !Base64Url.IsValid(id))
        {
            return false;
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(id));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return false;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }
        (typeName, slug) = (text[..colon], text[(colon + 1)..]);
        return true;
    }
}
