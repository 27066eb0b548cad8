using Disclosure.Store.Importing;
using Disclosure.Store.Importing.OpenClimate;

namespace Disclosure.Tests.Importing;

public sealed class OpenClimateLeiImporterTests
{
    [Fact]
    public void The_sample_reads_one_match_per_actor_row()
    {
        var batch = OpenClimateLeiImporter.Read(Fixture.Path("OpenClimate", "sample"));

        Assert.Equal(7, batch.RowsRead);
        Assert.Empty(batch.Rejections);
        Assert.Equal(
            new LeiMatch { At = new("Actor.csv", "row 2"), Lei = "5493000LKVGOO9PELI61", Name = "ABB", Country = "CH", DataSourceId = "GLEIF_golden_copy" },
            batch.Records[0]);
        Assert.Equal(["Ferguson", "FedEx"], batch.Records.Where(m => m.Lei == "549300E707U7WNPZN687").Select(m => m.Name));
    }

    [Fact]
    public void Broken_rows_are_rejected_with_file_row_column_reason_and_value()
    {
        var batch = OpenClimateLeiImporter.Read(Fixture.Path("OpenClimate", "broken"));

        Assert.Equal(
            [
                new ImportRejection(new("Actor.csv", "row 2", "actor_id"), "not an LEI (ISO 17442: 20 characters, MOD 97-10 check digits)", "5493000LKVGOO9PELI62"),
                new ImportRejection(new("Actor.csv", "row 3", "name"), "missing company name", ""),
                new ImportRejection(new("Actor.csv", "row 4", "is_part_of"), "not an ISO 3166-1 alpha-2 code", "CHE"),
            ],
            batch.Rejections);
        Assert.Equal(4, batch.Records.Count);
    }

    [Theory]
    [InlineData("5493000LKVGOO9PELI61", true)]
    [InlineData("549300E707U7WNPZN687", true)]
    [InlineData("5493000LKVGOO9PELI62", false)]
    [InlineData("5493000lkvgoo9peli61", false)]
    [InlineData("5493000LKVGOO9PELI6", false)]
    public void Lei_check_digits(string lei, bool valid) => Assert.Equal(valid, Identifiers.IsLei(lei));

    [Fact]
    public void The_real_crosswalk()
    {
        var batch = OpenClimateLeiImporter.Read(Path.GetDirectoryName(Fixture.Real("openclimate-lei-crosswalk", "Actor.csv"))!);

        Assert.Equal(1017, batch.RowsRead);
        Assert.Empty(batch.Rejections);
        Assert.Equal(1017, batch.Records.Count);
        Assert.Equal(973, batch.Records.Select(m => m.Lei).Distinct().Count());
        Assert.Equal(43, batch.Records.GroupBy(m => m.Lei).Count(g => g.Count() > 1));
    }
}
