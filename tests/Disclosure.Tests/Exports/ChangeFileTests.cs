using Disclosure.Store.Exports;

namespace Disclosure.Tests.Exports;

/// <summary>
/// A change file is read from any record without decompressing it from its start: its gzip members of
/// <see cref="ChangeFileWriter.BlockSize"/> records are indexed, and a page seeks to the member that holds it.
/// </summary>
public sealed class ChangeFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("disclosure-changes-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Pages_read_from_the_index_get_every_change_once_in_order_without_reading_the_start()
    {
        // Arrange: 2.5 blocks of changes.
        var path = Path.Combine(_folder, "changes.ndjson.gz");
        var records = Enumerable.Range(0, 2 * ChangeFileWriter.BlockSize + 500).Select(i => new ChangeRecord
        {
            Kind = (ChangeKind)(i % 3), Entity = "Figure", Id = $"figure-{i:D5}", To = "sha256:new", From = "sha256:old",
            Fields = i % 3 == 2 ? [new FieldChange("value", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "0")] : [],
        }).ToList();
        await using (var writer = new ChangeFileWriter(path, ChangeRecord.IndexPath(path), Path.Combine(_folder, "changes.parquet"), 1000))
        {
            foreach (var record in records)
            {
                await writer.WriteAsync(record, CancellationToken.None);
            }
            await writer.CompleteAsync(CancellationToken.None);
        }

        // Act: pages of 100, each read from its own position.
        var read = new List<ChangeRecord>();
        for (var page = 0L; ; page += 100)
        {
            var records100 = ChangeRecord.Read(path, skip: page).Take(100).ToList();
            if (records100.Count == 0)
            {
                break;
            }
            read.AddRange(records100);
        }

        // Assert: every change once, in order; the whole file is one valid gzip of all of them.
        Assert.Equal(records.Select(r => (r.Kind, r.Id, r.Fields.Count)), read.Select(r => (r.Kind, r.Id, r.Fields.Count)));
        Assert.Equal(records.Count, ChangeRecord.Read(path).Count());
        Assert.Equal(3 * sizeof(long), new FileInfo(ChangeRecord.IndexPath(path)).Length);

        // The first member is overwritten with garbage: a page past it is still read, so it is never decompressed.
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            file.Write(new byte[64]);
        }
        Assert.Equal(records[2 * ChangeFileWriter.BlockSize + 10].Id, ChangeRecord.Read(path, skip: 2 * ChangeFileWriter.BlockSize + 10).First().Id);
        Assert.Equal(records[ChangeFileWriter.BlockSize].Id, ChangeRecord.Read(path, skip: ChangeFileWriter.BlockSize).First().Id);
        Assert.ThrowsAny<Exception>(() => ChangeRecord.Read(path, skip: 10).First());
    }
}
