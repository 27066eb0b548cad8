using System.Security.Cryptography;
using System.Text;

namespace Disclosure.Store.Data;

/// <summary>
/// The source a fact rests on, the exact quote where a passage exists (else what the dataset recorded), the dataset
/// it came through and how far we checked it. Ordinal 0 is the primary citation.
/// </summary>
public sealed class Citation
{
    /// <summary>
    /// The citation's stable ID, derived from what it says, not its position (<see cref="StableId"/>): removing or
    /// reordering a fact's other citations leaves it as it is.
    /// </summary>
    public required string Id { get; init; }
    public required string SubjectType { get; init; }
    public required string SubjectId { get; init; }
    public required int Ordinal { get; init; }
    public required string SourceId { get; init; }
    public string? Quote { get; init; }
    public string? Note { get; init; }
    /// <summary>The page(s) of the source the dataset names, when it names any.</summary>
    public string? Page { get; init; }
    /// <summary>What the dataset recorded, as written, when the fact has no quote (e.g. Carbon Gap's datasource cell with the value).</summary>
    public string? Recorded { get; init; }
    public required string DatasetId { get; init; }
    /// <summary>Where in the dataset's files the fact was read (file and row or JSON path); null for our own curation.</summary>
    public string? DatasetLocation { get; init; }
    public required Verification Verification { get; init; }

    /// <summary>How many hex digits of the hash a citation's ID has (unless it clashes, see below).</summary>
    public const int IdLength = 16;

    /// <summary>The hex digits of the whole SHA-256.</summary>
    public const int FullIdLength = 64;

    /// <summary>
    /// A citation's ID from what it says: the first 16 hex digits of the SHA-256 of its subject type, subject id,
    /// source, quote (or, without a quote, what the dataset recorded) and page. Two citations of one fact that say
    /// the same get <c>-2</c>, <c>-3</c>… appended by the mapper, in their order. Two citations that say different
    /// things but share the 16 digits (a 64-bit collision) are told apart by the store builders: one keeps the ID,
    /// the others get 32 digits of their own hash (see <c>Building.CitationIdClashes</c>).
    /// </summary>
    public static string StableId(string subjectType, string subjectId, string sourceId, string? quote, string? recorded, string? page, int digits = IdLength)
    {
        var text = string.Join('\u001f', subjectType, subjectId, sourceId, quote ?? recorded ?? "", page ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..digits];
    }
}
