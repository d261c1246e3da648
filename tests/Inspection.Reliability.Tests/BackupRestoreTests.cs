using Dapper;
using Inspection.LoadAndFaults;
using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;
using Inspection.Testing;
using Npgsql;

namespace Inspection.Reliability.Tests;

/// <summary>
/// deploy/backup end to end: a cluster filled by the services' demo data (the reference inspections, as the run
/// command loads them), backed up with backup.sh, restored with restore.sh into a FRESH cluster, and the services
/// started on the restored cluster (no demo data) answer exactly as before: the same ratings, message for message,
/// the same recommendations with their progress records, the same judgements, and the same audit trail.
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly string _backups = Path.Combine(Path.GetTempPath(), "inspection-backups-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task A_backup_restored_into_a_fresh_cluster_gives_the_same_ratings_and_recommendations()
    {
        await using var source = new PostgresServer();
        ServiceState before;
        Dictionary<string, long> auditBefore;
        string backup;
        await using (var system = await InspectionSystem.StartAsync(source, createDatabases: true,
                         new Dictionary<string, string?> { ["DemoData__Load"] = "true" }))
        {
            before = await ServiceState.ReadAsync(system);
            await CreateAdminDatabaseAsync(source);
            auditBefore = await AuditEventsAsync(source);
            backup = await BackupScripts.BackupAsync(source, _backups);
        }

        // the demo data is there to compare: the reference inspections' ratings and recommendations
        Assert.True(before.Answers.Count(a => a.Answer is InspectionRatings r && r.Source == "published") >= 3, "the reference inspections are rated");
        Assert.True(before.Count<Recommendation>() > 10, "the reference inspections' recommendations are recorded");
        // every service database has its audit trail (case sampling has no demo data, so no events), and it has events to restore
        Assert.All(auditBefore.Where(a => a.Key != AdminDatabase), a => Assert.True(a.Value >= 0, $"{a.Key} has no audit schema"));
        Assert.True(auditBefore.Values.Sum() > 0, "the demo data left audit events");
        foreach (var database in ServiceTopology.Services.Select(s => s.Database).Append(AdminDatabase))
            Assert.True(File.Exists(Path.Combine(backup, database + ".dump")), $"{database} is backed up");

        await using var target = new PostgresServer();
        await target.StartAsync();
        var (restored, restoreOutput) = await BackupScripts.RestoreAsync(target, backup);
        Assert.True(restored == 0, "restore.sh failed:\n" + restoreOutput);
        Assert.Equal(auditBefore, await AuditEventsAsync(target));
        Assert.Equal("kept across the backup", await AdminMarkerAsync(target));

        // a second restore into the same cluster refuses to overwrite, unless told to
        var (again, againOutput) = await BackupScripts.RestoreAsync(target, backup);
        Assert.NotEqual(0, again);
        Assert.Contains("already exists", againOutput);

        await using (var system = await InspectionSystem.StartAsync(target, createDatabases: false))
        {
            var after = await ServiceState.ReadAsync(system);
            Assert.Equal(before.Answers.Select(a => a.What), after.Answers.Select(a => a.What));
            foreach (var ((what, expected), (_, actual)) in before.Answers.Zip(after.Answers))
                Assert.True(expected.Equals(actual), $"{what} differs after the restore:\n  before {expected}\n  after  {actual}");
        }
    }

    private const string AdminDatabase = "inspection_admin";

    /// <summary>The admin's database is in deploy/services.json too; the admin app is not started here, so a marker row stands in for its data.</summary>
    private static async Task CreateAdminDatabaseAsync(PostgresServer cluster)
    {
        await using (var postgres = new NpgsqlConnection(cluster.GetConnectionString("postgres")))
            await postgres.ExecuteAsync($"create database {AdminDatabase}");
        await using var admin = new NpgsqlConnection(cluster.GetConnectionString(AdminDatabase));
        await admin.ExecuteAsync("create table marker (note text not null); insert into marker values ('kept across the backup')");
    }

    private static async Task<string> AdminMarkerAsync(PostgresServer cluster)
    {
        await using var admin = new NpgsqlConnection(cluster.GetConnectionString(AdminDatabase));
        return await admin.QuerySingleAsync<string>("select note from marker");
    }

    /// <summary>Audit events per database (-1 where there is no audit schema).</summary>
    private static async Task<Dictionary<string, long>> AuditEventsAsync(PostgresServer cluster)
    {
        var counts = new Dictionary<string, long>();
        foreach (var database in ServiceTopology.Services.Select(s => s.Database).Append(AdminDatabase))
        {
            await using var connection = new NpgsqlConnection(cluster.GetConnectionString(database));
            var hasAudit = await connection.ExecuteScalarAsync<bool>("select to_regclass('audit.events') is not null");
            counts[database] = hasAudit ? await connection.ExecuteScalarAsync<long>("select count(*) from audit.events") : -1;
        }
        return counts;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (Directory.Exists(_backups)) Directory.Delete(_backups, recursive: true);
    }
}
