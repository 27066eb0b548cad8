using Disclosure.Store.Building;
using Disclosure.Store.Data;
using Disclosure.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Tests.Exports;

/// <summary>
/// Two different citations sharing a 16-digit ID (a hash collision, forced here) do not fail the store build on the
/// unique index: one keeps the ID, the other gets 32 digits of its own hash, decided by what they say, not their order.
/// </summary>
public sealed class CitationIdClashTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void A_clash_is_resolved_by_the_citations_hashes_whatever_their_order()
    {
        CitationIdClashes.Row Row(string subject, int ordinal, string quote, string id) =>
            new("Figure", subject, ordinal, "src", quote, null, null, id);
        var a = Row("fig-a", 0, "one quote", "0123456789abcdef");
        var b = Row("fig-b", 0, "another quote", "0123456789abcdef");
        var b2 = Row("fig-b", 1, "another quote", "0123456789abcdef-2");
        var c = Row("fig-c", 0, "a third quote", "0123456789abcdef-2");
        var alone = Row("fig-d", 0, "no clash", "fedcba9876543210");

        var forward = CitationIdClashes.Resolve([a, b, b2, c, alone]);
        var backward = CitationIdClashes.Resolve([alone, c, b2, b, a]);

        Assert.Equal(forward.OrderBy(x => x.Id, StringComparer.Ordinal), backward.OrderBy(x => x.Id, StringComparer.Ordinal));
        // One change per group of two; the one keeping the ID has the smaller whole hash.
        Assert.Equal(2, forward.Count);
        var firstGroupLoser = new[] { a, b }.MaxBy(r => r.FullHash, StringComparer.Ordinal)!;
        Assert.Contains((firstGroupLoser, Citation.StableId("Figure", firstGroupLoser.SubjectId, "src", firstGroupLoser.Quote, null, null, 32)), forward);
        var secondGroupLoser = new[] { b2, c }.MaxBy(r => r.FullHash, StringComparer.Ordinal)!;
        Assert.Contains((secondGroupLoser, Citation.StableId("Figure", secondGroupLoser.SubjectId, "src", secondGroupLoser.Quote, null, null, 32) + secondGroupLoser.Suffix), forward);
        Assert.DoesNotContain(forward, x => x.Row == alone);
    }

    [Fact]
    public async Task A_store_build_with_two_citations_sharing_an_id_succeeds_with_unique_ids()
    {
        // Arrange: the first citation of the first figure keeps its ID; the first citation of a later figure is given
        // the same ID on its way to the store, as if their hashes collided on 16 digits.
        string? shared = null, firstSubject = null, clashed = null;
        var options = new StoreBuildOptions
        {
            MapRow = row =>
            {
                if (row is not Citation { SubjectType: nameof(Figure), Ordinal: 0 } c)
                {
                    return row;
                }
                if (shared is null)
                {
                    (shared, firstSubject) = (c.Id, c.SubjectId);
                    return row;
                }
                if (clashed is not null || c.SubjectId == firstSubject)
                {
                    return row;
                }
                clashed = c.SubjectId;
                return new Citation
                {
                    Id = shared, SubjectType = c.SubjectType, SubjectId = c.SubjectId, Ordinal = c.Ordinal, SourceId = c.SourceId, Quote = c.Quote,
                    Note = c.Note, Page = c.Page, Recorded = c.Recorded, DatasetId = c.DatasetId, DatasetLocation = c.DatasetLocation, Verification = c.Verification,
                };
            },
        };

        // Act
        await _store.BuildAsync(RepoPaths.CuratedSeedData, options);

        // Assert: both citations are there with different IDs, the index is unique, and the rule decided who keeps the ID.
        Assert.NotNull(clashed);
        await using var db = _store.Open();
        var citations = await db.Citations.AsNoTracking().ToListAsync(CancellationToken.None);
        Assert.Equal(citations.Count, citations.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        var pair = citations.Where(c => c.SubjectType == nameof(Figure) && c.Ordinal == 0 && (c.SubjectId == firstSubject || c.SubjectId == clashed))
            .Select(c => (Citation: c, Full: Citation.StableId(c.SubjectType, c.SubjectId, c.SourceId, c.Quote, c.Recorded, c.Page, Citation.FullIdLength)))
            .OrderBy(x => x.Full, StringComparer.Ordinal).ToList();
        Assert.Equal(2, pair.Count);
        Assert.Equal(shared, pair[0].Citation.Id);
        Assert.Equal(pair[1].Full[..32], pair[1].Citation.Id);
    }
}
