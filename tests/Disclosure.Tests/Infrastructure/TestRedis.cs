using System.Net;
using System.Net.Sockets;

namespace Disclosure.Tests.Infrastructure;

/// <summary>
/// The Redis server the scale-out tests share: its address comes from <c>DISCLOSURE_TEST_REDIS</c> (<c>.ci/run</c>
/// starts one on 127.0.0.1:56379 and sets it); unset, the tests start their own (<see cref="ThrowawayServers"/>).
/// Without redis-server installed the tests that need it fail saying how to install it: they are never skipped.
/// </summary>
public static class TestRedis
{
    public const string Variable = "DISCLOSURE_TEST_REDIS";

    /// <summary>DISCLOSURE_TEST_REDIS when set, otherwise a throwaway redis-server this test process starts (<see cref="ThrowawayServers"/>).</summary>
    public static string Address =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } address
            ? address
            : ThrowawayServers.Redis.Address;

    /// <summary>A key prefix no other test uses, so tests sharing the server never see each other's entries.</summary>
    public static string UniqueInstanceName(string test) => $"disclosure-tests:{test}:{Guid.NewGuid():N}:";

    /// <summary>The settings that put a factory's output cache in the test Redis under <paramref name="instanceName"/>.</summary>
    public static Dictionary<string, string> Settings(string instanceName) => new()
    {
        ["ConnectionStrings:Redis"] = Address,
        ["Caching:Redis:InstanceName"] = instanceName,
        // These tests are about sharing, not latency: on a loaded 2-core machine the first Redis operation (connect
        // included) can take longer than the 1 s default, which would (rightly) start a 30 s back-off and no sharing.
        ["Caching:Redis:OperationTimeout"] = "00:00:15",
    };

    /// <summary>A 127.0.0.1 port nothing listens on (it was free a moment ago): a Redis that is down.</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
