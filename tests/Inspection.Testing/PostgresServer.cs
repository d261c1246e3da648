using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace Inspection.Testing;

/// <summary>
/// A real, throwaway PostgreSQL cluster for tests: initdb into a temp folder, started on a free loopback port,
/// stopped and deleted when the test process exits. <see cref="Shared"/> is the one cluster of a test process;
/// a test that needs to stop and restart PostgreSQL creates its own instance so it disturbs no other test.
/// </summary>
/// <remarks>
/// As root (CI), initdb and postgres refuse to run, so every binary runs as the <c>postgres</c> OS user via
/// <c>runuser</c>. A watchdog process holds a pipe from this process: if the test process dies without
/// running its exit handlers (killed), the pipe closes and the watchdog shuts PostgreSQL down and deletes the folder.
/// </remarks>
public sealed partial class PostgresServer : IAsyncDisposable
{
    private const string OsUser = "postgres";

    private static readonly Lazy<PostgresServer> SharedServer = new(() => new PostgresServer(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly bool _asPostgresUser = Environment.IsPrivilegedProcess;
    private readonly string _root;
    private Process? _watchdog;
    private bool _initialised;
    private bool _running;
    private bool _disposed;

    /// <summary>A private cluster (not started yet). <paramref name="binDirectory"/> defaults to PG_BIN or the newest installed version.</summary>
    public PostgresServer(string? binDirectory = null)
    {
        BinDirectory = binDirectory ?? FindBinDirectory();
        // As root the folder must be reachable by the postgres user, which a TMPDIR under /root is not.
        var tempBase = Environment.GetEnvironmentVariable("PG_TEST_TMPDIR")
            ?? (_asPostgresUser ? "/tmp" : Path.GetTempPath());
        _root = Path.Combine(tempBase, "inspection-pg-" + Guid.NewGuid().ToString("N")[..10]);
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The test process's cluster, started on first use of <see cref="CreateDatabaseAsync"/>.</summary>
    public static PostgresServer Shared => SharedServer.Value;

    public string BinDirectory { get; }
    public string DataDirectory => Path.Combine(_root, "data");
    /// <summary>The loopback TCP port; fixed at first start and kept across <see cref="StopAsync"/>/<see cref="StartAsync"/>.</summary>
    public int Port { get; private set; }
    public bool IsRunning => _running;
    /// <summary>How long the first start (initdb + start) took.</summary>
    public TimeSpan StartupTime { get; private set; }

    public string GetConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            IncludeErrorDetail = true,
        }.ConnectionString;

    /// <summary>Creates a fresh empty database, starting the cluster first if it never ran, and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null, CancellationToken ct = default)
    {
        if (!_initialised) await StartAsync(ct).ConfigureAwait(false);
        var name = DatabaseName(prefix);
        var admin = new NpgsqlConnectionStringBuilder(GetConnectionString("postgres")) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"create database \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        return GetConnectionString(name);
    }

    /// <summary>Starts the cluster: initdb on first call, otherwise restarts the same data directory on the same port.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_running) return;
            if (!_initialised)
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    await InitialiseAsync(ct).ConfigureAwait(false);
                    await StartFirstTimeAsync(ct).ConfigureAwait(false);
                }
                catch
                {
                    // Leave nothing behind, so a later attempt starts from an empty folder.
                    DetachWatchdog();
                    DeleteRoot();
                    throw;
                }
                _initialised = true;
                StartupTime = clock.Elapsed;
            }
            else
            {
                await PgCtlStartAsync(ct).ConfigureAwait(false);
            }
            _running = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Stops PostgreSQL, keeping its data. Fast mode terminates client sessions (as an operator would);
    /// <paramref name="immediate"/> kills it as a crash would.
    /// </summary>
    public async Task StopAsync(bool immediate = false)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_running) return;
            await PgCtlStopAsync(immediate ? "immediate" : "fast", CancellationToken.None).ConfigureAwait(false);
            _running = false;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed) return;
            _disposed = true;
            if (_running) await PgCtlStopAsync("immediate", CancellationToken.None).ConfigureAwait(false);
            _running = false;
            DetachWatchdog();
            DeleteRoot();
        }
        finally
        {
            _gate.Release();
        }
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        // Exit handlers must be synchronous; an immediate stop is enough for a cluster about to be deleted.
        if (_disposed) return;
        _disposed = true;
        try
        {
            if (_running) RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["stop", "-s", "-w", "-m", "immediate", "-D", DataDirectory], CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            // Leave the rest to the watchdog, which stops it when this process's pipe closes.
            return;
        }
        _running = false;
        DetachWatchdog();
        DeleteRoot();
    }

    private async Task InitialiseAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(_root);
        if (_asPostgresUser)
        {
            await EnsureOsUserAsync(ct).ConfigureAwait(false);
            await RunAsync("chown", [$"{OsUser}:", _root], ct, asPostgres: false).ConfigureAwait(false);
        }
        StartWatchdog();
        await RunAsync(Path.Combine(BinDirectory, "initdb"),
            ["-D", DataDirectory, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"], ct).ConfigureAwait(false);

        // Durability is worthless for a cluster that is deleted after the run; speed is not.
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), $"""

            # Inspection test harness
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{_root}'
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            max_connections = 300
            shared_buffers = 64MB
            log_min_messages = warning

            """, ct).ConfigureAwait(false);
    }

    private async Task StartFirstTimeAsync(CancellationToken ct)
    {
        // A free port can be taken between probing and binding; try another one then.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreeLoopbackPort();
            try
            {
                await PgCtlStartAsync(ct).ConfigureAwait(false);
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    private Task PgCtlStartAsync(CancellationToken ct) =>
        RunAsync(Path.Combine(BinDirectory, "pg_ctl"),
            ["start", "-s", "-w", "-t", "60", "-D", DataDirectory, "-l", Path.Combine(_root, "postgres.log"), "-o", $"-p {Port}"], ct);

    private Task PgCtlStopAsync(string mode, CancellationToken ct) =>
        RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["stop", "-s", "-w", "-t", "60", "-m", mode, "-D", DataDirectory], ct);

    private void StartWatchdog()
    {
        // Waits on stdin. "detach" means we cleaned up ourselves; end of file without it means this process died.
        const string script = """
            if read -r word && [ "$word" = detach ]; then exit 0; fi
            pid=$(head -n 1 "$1/data/postmaster.pid" 2>/dev/null) && kill -QUIT "$pid" 2>/dev/null
            i=0
            while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
            rm -rf "$1"
            """;
        var start = StartInfo("/bin/sh", ["-c", script, "inspection-pg-watchdog", _root], asPostgres: true);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = false;
        start.RedirectStandardError = false;
        _watchdog = Process.Start(start) ?? throw new InvalidOperationException("Could not start the PostgreSQL watchdog.");
    }

    private void DetachWatchdog()
    {
        if (_watchdog is null) return;
        try
        {
            _watchdog.StandardInput.WriteLine("detach");
            _watchdog.StandardInput.Close();
            _watchdog.WaitForExit(5000);
        }
        catch (IOException)
        {
        }
        _watchdog.Dispose();
        _watchdog = null;
    }

    private void DeleteRoot()
    {
        try
        {
            if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static async Task EnsureOsUserAsync(CancellationToken ct)
    {
        var passwd = await File.ReadAllLinesAsync("/etc/passwd", ct).ConfigureAwait(false);
        if (passwd.Any(line => line.StartsWith(OsUser + ":", StringComparison.Ordinal))) return;
        await RunProcessAsync(StartInfoFor("useradd", ["--system", "--user-group", "--no-create-home", OsUser]), ct).ConfigureAwait(false);
    }

    private Task RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken ct, bool asPostgres = true) =>
        RunProcessAsync(StartInfo(fileName, arguments, asPostgres), ct);

    private ProcessStartInfo StartInfo(string fileName, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = asPostgres && _asPostgresUser
            ? StartInfoFor("runuser", ["-u", OsUser, "--", fileName, .. arguments])
            : StartInfoFor(fileName, arguments);
        if (Directory.Exists(_root)) start.WorkingDirectory = _root;
        return start;
    }

    private static ProcessStartInfo StartInfoFor(string fileName, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // A developer's PG* settings must not redirect the harness to another cluster.
        foreach (var variable in new[] { "PGDATA", "PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGOPTIONS", "PGPASSWORD", "PGSERVICE" })
            start.Environment.Remove(variable);
        start.Environment["LC_ALL"] = "C";
        start.Environment["LANG"] = "C";
        return start;
    }

    private static async Task RunProcessAsync(ProcessStartInfo start, CancellationToken ct)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        var output = (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{start.FileName} {string.Join(' ', start.ArgumentList)}' exited with {process.ExitCode}: {output.Trim()}");
        }
    }

    private static string FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!File.Exists(Path.Combine(configured, "initdb")))
                throw new InvalidOperationException($"PG_BIN is '{configured}' but it holds no initdb.");
            return configured;
        }
        const string installRoot = "/usr/lib/postgresql";
        var newest = Directory.Exists(installRoot)
            ? Directory.GetDirectories(installRoot)
                .Select(dir => (dir, version: int.TryParse(Path.GetFileName(dir), out var v) ? v : -1))
                .Where(x => x.version >= 0 && File.Exists(Path.Combine(x.dir, "bin", "initdb")))
                .OrderByDescending(x => x.version)
                .Select(x => Path.Combine(x.dir, "bin"))
                .FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries found in /usr/lib/postgresql/*/bin; run deploy/local/prerequisites.sh or set PG_BIN.");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string DatabaseName(string? prefix)
    {
        var clean = UnsafeCharacters().Replace((prefix ?? "test").ToLowerInvariant(), "_").Trim('_');
        if (clean.Length == 0) clean = "test";
        if (clean.Length > 30) clean = clean[..30];
        return $"{clean}_{Guid.NewGuid():N}";
    }

    [GeneratedRegex("[^a-z0-9_]+")]
    private static partial Regex UnsafeCharacters();
}
