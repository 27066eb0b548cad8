using Disclosure.Tests.Infrastructure;
using Npgsql;

namespace Disclosure.Tests.Postgres;

/// <summary>The PostgreSQL suite needs its server: without DISCLOSURE_TEST_POSTGRES it fails (saying what to do), it never skips.</summary>
public sealed class PostgresServerTests
{
    [Fact]
    public async Task The_test_server_is_configured_and_answers()
    {
        await using var connection = new NpgsqlConnection(TestProvider.PostgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW server_version", connection);
        Assert.NotNull(await command.ExecuteScalarAsync());
    }
}
