// Both this program and the API have a top-level Program: the API's is reached through its alias.
extern alias api;

using System.Diagnostics;
using System.Globalization;
using Disclosure.Store.Building;
using Disclosure.Store.Data;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Benchmarks;

/// <summary>
/// <c>projection --store FILE [--seconds N]</c>: does fetching only the selected columns pay? Reads a page of 100
/// rows of the large connections as the API does (keyset order, one row more than the page), once with every
/// column and once without the long text columns a query may leave out, and prints the time and memory of each
/// and their ratio. (References asked only for their key are already answered without any query: see
/// <c>References</c> in the API.)
/// </summary>
internal static class ProjectionBenchmark
{
    public static async Task<int> RunAsync(string store, int seconds)
    {
        var options = new DbContextOptionsBuilder<DisclosureDbContext>()
            .UseSqlite(StoreBuilder.ReadOnlyConnectionString(store))
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .Options;
        Console.WriteLine($"store: {store}; a page of 100 rows (101 fetched), {seconds} s per variant, variants alternated");
        await CompareAsync(options, seconds, "figures (Note, ConfidenceNote, Subject left out)",
            db => db.Figures.OrderBy(f => f.PeriodStart).ThenBy(f => f.Id).Take(101),
            [nameof(Figure.Subject), nameof(Figure.ConfidenceNote), nameof(Figure.Note)]);
        await CompareAsync(options, seconds, "targets (Text left out)",
            db => db.Targets.OrderBy(t => t.TargetYear).ThenBy(t => t.Id).Take(101),
            [nameof(Target.Text)]);
        await CompareAsync(options, seconds, "organizations (Mission left out)",
            db => db.Organizations.OrderBy(o => o.Name).ThenBy(o => o.Id).Take(101),
            [nameof(Organization.Mission)]);
        return 0;
    }

    private static async Task CompareAsync<T>(DbContextOptions<DisclosureDbContext> options, int seconds, string name,
        Func<DisclosureDbContext, IQueryable<T>> page, string[] leftOut) where T : class
    {
        // The API's own projection, as a connection applies it.
        Func<DisclosureDbContext, Task<int>> all = async db => (await page(db).ToListAsync()).Count;
        Func<DisclosureDbContext, Task<int>> projected = async db => (await api::Disclosure.Api.Paging.Projection<T>.Apply(page(db), leftOut).ToListAsync()).Count;
        // Warm both (query compilation, JIT), then alternate one-second slices so that load on the machine falls on both alike.
        foreach (var run in new[] { all, projected })
        {
            await MeasureAsync(options, run, TimeSpan.FromSeconds(1));
        }
        var (fullTime, fullBytes, fullCount) = (0.0, 0L, 0L);
        var (projTime, projBytes, projCount) = (0.0, 0L, 0L);
        for (var slice = 0; slice < seconds; slice++)
        {
            var a = await MeasureAsync(options, all, TimeSpan.FromSeconds(0.5));
            var b = await MeasureAsync(options, projected, TimeSpan.FromSeconds(0.5));
            (fullTime, fullBytes, fullCount) = (fullTime + a.Milliseconds, fullBytes + a.Bytes, fullCount + a.Count);
            (projTime, projBytes, projCount) = (projTime + b.Milliseconds, projBytes + b.Bytes, projCount + b.Count);
        }
        var (fullMs, projMs) = (fullTime / fullCount, projTime / projCount);
        var (fullKiB, projKiB) = (fullBytes / 1024.0 / fullCount, projBytes / 1024.0 / projCount);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-50} every column {fullMs,6:F3} ms {fullKiB,6:F0} KiB | selected columns {projMs,6:F3} ms {projKiB,6:F0} KiB | time {projMs / fullMs:F2}x, memory {projKiB / fullKiB:F2}x"));
    }

    private static async Task<(double Milliseconds, long Bytes, long Count)> MeasureAsync(
        DbContextOptions<DisclosureDbContext> options, Func<DisclosureDbContext, Task<int>> run, TimeSpan duration)
    {
        var count = 0L;
        var allocated = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            await using var db = new DisclosureDbContext(options);
            if (await run(db) != 101)
            {
                throw new InvalidOperationException("The store has fewer than 101 rows: measure a synthetic store.");
            }
            count++;
        }
        return (clock.Elapsed.TotalMilliseconds, GC.GetTotalAllocatedBytes() - allocated, count);
    }
}
