using Inspection.ServiceDefaults;

namespace Inspection.Deploy.Tests;

/// <summary>
/// The connection budget of deploy/services.json adds up: every copy of every app, at the most copies the autoscalers
/// allow, fits in PostgreSQL's max_connections, in Kubernetes (through the pooler) and under the run command (direct).
/// </summary>
public sealed class ConnectionBudgetTests
{
    [Fact]
    public void In_kubernetes_the_pooler_and_the_direct_connections_fit_in_max_connections()
    {
        var postgres = AppTopology.Postgres;
        var pooler = AppTopology.Pooler;
        var apps = AppTopology.All;
        // PgBouncer opens at most default_pool_size server connections per database (one role) per instance.
        var throughPooler = pooler.Instances * apps.Count * pooler.DefaultPoolSize;
        var direct = apps.Sum(a => a.MaxReplicas * a.DirectConnections);
        Assert.True(throughPooler + direct + postgres.ReservedConnections <= postgres.MaxConnections,
            $"{throughPooler} through the pooler + {direct} direct + {postgres.ReservedConnections} reserved > max_connections {postgres.MaxConnections}");
        // and the pooler takes every copy's whole pool as clients
        var clients = apps.Sum(a => a.MaxReplicas * a.PoolSize);
        Assert.True(clients <= pooler.Instances * pooler.MaxClientConnections, $"{clients} client connections > what the pooler takes");
    }

    [Fact]
    public void Under_the_run_command_one_copy_of_each_app_fits_without_a_pooler()
    {
        var postgres = AppTopology.Postgres;
        var needed = AppTopology.All.Sum(a => a.PoolSize + a.DirectConnections) + postgres.ReservedConnections;
        Assert.True(needed <= postgres.MaxConnections, $"{needed} > max_connections {postgres.MaxConnections}");
        var run = File.ReadAllText(Repository.PathOf("deploy/local/run.sh"));
        Assert.Contains("t.postgres.maxConnections", run);
        Assert.Contains("-c max_connections=$pg_max_connections", run);
    }

    [Fact]
    public void Every_app_has_a_pool_and_direct_connections()
    {
        foreach (var app in AppTopology.All)
        {
            Assert.True(app.PoolSize > 0, app.AppId);
            Assert.True(app.DirectConnections >= 2, $"{app.AppId}: the readiness probe and the migrations or LISTEN need direct connections");
            Assert.True(app.MaxReplicas >= app.Replicas, app.AppId);
        }
    }
}
