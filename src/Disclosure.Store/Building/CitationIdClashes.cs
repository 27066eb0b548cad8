using System.Data.Common;
using Disclosure.Store.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Disclosure.Store.Building;

/// <summary>
/// Two different citations whose IDs clash. A citation's ID is the first 16 hex digits of a SHA-256 of what it says
/// (<see cref="Citation.StableId"/>), so two citations that say different things can share one (a 64-bit prefix
/// collision: for 5 million citations, about one build in 1.5 million). Before the unique index on <c>Citations.Id</c>
/// is built, the clashes in the rows loaded are resolved: the SQLite builder looks for them first (a sort of the IDs,
/// about 8 s for 5 million citations: its load runs without a journal, so a failed <c>CREATE INDEX</c> could not be
/// rolled back), the PostgreSQL builder when building the index fails (rolled back to a savepoint; nothing is spent
/// otherwise). The resolution depends on what the citations say, not on their order in the seed: in each
/// group of citations sharing an ID, ordered by their whole SHA-256 (then subject and ordinal), the first keeps the
/// ID and each other one gets its own hash lengthened to 32 hex digits (48, 64 if those clash too), with its
/// <c>-2</c>, <c>-3</c>… suffix kept. A 32-digit ID cannot equal a 16-digit one, so nothing else is renamed.
/// </summary>
internal static class CitationIdClashes
{
    /// <summary>The unique index on <c>Citations.Id</c>, as its <c>CREATE INDEX</c> statement names it.</summary>
    public static string IndexName(IModel model) =>
        model.FindEntityType(typeof(Citation))!.GetIndexes().Single(i => i.IsUnique && i.Properties is [{ Name: nameof(Citation.Id) }]).GetDatabaseName()!;

    /// <summary>A citation loaded with a clashing ID: its key, what its ID is made of, and the ID it has.</summary>
    public sealed record Row(string SubjectType, string SubjectId, int Ordinal, string SourceId, string? Quote, string? Recorded, string? Page, string Id)
    {
        public string FullHash => Citation.StableId(SubjectType, SubjectId, SourceId, Quote, Recorded, Page, Citation.FullIdLength);

        /// <summary>What follows the 16 hex digits: <c>-2</c>… for a second citation of one fact saying the same.</summary>
        public string Suffix => Id.Length > Citation.IdLength ? Id[Citation.IdLength..] : "";
    }

    /// <summary>The new IDs of the rows that must change (the first of each group keeps its ID), deterministically.</summary>
    public static IReadOnlyList<(Row Row, string Id)> Resolve(IEnumerable<Row> rows)
    {
        var changes = new List<(Row, string)>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in rows.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(r => r.FullHash, StringComparer.Ordinal).ThenBy(r => r.SubjectType, StringComparer.Ordinal)
                .ThenBy(r => r.SubjectId, StringComparer.Ordinal).ThenBy(r => r.Ordinal).ToList();
            foreach (var row in ordered.Skip(1))
            {
                var id = Enumerable.Range(2, 3).Select(n => row.FullHash[..(n * Citation.IdLength)] + row.Suffix).FirstOrDefault(taken.Add)
                    ?? throw new InvalidOperationException($"store build: citation {row.SubjectType}:{row.SubjectId}#{row.Ordinal} has the same SHA-256 as another one");
                changes.Add((row, id));
            }
        }
        return changes;
    }

    /// <summary>Finds the citations that share an ID in the loaded rows and gives them their resolved IDs. Returns how many changed.</summary>
    public static int Apply(DbConnection connection, DbTransaction? transaction)
    {
        using (var any = connection.CreateCommand())
        {
            any.Transaction = transaction;
            any.CommandText = """SELECT 1 FROM "Citations" GROUP BY "Id" HAVING COUNT(*) > 1 LIMIT 1""";
            if (any.ExecuteScalar() is null)
            {
                return 0;
            }
        }
        var rows = new List<Row>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = """
                SELECT "SubjectType", "SubjectId", "Ordinal", "SourceId", "Quote", "Recorded", "Page", "Id" FROM "Citations"
                WHERE "Id" IN (SELECT "Id" FROM "Citations" GROUP BY "Id" HAVING COUNT(*) > 1)
                """;
            using var reader = select.ExecuteReader();
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            while (reader.Read())
            {
                rows.Add(new Row(reader.GetString(0), reader.GetString(1), Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
                    reader.GetString(3), Text(4), Text(5), Text(6), reader.GetString(7)));
            }
        }
        var changes = Resolve(rows);
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = """UPDATE "Citations" SET "Id" = @id WHERE "SubjectType" = @type AND "SubjectId" = @subject AND "Ordinal" = @ordinal""";
        foreach (var (row, id) in changes)
        {
            update.Parameters.Clear();
            Add(update, "id", id);
            Add(update, "type", row.SubjectType);
            Add(update, "subject", row.SubjectId);
            Add(update, "ordinal", row.Ordinal);
            update.ExecuteNonQuery();
        }
        return changes.Count;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
