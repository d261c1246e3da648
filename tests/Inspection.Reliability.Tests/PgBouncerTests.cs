using System.Diagnostics;
using Grpc.Core;
using Inspection.Recommendations.V1;
using Inspection.Security;
using Inspection.Testing;
using Npgsql;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Inspection.Reliability.Tests;

/// <summary>
/// A service behind Debian's PgBouncer in transaction mode, as Kubernetes runs it behind the CloudNativePG Pooler
/// (issue 24): it migrates past the pooler (ConnectionStrings:Direct; the migrations' advisory lock needs a session),
/// serves through it with fewer server connections than concurrent callers, and every write is audited to the caller
/// who made it, though consecutive transactions of one client connection run on different server connections.
/// </summary>
public sealed class PgBouncerTests
{
    [Fact]
    public async Task A_service_behind_pgbouncer_in_transaction_mode_audits_every_write_to_its_own_caller()
    {
        var postgres = PostgresServer.Shared;
        var database = await postgres.CreateDatabaseAsync("pooled");
        var name = new NpgsqlConnectionStringBuilder(database).Database!;
        await using var bouncer = await PgBouncer.StartAsync(postgres.Port, poolSize: 2);
        await using var service = ServiceProcess.Start("recommendation-tracking", "services/Recommendations/Inspection.Recommendations", new Dictionary<string, string?>
        {
            ["ConnectionStrings__Default"] = $"Host=127.0.0.1;Port={bouncer.Port};Username=postgres;Database={name}",
            ["ConnectionStrings__Direct"] = database,
        });
        await service.WaitForAsync(ServingStatus.Serving, TimeSpan.FromSeconds(90));
        // a channel without credentials of its own: each call carries its person's token
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(service.GrpcAddress);
        var client = new RecommendationTracking.RecommendationTrackingClient(channel);

        // two people writing at once, more calls than the pooler has server connections
        string[] people = ["first@inspection.local", "second@inspection.local"];
        var made = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            var person = people[i % 2];
            var headers = new Metadata { { "authorization", TestKeys.BearerFor(StaffRole.Administrator, person) } };
            var provider = await client.CreateProviderAsync(new CreateProviderRequest
            {
                RequestId = Guid.NewGuid().ToString(), Name = $"Pooled body {i}", Type = "national_body", ActiveFrom = "2020-01-01", CreatedBy = person,
            }, headers);
            return (provider.ProviderId, Actor: "user:" + person);
        }));

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select after->>'provider_id', actor from audit.events where table_name = 'providers' and operation = 'insert'", connection);
        var audited = new Dictionary<string, string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) audited[reader.GetString(0)] = reader.GetString(1);
        foreach (var (providerId, actor) in made) Assert.Equal(actor, audited[providerId]);
    }

    /// <summary>Debian's pgbouncer on a free loopback port, in transaction mode, trusting local connections.</summary>
    private sealed class PgBouncer : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _directory;

        private PgBouncer(Process process, string directory, int port) => (_process, _directory, Port) = (process, directory, port);

        public int Port { get; }

        public static async Task<PgBouncer> StartAsync(int postgresPort, int poolSize)
        {
            var binary = File.Exists("/usr/sbin/pgbouncer") ? "/usr/sbin/pgbouncer" : "pgbouncer";
            var directory = Path.Combine("/tmp", "inspection-pgbouncer-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(directory);
            var port = LoopbackPort.Free();
            File.WriteAllText(Path.Combine(directory, "users.txt"), "\"postgres\" \"\"\n");
            File.WriteAllText(Path.Combine(directory, "pgbouncer.ini"), $"""
                [databases]
                * = host=127.0.0.1 port={postgresPort}
                [pgbouncer]
                listen_addr = 127.0.0.1
                listen_port = {port}
                unix_socket_dir =
                auth_type = trust
                auth_file = {directory}/users.txt
                admin_users = postgres
                pool_mode = transaction
                default_pool_size = {poolSize}
                max_client_conn = 200
                server_reset_query = DISCARD ALL
                server_reset_query_always = 1
                ignore_startup_parameters = extra_float_digits,options
                """);
            // PgBouncer refuses to run as root: as the harness runs PostgreSQL, as the postgres user then.
            var start = Environment.IsPrivilegedProcess
                ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", binary, Path.Combine(directory, "pgbouncer.ini")])
                : new ProcessStartInfo(binary, [Path.Combine(directory, "pgbouncer.ini")]);
            if (Environment.IsPrivilegedProcess) Process.Start("chmod", ["-R", "a+rwx", directory])!.WaitForExit();
            start.RedirectStandardError = true;
            start.RedirectStandardOutput = true;
            var process = Process.Start(start) ?? throw new InvalidOperationException("pgbouncer did not start");
            var bouncer = new PgBouncer(process, directory, port);
            for (var i = 0; i < 100; i++)
            {
                try
                {
                    await using var probe = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false");
                    await probe.OpenAsync();
                    return bouncer;
                }
                catch (Exception) when (!process.HasExited)
                {
                    await Task.Delay(100);
                }
            }
            throw new InvalidOperationException("pgbouncer did not answer: " + await process.StandardError.ReadToEndAsync());
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
            try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
