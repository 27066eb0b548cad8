using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Disclosure.Tests.Infrastructure;

/// <summary>
/// The servers the suite needs when <c>DISCLOSURE_TEST_POSTGRES</c> / <c>DISCLOSURE_TEST_REDIS</c> are not set: started
/// once per test process from the installed Debian binaries, the way <c>.ci/run</c> does (127.0.0.1 only, a free port,
/// a temporary folder), stopped and removed when the process exits. A missing binary fails with the command that
/// installs it.
/// </summary>
public static class ThrowawayServers
{
    private static readonly Lazy<ThrowawayPostgres> SharedPostgres = new(() => Register(ThrowawayPostgres.Start()));
    private static readonly Lazy<ThrowawayRedis> SharedRedis = new(() => Register(ThrowawayRedis.Start()));

    /// <summary>This test process's PostgreSQL (started on first use).</summary>
    public static ThrowawayPostgres Postgres => SharedPostgres.Value;

    /// <summary>This test process's Redis (started on first use).</summary>
    public static ThrowawayRedis Redis => SharedRedis.Value;

    private static T Register<T>(T server) where T : IDisposable
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server;
    }

    /// <summary>A loopback port nothing listened on a moment ago (never .ci/run's 55432 and 56379).</summary>
    public static int FreePort()
    {
        while (true)
        {
            var port = TestRedis.ClosedPort();
            if (port is not (55432 or 56379))
            {
                return port;
            }
        }
    }

    internal static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{program} did not finish within {timeout.TotalSeconds:0} s");
        }
        return (process.ExitCode, output.GetAwaiter().GetResult() + error.GetAwaiter().GetResult());
    }

    internal static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    internal static bool IsRoot => Environment.UserName == "root";

    internal static void TryDelete(string directory)
    {
        // A server that was just stopped may still be removing its own files: try a few times.
        for (var attempt = 0; attempt < 10 && Directory.Exists(directory); attempt++)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(100);
            }
        }
    }
}

/// <summary>A private PostgreSQL cluster (Debian's server binaries; as the postgres user when running as root).</summary>
public sealed class ThrowawayPostgres : IDisposable
{
    private readonly string _bin;
    private readonly string _directory;
    private bool _disposed;

    private ThrowawayPostgres(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Superuser, trust authentication, loopback only.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres";

    public static ThrowawayPostgres Start()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException(
                $"{TestProvider.ServerVariable} is not set and PostgreSQL's server is not installed (no /usr/lib/postgresql/*/bin/initdb): " +
                "install it with `sudo apt-get install -y postgresql`, or set " + TestProvider.ServerVariable + ".");
        }
        var directory = Directory.CreateTempSubdirectory("disclosure-test-pg-").FullName;
        var server = new ThrowawayPostgres(bin, directory, ThrowawayServers.FreePort());
        try
        {
            if (ThrowawayServers.IsRoot)
            {
                server.Check(ThrowawayServers.Run("chown", ["postgres:", directory], TimeSpan.FromSeconds(10)), "chown");
            }
            server.Check(server.PgRun("initdb", ["-D", server.DataDirectory, "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8",
                "--auth-local=trust", "--auth-host=trust", "--no-sync"], TimeSpan.FromSeconds(60)), "initdb");
            server.StartAgain();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    private string DataDirectory => Path.Combine(_directory, "data");

    /// <summary>Starts the server (again, after <see cref="Stop"/>), on the same port and data.</summary>
    public void StartAgain() =>
        Check(PgRun("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60", "-o",
            $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c full_page_writes=off -c synchronous_commit=off",
            "start"], TimeSpan.FromSeconds(70)), "pg_ctl start");

    /// <summary>Stops the server (fast: sessions are disconnected).</summary>
    public void Stop() =>
        Check(PgRun("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "-t", "30", "stop"], TimeSpan.FromSeconds(40)), "pg_ctl stop");

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            PgRun("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "-t", "10", "stop"], TimeSpan.FromSeconds(15));
        }
        ThrowawayServers.TryDelete(_directory);
    }

    private (int ExitCode, string Output) PgRun(string tool, string[] arguments, TimeSpan timeout) =>
        ThrowawayServers.IsRoot // PostgreSQL refuses to run as root
            ? ThrowawayServers.Run("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments], timeout)
            : ThrowawayServers.Run(Path.Combine(_bin, tool), arguments, timeout);

    private void Check((int ExitCode, string Output) result, string what)
    {
        if (result.ExitCode != 0)
        {
            var log = Path.Combine(_directory, "server.log");
            throw new InvalidOperationException($"{what} failed ({result.ExitCode}): {result.Output}{(File.Exists(log) ? File.ReadAllText(log) : "")}");
        }
    }
}

/// <summary>A private redis-server: no persistence, loopback only.</summary>
public sealed class ThrowawayRedis : IDisposable
{
    private readonly string _directory;
    private bool _disposed;

    private ThrowawayRedis(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public static ThrowawayRedis Start()
    {
        var server = ThrowawayServers.FindOnPath("redis-server") ?? throw new InvalidOperationException(
            $"{TestRedis.Variable} is not set and redis-server is not installed: install it with `sudo apt-get install -y redis-server`, or set {TestRedis.Variable}.");
        var directory = Directory.CreateTempSubdirectory("disclosure-test-redis-").FullName;
        var redis = new ThrowawayRedis(directory, ThrowawayServers.FreePort());
        var started = ThrowawayServers.Run(server, ["--port", redis.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--daemonize", "yes", "--dir", directory, "--pidfile", Path.Combine(directory, "redis.pid"),
            "--logfile", Path.Combine(directory, "redis.log")], TimeSpan.FromSeconds(10));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (started.ExitCode == 0 && !redis.Answers())
        {
            if (DateTime.UtcNow > deadline)
            {
                redis.Dispose();
                throw new InvalidOperationException($"redis-server on {redis.Address} did not answer PING within 10 s.");
            }
            Thread.Sleep(50);
        }
        if (started.ExitCode != 0)
        {
            redis.Dispose();
            throw new InvalidOperationException($"redis-server failed ({started.ExitCode}): {started.Output}");
        }
        Watch(directory);
        return redis;
    }

    /// <summary>
    /// The daemonized server outlives a test host that exits without running ProcessExit handlers (seen on CI-like
    /// runs: a redis-server was left running). A detached shell waits for this process to end, then stops the server
    /// and removes its folder; it ends with the test process.
    /// </summary>
    private static void Watch(string directory)
    {
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; " +
                     $"kill \"$(cat '{directory}/redis.pid' 2>/dev/null)\" 2>/dev/null; sleep 1; rm -rf '{directory}'";
        using var watcher = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/bin/sh", ["-c", $"({script}) >/dev/null 2>&1 &"])
        {
            UseShellExecute = false, RedirectStandardInput = false, RedirectStandardOutput = false, RedirectStandardError = false,
        });
        watcher?.WaitForExit(5000);
    }

    private bool Answers()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", Port);
            client.ReceiveTimeout = 1000;
            var stream = client.GetStream();
            stream.Write("PING\r\n"u8);
            var buffer = new byte[16];
            var read = stream.Read(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        var pidFile = Path.Combine(_directory, "redis.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(5000);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
        }
        ThrowawayServers.TryDelete(_directory);
    }
}
