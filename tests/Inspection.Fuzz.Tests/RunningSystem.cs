using Inspection.Testing;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Inspection.Fuzz.Tests;

/// <summary>
/// The four services as real processes (their Release or Debug build output, as the test assembly is built), each
/// with its own database on one throwaway PostgreSQL cluster and the others' addresses, as the run command wires
/// them. Shared by every test of the project (<see cref="RunningSystemCollection"/>).
/// </summary>
public sealed class RunningSystem : IAsyncLifetime
{
    private static readonly (string AppId, string Project)[] Apps =
    [
        ("recommendation-tracking", "services/Recommendations/Inspection.Recommendations"),
        ("case-sampling", "services/Sampling/Inspection.Sampling"),
        ("assessment-scoring", "services/Scoring/Inspection.Scoring"),
        ("organisational-evidence", "services/Evidence/Inspection.Evidence"),
    ];

    private readonly PostgresServer _postgres = new();
    private readonly List<ServiceProcess> _processes = [];

    public IReadOnlyList<ServiceProcess> Processes => _processes;

    public ServiceProcess this[string appId] => _processes.Single(p => p.AppId == appId);

    public async Task InitializeAsync()
    {
        await _postgres.StartAsync();
        // every port chosen up front (each app needs the others' addresses), and no two alike
        var taken = new HashSet<int>();
        int Distinct() { int port; do port = LoopbackPort.Free(); while (!taken.Add(port)); return port; }
        var ports = Apps.ToDictionary(a => a.AppId, _ => Distinct());
        var httpPorts = Apps.ToDictionary(a => a.AppId, _ => Distinct());
        foreach (var (appId, project) in Apps)
        {
            var environment = new Dictionary<string, string?>
            {
                ["ConnectionStrings__Default"] = await _postgres.CreateDatabaseAsync(appId.Replace('-', '_')),
                // the default console logger; the tests read the output for unhandled exceptions
                ["Logging__LogLevel__Default"] = "Warning",
            };
            foreach (var (other, port) in ports) environment[$"Services__{other}__GrpcUrl"] = $"http://127.0.0.1:{port}";
            _processes.Add(ServiceProcess.Start(appId, project, environment, grpcPort: ports[appId], httpPort: httpPorts[appId]));
        }
        await Task.WhenAll(_processes.Select(p => p.WaitForAsync(ServingStatus.Serving, TimeSpan.FromSeconds(90))));
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes) await process.DisposeAsync();
        await _postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class RunningSystemCollection : ICollectionFixture<RunningSystem>
{
    public const string Name = "running system";
}
