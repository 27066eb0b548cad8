using Npgsql;

namespace Disclosure.Tests.Infrastructure;

/// <summary>
/// Which database the suite runs against. tests/Disclosure.Tests runs it on SQLite; tests/Disclosure.Tests.Postgres
/// compiles the same sources with DISCLOSURE_POSTGRES and runs it on PostgreSQL, each factory and store in a fresh
/// database on the server named by the environment variable DISCLOSURE_TEST_POSTGRES.
/// </summary>
public static class TestProvider
{
    public const string ServerVariable = "DISCLOSURE_TEST_POSTGRES";

    /// <summary>True in the PostgreSQL suite (compiled with DISCLOSURE_POSTGRES).</summary>
#if DISCLOSURE_POSTGRES
    public static bool IsPostgres { get; } = true;
#else
    public static bool IsPostgres { get; }
#endif

    /// <summary>
    /// The PostgreSQL server's connection string: DISCLOSURE_TEST_POSTGRES when set (.ci/run sets it), otherwise a
    /// throwaway server this test process starts from the installed binaries (<see cref="ThrowawayServers"/>).
    /// </summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
            ? server
            : ThrowawayServers.Postgres.ConnectionString;
}

/// <summary>A fresh, uniquely named PostgreSQL database, dropped on dispose.</summary>
public sealed class PostgresTestDatabase : IDisposable
{
    private readonly string _server;

    public PostgresTestDatabase()
    {
        _server = TestProvider.PostgresServer;
        Name = $"disclosure_test_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{Name}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = Name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public void Dispose()
    {
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        Execute($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
