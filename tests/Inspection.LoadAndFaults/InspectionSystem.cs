using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Inspection.Testing;
using Npgsql;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Inspection.LoadAndFaults;

/// <summary>
/// The four services as real processes (their Release build output, as the run command starts them) over one
/// PostgreSQL cluster, each on loopback ports fixed for the life of this object so a killed service comes back where
/// the others and the clients expect it. The databases carry deploy/services.json's names. With two replicas (the
/// replicated mode) each service runs as two processes on one database, and the services and the load's clients call
/// a service at <c>static:///app-id</c>, balanced round robin over both, as the services' own clients do.
/// </summary>
public sealed class InspectionSystem : IAsyncDisposable
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(120);

    private readonly Dictionary<(string AppId, int Replica), (int Grpc, int Http)> _ports;
    private readonly Dictionary<(string AppId, int Replica), ServiceProcess> _running = [];
    private readonly Dictionary<string, GrpcChannel> _channels = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string?> _extraEnvironment;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private InspectionSystem(PostgresServer postgres, IReadOnlyDictionary<string, string?> extraEnvironment, int replicas)
    {
        Postgres = postgres;
        _extraEnvironment = extraEnvironment;
        Replicas = replicas;
        _ports = ServiceTopology.Services.SelectMany(s => Enumerable.Range(0, replicas).Select(r => (s.AppId, r)))
            .ToDictionary(key => key, _ => (LoopbackPort.Free(), LoopbackPort.Free()));
    }

    public PostgresServer Postgres { get; }

    /// <summary>How many processes each service runs as.</summary>
    public int Replicas { get; }

    /// <summary>A replica's name in the figures: the app id, with "#2" for the second.</summary>
    public static string ReplicaName(string appId, int replica) => replica == 0 ? appId : $"{appId}#{replica + 1}";

    /// <summary>
    /// Starts every service against <paramref name="postgres"/> (running), one after the other in deploy/services.json's
    /// order, each once the one before is SERVING. <paramref name="createDatabases"/>: create the empty databases first.
    /// </summary>
    public static async Task<InspectionSystem> StartAsync(
        PostgresServer postgres, bool createDatabases, IReadOnlyDictionary<string, string?>? extraEnvironment = null, int replicas = 1)
    {
        await postgres.StartAsync();
        if (createDatabases) await CreateDatabasesAsync(postgres);
        var system = new InspectionSystem(postgres, extraEnvironment ?? new Dictionary<string, string?>(), replicas);
        try
        {
            foreach (var service in ServiceTopology.Services)
                for (var replica = 0; replica < replicas; replica++) await system.StartServiceAsync(service.AppId, replica);
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

    public string GrpcAddress(string appId) => Replicas == 1 ? $"http://127.0.0.1:{_ports[(appId, 0)].Grpc}" : $"static:///{appId}";

    /// <summary>Every replica's host:port, for Services:&lt;app-id&gt;:Replicas.</summary>
    public string ReplicaTargets(string appId) => string.Join(",", Enumerable.Range(0, Replicas).Select(r => $"127.0.0.1:{_ports[(appId, r)].Grpc}"));

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
                // no retry policy: grpc-dotnet retries nothing; with replicas, round robin over them
                channel = Replicas == 1 ? TestKeys.Channel(GrpcAddress(appId)) : TestKeys.Channel(GrpcAddress(appId), options: new GrpcChannelOptions
                {
                    ServiceProvider = new ServiceCollection()
                        .AddSingleton<ResolverFactory>(new StaticResolverFactory(_ => Enumerable.Range(0, Replicas)
                            .Select(r => new BalancerAddress("127.0.0.1", _ports[(appId, r)].Grpc))))
                        .BuildServiceProvider(),
                    ServiceConfig = new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } },
                });
                _channels[appId] = channel;
            }
        }
        return (TClient)Activator.CreateInstance(typeof(TClient), channel)!;
    }

    /// <summary>Starts a service's replica (again) on its ports and waits until it is SERVING.</summary>
    public async Task StartServiceAsync(string appId, int replica = 0)
    {
        ServiceProcess process;
        // The gate guards the set of processes, not the wait for SERVING: a fault on another service may start meanwhile.
        await _gate.WaitAsync();
        try
        {
            if (_running.TryGetValue((appId, replica), out var earlier))
            {
                if (!earlier.HasExited) throw new InvalidOperationException($"{ReplicaName(appId, replica)} is already running");
                await earlier.DisposeAsync();
                _running.Remove((appId, replica));
            }
            var service = ServiceTopology.Services.Single(s => s.AppId == appId);
            var environment = new Dictionary<string, string?>
            {
                ["ConnectionStrings__Default"] = ConnectionString(appId),
                // Information logs of every request would only fill memory; problems are warnings or errors.
                ["Logging__LogLevel__Default"] = "Warning",
            };
            foreach (var other in ServiceTopology.Services)
            {
                environment[$"Services__{other.AppId}__GrpcUrl"] = GrpcAddress(other.AppId);
                if (Replicas > 1) environment[$"Services__{other.AppId}__Replicas"] = ReplicaTargets(other.AppId);
            }
            foreach (var (key, value) in _extraEnvironment) environment[key] = value;
            var ports = _ports[(appId, replica)];
            process = ServiceProcess.Start(ReplicaName(appId, replica), service.Project, environment, ports.Grpc, ports.Http);
            _running[(appId, replica)] = process;
        }
        finally
        {
            _gate.Release();
        }
        await process.WaitForAsync(ServingStatus.Serving, ReadyWithin);
    }

    /// <summary>Kills a service process outright (SIGKILL), as a crash or an OOM kill would.</summary>
    public async Task KillAsync(string appId, int replica = 0)
    {
        await _gate.WaitAsync();
        try
        {
            _running[(appId, replica)].Kill();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Kills a service, leaves it down for <paramref name="down"/>, starts it again and waits until it serves.</summary>
    public async Task KillAndRestartAsync(string appId, TimeSpan down, int replica = 0)
    {
        await KillAsync(appId, replica);
        await Task.Delay(down);
        await StartServiceAsync(appId, replica);
    }

    /// <summary>Stops a replica as Kubernetes does in a rolling update (SIGTERM, up to 30 s to finish), then starts it again.</summary>
    public async Task StopAndRestartAsync(string appId, TimeSpan down, int replica)
    {
        await Running(appId, replica).StopAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(down);
        await StartServiceAsync(appId, replica);
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
        List<ServiceProcess> processes;
        await _gate.WaitAsync();
        try
        {
            processes = [.. _running.Values];
        }
        finally
        {
            _gate.Release();
        }
        foreach (var process in processes) await process.WaitForAsync(ServingStatus.Serving, ReadyWithin);
    }

    private ServiceProcess Running(string appId, int replica)
    {
        _gate.Wait();
        try
        {
            return _running[(appId, replica)];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The output of every service process started, for diagnosing a failure.</summary>
    public string Output(string appId) =>
        string.Concat(_running.Where(r => r.Key.AppId == appId).Select(r => Replicas == 1 ? r.Value.Output : $"[{ReplicaName(appId, r.Key.Replica)}]\n{r.Value.Output}"));

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
