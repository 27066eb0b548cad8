using System.Collections;
using System.Linq.Expressions;
using System.Text.Json;
using Disclosure.Api.DataLoading;
using Disclosure.Store.Data;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Api.Paging;

/// <summary>
/// Resolves connection fields: validates the arguments, filters and orders in SQL, seeks past the cursor
/// (keyset, never OFFSET), fetches one row more than the page to know whether another page follows, reads long
/// text columns only when a field showing them is selected (<see cref="Projection{T}"/>), and counts only when
/// <c>totalCount</c> is selected. Nested connections are loaded for every parent of the level in one
/// batch, with the page taken per parent in SQL.
/// </summary>
public static class ConnectionResolver
{
    public static async Task<object?> RootAsync<T>(IResolveFieldContext context, QuerySpec<T> spec) where T : class
    {
        var args = Arguments<T>.Read(context, spec);
        var contexts = context.RequestServices!.GetRequiredService<IDbContextFactory<DisclosureDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
        var filtered = args.Filter(db, db.Set<T>().AsNoTracking());
        int? total = args.WantsTotal
            ? await context.RequestServices!.GetRequiredService<CountCache>().GetOrCountAsync($"{spec.Entity}|{args.FilterSignature}",
                () => filtered.CountAsync(CancellationToken.None))
            : null;
        if (args.Page.Size == 0 && !args.Page.Backward)
        {
            var any = await args.Seek(filtered).AnyAsync(context.CancellationToken);
            return new Page<T>([], any, args.Page.After is not null, total);
        }
        var page = args.Ordering.Apply(args.Seek(filtered), args.Page.Backward).Take(args.Page.Size + 1);
        var rows = await Projection<T>.Apply(page, args.LeftOut).ToListAsync(context.CancellationToken);
        return args.ToPage(rows, total);
    }

    public static IDataLoaderResult Child<T>(IResolveFieldContext context, QuerySpec<T> spec, Expression<Func<T, string>> parentKey,
        Func<T, string> readParent, string parentId) where T : class
    {
        var args = Arguments<T>.Read(context, spec, nested: true);
        var loader = context.Loaders().Get<string, Page<T>>($"{spec.Entity}By{parentKey}:{args.Signature}", async (db, parentIds, ct) =>
        {
            var ids = parentIds.Distinct().ToList();
            var filtered = args.Filter(db, db.Set<T>().AsNoTracking().Where(In(parentKey, ids)));
            var totals = args.WantsTotal
                ? await filtered.GroupBy(parentKey).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct)
                : null;
            var rows = args.Page.Size == 0
                ? []
                : await Projection<T>.Apply(args.Ordering.TopPerParent(args.Seek(filtered), parentKey, args.Page.Backward, args.Page.Size + 1), args.LeftOut)
                    .ToListAsync(ct);
            var byParent = rows.ToLookup(readParent, StringComparer.Ordinal);
            return ids.ToDictionary(id => id, id =>
            {
                var ordered = args.Ordering.Sort(byParent[id], args.Page.Backward);
                return args.ToPage(ordered, totals is null ? null : totals.GetValueOrDefault(id));
            }, StringComparer.Ordinal);
        });
        return loader.Load(parentId);
    }

    private static Expression<Func<T, bool>> In<T>(Expression<Func<T, string>> key, List<string> ids)
    {
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Param.Of(ids, typeof(List<string>)), key.Body);
        return Expression.Lambda<Func<T, bool>>(contains, key.Parameters);
    }

    private sealed record Arguments<T>(
        QuerySpec<T> Spec, PageRequest Page, Ordering<T> Ordering, IDictionary<string, object?>? Where,
        JsonElement[]? AfterKeys, JsonElement[]? BeforeKeys, bool WantsTotal, string[] LeftOut, string Signature, string FilterSignature) where T : class
    {
        public static Arguments<T> Read(IResolveFieldContext context, QuerySpec<T> spec, bool nested = false)
        {
            var page = PageRequest.From(context.GetArgument<int?>("first"), context.GetArgument<string?>("after"),
                context.GetArgument<int?>("last"), context.GetArgument<string?>("before"), spec.Connection);
            var where = context.Arguments?.TryGetValue("where", out var w) == true ? w.Value as IDictionary<string, object?> : null;
            var order = context.Arguments?.TryGetValue("order", out var o) == true && o.Value is IEnumerable items
                ? items.OfType<IDictionary<string, object?>>().ToList()
                : null;
            var ordering = Ordering<T>.From(spec, order, nested);
            var wantsTotal = context.SubFields?.ContainsKey("totalCount") == true;
            var leftOut = Projection<T>.LeftOut(context, spec);
            // Fields that differ in any of these (the columns read included) never share a batch.
            var signature = JsonSerializer.Serialize(new object?[] { page.Size, page.Backward, page.After, page.Before, Describe(where), Describe(order), ordering.Signature, wantsTotal, leftOut });
            return new Arguments<T>(spec, page, ordering, where, Decode(page.After, ordering), Decode(page.Before, ordering), wantsTotal, leftOut, signature, Describe(where) ?? "");
        }

        public IQueryable<T> Filter(DisclosureDbContext db, IQueryable<T> query) =>
            FilterBuilder.Build(Spec, db, Where) is { } predicate ? query.Where(predicate) : query;

        public IQueryable<T> Seek(IQueryable<T> query)
        {
            if (AfterKeys is not null)
            {
                query = query.Where(Ordering.After(AfterKeys, reverse: false));
            }
            if (BeforeKeys is not null)
            {
                query = query.Where(Ordering.After(BeforeKeys, reverse: true));
            }
            return query;
        }

        /// <summary>Turns the fetched rows (one more than the page, in fetch order) into the page.</summary>
        public Page<T> ToPage(IReadOnlyList<T> rows, int? total)
        {
            var more = rows.Count > Page.Size;
            var items = rows.Take(Page.Size).ToList();
            if (Page.Backward)
            {
                items.Reverse();
            }
            var edges = items.Select(r => new Edge<T>(r, Ordering.CursorOf)).ToList();
            return Page.Backward
                ? new Page<T>(edges, Page.Before is not null, more, total)
                : new Page<T>(edges, more, Page.After is not null, total);
        }

        private static JsonElement[]? Decode(string? cursor, Ordering<T> ordering)
        {
            if (cursor is null)
            {
                return null;
            }
            return Cursor.TryDecode(cursor, ordering.Signature, ordering.Keys.Count, out var keys, out var error)
                ? keys
                : throw new ExecutionError(error!) { Code = "INVALID_CURSOR" };
        }

        private static string? Describe(object? value) => value switch
        {
            null => null,
            IDictionary<string, object?> d => "{" + string.Join(",", d.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{Describe(p.Value)}")) + "}",
            string s => JsonSerializer.Serialize(s),
            IEnumerable e => "[" + string.Join(",", e.Cast<object?>().Select(Describe)) + "]",
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }
}
