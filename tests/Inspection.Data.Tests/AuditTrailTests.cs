using System.Text.Json;
using Dapper;
using Inspection.Testing;
using Npgsql;

namespace Inspection.Data.Tests;

/// <summary>The audit trail the migrator installs in every service database, written by triggers with the write.</summary>
public sealed class AuditTrailTests
{
    private static async Task<Database> MigratedAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await PostgresServer.Shared.CreateDatabaseAsync("audit"));
        await Migrator.ApplyAsync(dataSource, AuditMigrationsOnly(), CancellationToken.None);
        return new Database(dataSource);
    }

    // A service's migration: one ordinary table and one bulk table it asks to have summarised.
    private static IEnumerable<Migration> AuditMigrationsOnly() =>
    [
        new Migration("0001_audited_tables", """
            create table verdict (verdict_id text primary key, rating text not null);
            create table caseload_row (case_ref text primary key, sentence text not null);
            insert into audit.summarised_tables (table_name) values ('caseload_row') on conflict do nothing;
            create table login (login_id text primary key, secret_hash text not null);
            insert into audit.redacted_columns (table_name, column_name) values ('login', 'secret_hash') on conflict do nothing;
            """),
    ];

    private static async Task<List<dynamic>> EventsAsync(Database database, string table)
    {
        await using var c = await database.DataSource.OpenConnectionAsync();
        return (await c.QueryAsync("select actor, rpc, trace_id, operation, row_count, before::text as before, after::text as after from audit.events where table_name = @table order by event_id", new { table })).ToList();
    }

    [Fact]
    public async Task Every_write_records_who_what_before_and_after_and_the_trace()
    {
        var database = await MigratedAsync();
        AuditActor.Current = new AuditActor("user:lead@inspection.local", "inspection.evidence.v1.OrganisationalEvidence/RecordJudgement", "4bf92f3577b34da6a3ce929d0e0e4736");
        try
        {
            await database.InTransactionAsync((c, tx) => c.ExecuteAsync("insert into verdict values ('v1', 'Good')", transaction: tx), CancellationToken.None);
            await database.InTransactionAsync((c, tx) => c.ExecuteAsync("update verdict set rating = 'Outstanding' where verdict_id = 'v1'", transaction: tx), CancellationToken.None);
            await using (var c = await database.OpenAsync(CancellationToken.None))
                await c.ExecuteAsync("delete from verdict where verdict_id = 'v1'");
        }
        finally
        {
            AuditActor.Current = null;
        }

        var events = await EventsAsync(database, "verdict");
        Assert.Equal(["insert", "update", "delete"], events.Select(e => (string)e.operation));
        Assert.All(events, e =>
        {
            Assert.Equal("user:lead@inspection.local", (string)e.actor);
            Assert.Equal("inspection.evidence.v1.OrganisationalEvidence/RecordJudgement", (string)e.rpc);
            Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", (string)e.trace_id);
        });
        Assert.Null(events[0].before);
        Assert.Equal("Good", JsonDocument.Parse((string)events[0].after).RootElement.GetProperty("rating").GetString());
        Assert.Equal("Good", JsonDocument.Parse((string)events[1].before).RootElement.GetProperty("rating").GetString());
        Assert.Equal("Outstanding", JsonDocument.Parse((string)events[1].after).RootElement.GetProperty("rating").GetString());
        Assert.Equal("Outstanding", JsonDocument.Parse((string)events[2].before).RootElement.GetProperty("rating").GetString());
        Assert.Null(events[2].after);
    }

    [Fact]
    public async Task A_rolled_back_write_leaves_no_audit_record()
    {
        var database = await MigratedAsync();
        await Assert.ThrowsAsync<PostgresException>(() => database.InTransactionAsync(async (c, tx) =>
        {
            await c.ExecuteAsync("insert into verdict values ('v1', 'Good')", transaction: tx);
            return await c.ExecuteAsync("insert into verdict values ('v1', 'Good')", transaction: tx); // duplicate key
        }, CancellationToken.None));

        Assert.Empty(await EventsAsync(database, "verdict"));
    }

    [Fact]
    public async Task A_connection_back_from_the_pool_does_not_carry_the_previous_callers_name()
    {
        var database = await MigratedAsync();
        AuditActor.Current = new AuditActor("integrator:population-feed", null, null);
        try
        {
            await using var c = await database.OpenAsync(CancellationToken.None);
            await c.ExecuteAsync("insert into verdict values ('v1', 'Good')");
        }
        finally
        {
            AuditActor.Current = null;
        }
        await using (var c = await database.OpenAsync(CancellationToken.None))
            await c.ExecuteAsync("insert into verdict values ('v2', 'Good')");

        var actors = (await EventsAsync(database, "verdict")).Select(e => (string)e.actor).ToList();
        Assert.Equal("integrator:population-feed", actors[0]);
        Assert.StartsWith("system:", actors[1]);
    }

    [Fact]
    public async Task The_trail_is_append_only()
    {
        var database = await MigratedAsync();
        await using var c = await database.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync("insert into verdict values ('v1', 'Good')");

        var update = await Assert.ThrowsAsync<PostgresException>(() => c.ExecuteAsync("update audit.events set actor = 'someone else'"));
        Assert.Contains("append-only", update.MessageText);
        await Assert.ThrowsAsync<PostgresException>(() => c.ExecuteAsync("delete from audit.events"));
        await Assert.ThrowsAsync<PostgresException>(() => c.ExecuteAsync("truncate audit.events"));
        Assert.Single(await EventsAsync(database, "verdict"));
    }

    [Fact]
    public async Task A_bulk_table_is_audited_one_event_per_statement_with_its_row_count()
    {
        var database = await MigratedAsync();
        await using var c = await database.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync("insert into caseload_row select 'c' || i, 'Community order' from generate_series(1, 5000) i");
        await c.ExecuteAsync("delete from caseload_row where case_ref like 'c1%'");

        var events = await EventsAsync(database, "caseload_row");
        Assert.Equal(2, events.Count);
        Assert.Equal(("insert", 5000), ((string)events[0].operation, (int)events[0].row_count));
        Assert.Equal(("delete", 1111), ((string)events[1].operation, (int)events[1].row_count));
    }

    [Fact]
    public async Task A_redacted_column_never_reaches_the_trail()
    {
        var database = await MigratedAsync();
        await using var c = await database.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync("insert into login values ('l1', 'AQAAAAIAAYagAAAAE-secret')");
        await c.ExecuteAsync("update login set secret_hash = 'AQAAAAIAAYagAAAAE-rotated' where login_id = 'l1'");

        var events = await EventsAsync(database, "login");
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.DoesNotContain("AQAAAAIAAYag", (string?)e.before + (string?)e.after));
        Assert.Contains("\"login_id\": \"l1\"", (string)events[1].after);
    }

    [Fact]
    public async Task Migrating_again_keeps_one_set_of_triggers_and_the_trail()
    {
        var database = await MigratedAsync();
        await using (var c = await database.OpenAsync(CancellationToken.None))
            await c.ExecuteAsync("insert into verdict values ('v1', 'Good')");

        await Migrator.ApplyAsync(database.DataSource, AuditMigrationsOnly(), CancellationToken.None);
        await using (var c = await database.OpenAsync(CancellationToken.None))
            await c.ExecuteAsync("insert into verdict values ('v2', 'Good')");

        Assert.Equal(2, (await EventsAsync(database, "verdict")).Count);
    }
}
