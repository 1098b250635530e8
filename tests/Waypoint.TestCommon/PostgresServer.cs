using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace Waypoint.TestCommon;

/// <summary>
/// A throwaway PostgreSQL cluster started from the machine's own PostgreSQL binaries on a free port, shared by
/// every test in the process and removed when the process exits. Without the binaries the PostgreSQL tests are
/// skipped, except under CI=true, where a missing PostgreSQL fails the run.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer?> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static string? unavailableReason;
    private readonly string dataDirectory;
    private readonly string binDirectory;
    private readonly bool runAsPostgresUser;
    private int databaseCounter;

    private PostgresServer(string binDirectory, string dataDirectory, int port, bool runAsPostgresUser)
    {
        this.binDirectory = binDirectory;
        this.dataDirectory = dataDirectory;
        this.runAsPostgresUser = runAsPostgresUser;
        Port = port;
    }

    public int Port { get; }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The running server; skips the calling test when PostgreSQL is not installed (fails it under CI=true).</summary>
    public static PostgresServer Require()
    {
        var server = Instance.Value;
        if (server is null)
        {
            if (IsCi)
            {
                throw new InvalidOperationException($"CI=true and PostgreSQL is not available: {unavailableReason}");
            }

            Skip.If(true, $"PostgreSQL is not available: {unavailableReason}");
        }

        return server!;
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public string CreateDatabase(string prefix)
    {
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref databaseCounter)}".ToLowerInvariant();
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        command.ExecuteNonQuery();
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name};Include Error Detail=true";
    }

    private static PostgresServer? Start()
    {
        var bin = FindBinaries();
        if (bin is null)
        {
            unavailableReason = "no initdb/pg_ctl found under /usr/lib/postgresql/*/bin or PG_BIN";
            return null;
        }

        var runAsPostgres = Environment.UserName == "root";
        RemoveAbandonedClusters(bin, runAsPostgres);
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"waypoint-pg-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        if (runAsPostgres)
        {
            Run("chown", ["postgres:postgres", dataDirectory], asPostgres: false);
        }

        Run(Path.Combine(bin, "initdb"), ["-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C"], runAsPostgres);

        // The port is free when looked up but not held: the three test processes start clusters at the same moment, and
        // any process may take the port before the server binds it. Then the start fails, saying so in its log: try
        // another port.
        var log = Path.Combine(dataDirectory, "server.log");
        int port;
        for (var attempt = 1; ; attempt++)
        {
            port = FreePort();
            try
            {
                Run(Path.Combine(bin, "pg_ctl"), ["-D", dataDirectory, "-l", log, "-w", "-t", "60", "-o",
                    $"-p {port} -k {dataDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start"], runAsPostgres);
                break;
            }
            catch (InvalidOperationException) when (attempt < 3 && File.Exists(log) && File.ReadAllText(log).Contains("could not bind", StringComparison.Ordinal))
            {
            }
        }

        var server = new PostgresServer(bin, dataDirectory, port, runAsPostgres);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private void Stop()
    {
        try
        {
            Run(Path.Combine(binDirectory, "pg_ctl"), ["-D", dataDirectory, "-m", "immediate", "-w", "stop"], runAsPostgresUser);
        }
        finally
        {
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>
    /// A test host that is killed (rather than exiting) never runs its exit handler, so its cluster keeps running.
    /// Each cluster's folder is named after the process that started it; stop and delete those whose process is gone.
    /// </summary>
    private static void RemoveAbandonedClusters(string bin, bool runAsPostgres)
    {
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), "waypoint-pg-*"))
        {
            var parts = Path.GetFileName(directory).Split('-');
            if (parts.Length < 3 || !int.TryParse(parts[2], out var owner) || IsRunning(owner))
            {
                continue;
            }

            try
            {
                if (File.Exists(Path.Combine(directory, "postmaster.pid")))
                {
                    Run(Path.Combine(bin, "pg_ctl"), ["-D", directory, "-m", "immediate", "-w", "stop"], runAsPostgres);
                }

                Directory.Delete(directory, recursive: true);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                // Another test process may be removing it at the same time; it is only a clean-up.
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string? FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("PG_BIN");
        if (configured is not null && File.Exists(Path.Combine(configured, "initdb")))
        {
            return configured;
        }

        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("postgres");
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(file);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} did not finish within 2 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }
}
