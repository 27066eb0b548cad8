namespace Disclosure.Store.Data;

/// <summary>
/// Row-value comparisons for keyset paging: <c>After(key, id, k, i)</c> is SQL <c>(key, id) &gt; (k, i)</c>, which
/// SQLite and PostgreSQL answer with one index seek, however many rows share <c>key</c>. EF Core has no LINQ form
/// for row values, so these are mapped database functions (see <see cref="DisclosureDbContext"/>); they only run in SQL.
/// </summary>
public static class KeysetFunctions
{
    public static bool After(int key, string id, int afterKey, string afterId) => throw InSqlOnly();
    public static bool After(double key, string id, double afterKey, string afterId) => throw InSqlOnly();
    public static bool After(string key, string id, string afterKey, string afterId) => throw InSqlOnly();
    public static bool After(DateOnly key, string id, DateOnly afterKey, string afterId) => throw InSqlOnly();
    public static bool Before(int key, string id, int beforeKey, string beforeId) => throw InSqlOnly();
    public static bool Before(double key, string id, double beforeKey, string beforeId) => throw InSqlOnly();
    public static bool Before(string key, string id, string beforeKey, string beforeId) => throw InSqlOnly();
    public static bool Before(DateOnly key, string id, DateOnly beforeKey, string beforeId) => throw InSqlOnly();

    private static NotSupportedException InSqlOnly() => new("Keyset comparisons run in the store's SQL only.");
}
