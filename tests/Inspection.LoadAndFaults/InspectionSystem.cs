using Grpc.Net.Client;
using Grpc.Core;
using Inspection.Testing;
using Npgsql;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Inspection.LoadAndFaults;

/// <summary>
/// The four services as real processes (their Release build output, as the run command starts them) over one
/// PostgreSQL cluster, each on loopback ports fixed for the life of this object so a killed service comes back where
/// the others and the clients expect it. The databases carry deploy/services.json's names.
/// </summary>
public sealed class InspectionSystem : IAsyncDisposable
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(120);

    private readonly Dictionary<string, (int Grpc, int Http)> _ports;
    private readonly Dictionary<string, ServiceProcess> _running = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GrpcChannel> _channels = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string?> _extraEnvironment;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private InspectionSystem(PostgresServer postgres, IReadOnlyDictionary<string, string?> extraEnvironment)
    {
        Postgres = postgres;
        _extraEnvironment = extraEnvironment;
        _ports = ServiceTopology.Services.ToDictionary(s => s.AppId, _ => (LoopbackPort.Free(), LoopbackPort.Free()), StringComparer.Ordinal);
    }

    public PostgresServer Postgres { get; }

    /// <summary>
    /// Starts every service against <paramref name="postgres"/> (running), one after the other in deploy/services.json's
    /// order, each once the one before is SERVING. <paramref name="createDatabases"/>: create the empty databases first.
    /// </summary>
    public static async Task<InspectionSystem> StartAsync(
        PostgresServer postgres, bool createDatabases, IReadOnlyDictionary<string, string?>? extraEnvironment = null)
    {
        await postgres.StartAsync();
        if (createDatabases) await CreateDatabasesAsync(postgres);
        var system = new InspectionSystem(postgres, extraEnvironment ?? new Dictionary<string, string?>());
        try
        {
            foreach (var service in ServiceTopology.Services) await system.StartServiceAsync(service.AppId);
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
        return system;
    }

    public string ConnectionString(string appId) =>
        Postgres.GetConnectionString(ServiceTopology.Services.Single(s => s.AppId == appId).Database);

    public string GrpcAddress(string appId) => $"http://127.0.0.1:{_ports[appId].Grpc}";

    /// <summary>
    /// A typed client (e.g. AssessmentScoring.AssessmentScoringClient) of a service. Its channel outlives restarts of
    /// the process and carries the test harness's full-rights token; it never retries by itself, so every attempt
    /// the caller makes is one request it can count.
    /// </summary>
    public TClient Client<TClient>(string appId) where TClient : class
    {
        GrpcChannel channel;
        lock (_channels)
        {
            if (!_channels.TryGetValue(appId, out channel!))
            {
                var address = GrpcAddress(appId);
                // no service config: grpc-dotnet retries nothing
                channel = TestKeys.Channel(address);
                _channels[appId] = channel;
            }
        }
        return (TClient)Activator.CreateInstance(typeof(TClient), channel)!;
    }

    /// <summary>Starts a service (again) on its ports and waits until it is SERVING.</summary>
    public async Task StartServiceAsync(string appId)
    {
        await _gate.WaitAsync();
        try
        {
            if (_running.TryGetValue(appId, out var earlier))
            {
                if (!earlier.HasExited) throw new InvalidOperationException($"{appId} is already running");
                await earlier.DisposeAsync();
                _running.Remove(appId);
            }
            var service = ServiceTopology.Services.Single(s => s.AppId == appId);
            var environment = new Dictionary<string, string?>
            {
                ["ConnectionStrings__Default"] = ConnectionString(appId),
                // Information logs of every request would only fill memory; problems are warnings or errors.
                ["Logging__LogLevel__Default"] = "Warning",
            };
            foreach (var other in ServiceTopology.Services) environment[$"Services__{other.AppId}__GrpcUrl"] = GrpcAddress(other.AppId);
            foreach (var (key, value) in _extraEnvironment) environment[key] = value;
            var process = ServiceProcess.Start(appId, service.Project, environment, _ports[appId].Grpc, _ports[appId].Http);
            _running[appId] = process;
            await process.WaitForAsync(ServingStatus.Serving, ReadyWithin);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Kills a service process outright (SIGKILL), as a crash or an OOM kill would.</summary>
    public async Task KillAsync(string appId)
    {
        await _gate.WaitAsync();
        try
        {
            _running[appId].Kill();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Kills a service, leaves it down for <paramref name="down"/>, starts it again and waits until it serves.</summary>
    public async Task KillAndRestartAsync(string appId, TimeSpan down)
    {
        await KillAsync(appId);
        await Task.Delay(down);
        await StartServiceAsync(appId);
    }

    /// <summary>Restarts PostgreSQL as an operator would (fast shutdown: sessions cut, committed work kept).</summary>
    public async Task RestartPostgresAsync(TimeSpan down)
    {
        await Postgres.StopAsync();
        await Task.Delay(down);
        await Postgres.StartAsync();
    }

    /// <summary>Waits until every service is SERVING again (after a PostgreSQL restart they report NOT_SERVING for a while).</summary>
    public async Task WaitUntilServingAsync()
    {
        foreach (var process in _running.Values) await process.WaitForAsync(ServingStatus.Serving, ReadyWithin);
    }

    /// <summary>The output of every service process started, for diagnosing a failure.</summary>
    public string Output(string appId) => _running.TryGetValue(appId, out var process) ? process.Output : "";

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels.Values) channel.Dispose();
        foreach (var process in _running.Values.Reverse()) await process.DisposeAsync();
        _running.Clear();
    }

    private static async Task CreateDatabasesAsync(PostgresServer postgres)
    {
        var admin = new NpgsqlConnectionStringBuilder(postgres.GetConnectionString("postgres")) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        foreach (var service in ServiceTopology.Services)
        {
            await using var command = new NpgsqlCommand($"create database \"{service.Database}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
