using Disclosure.Api.Paging;
using GraphQL;

namespace Disclosure.Tests.Paging;

public sealed class PagingPrimitivesTests
{
    [Fact]
    public void Page_size_defaults_to_20_and_last_pages_backward()
    {
        Assert.Equal(new PageRequest(20, false, null, null), PageRequest.From(null, null, null, null, "targets"));
        Assert.Equal(new PageRequest(5, true, null, "c"), PageRequest.From(null, null, 5, "c", "targets"));
        Assert.Equal(new PageRequest(100, false, "c", null), PageRequest.From(100, "c", null, null, "targets"));
    }

    [Theory]
    [InlineData(1, 1, "Passing both `first` and `last` to paginate the `targets` connection is not supported.")]
    [InlineData(-1, null, "`first` on the `targets` connection cannot be less than zero; you passed -1.")]
    [InlineData(null, 101, "Requesting 101 records on the `targets` connection exceeds the `last` limit of 100 records.")]
    public void Invalid_paging_arguments_are_clear_errors(int? first, int? last, string message)
    {
        var error = Assert.Throws<ExecutionError>(() => PageRequest.From(first, null, last, null, "targets"));

        Assert.Equal((message, "INVALID_PAGINATION"), (error.Message, error.Code));
    }

    [Fact]
    public void A_cursor_round_trips_its_keys_under_its_ordering()
    {
        var ordering = Cursor.Ordering("targetYear:ASC,id:ASC");
        var cursor = Cursor.Encode(ordering, [2030, new DateOnly(2021, 12, 17), "alibaba-scope-3-plus"]);

        Assert.True(Cursor.TryDecode(cursor, ordering, 3, out var keys, out var error), error);
        Assert.Equal((2030, "2021-12-17", "alibaba-scope-3-plus"), (keys[0].GetInt32(), keys[1].GetString(), keys[2].GetString()));
    }

    [Fact]
    public void A_cursor_from_another_ordering_is_refused()
    {
        var cursor = Cursor.Encode(Cursor.Ordering("targetYear:ASC,id:ASC"), [2030, "a"]);

        Assert.False(Cursor.TryDecode(cursor, Cursor.Ordering("targetYear:DESC,id:DESC"), 2, out _, out var error));
        Assert.Contains("another `order`", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("%%%")]
    [InlineData("bm90IGpzb24")]   // "not json"
    [InlineData("WzEsMl0")]       // [1,2]: no ordering
    public void A_malformed_cursor_is_refused(string cursor)
    {
        Assert.False(Cursor.TryDecode(cursor, Cursor.Ordering("id:ASC"), 1, out _, out var error));
        Assert.Contains("is not a valid cursor", error);
    }
}
