#if !DISCLOSURE_POSTGRES
using Disclosure.Api.Store;
using Disclosure.Store.Data;
using Disclosure.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Tests.Store;

/// <summary>The served SQLite store is read through a memory map, on every pooled connection.</summary>
[Collection(ApiTestGroup.Name)]
public sealed class SqliteReadTuningTests(DisclosureApiFactory api)
{
    [Fact]
    public async Task Every_connection_of_the_served_store_reads_through_a_memory_map()
    {
        _ = api.CreateClient(); // starts the host (and ensures the store)
        var contexts = api.Services.GetRequiredService<IDbContextFactory<DisclosureDbContext>>();

        // Several contexts at once: more than one pooled connection, each tuned when first opened.
        var sizes = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA mmap_size;";
            var size = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            await Task.Delay(50); // hold the connection so that the others cannot reuse it
            return size;
        }));

        // SQLite caps the size at its compile-time maximum; 0 would mean no map.
        Assert.All(sizes, size => Assert.InRange(size, 1, SqliteReadTuning.MemoryMapBytes));
    }
}
#endif
