using Dapper;
using Inspection.Testing;
using Npgsql;

namespace Inspection.Data.Tests;

public sealed class MigratorTests
{
    private static readonly string[] EmbeddedVersions = ["0001_create_provider", "0002_add_provider_region", "0010_seed_provider"];

    private static async Task<NpgsqlDataSource> FreshDatabaseAsync() =>
        NpgsqlDataSource.Create(await PostgresServer.Shared.CreateDatabaseAsync("migrator"));

    private static async Task<List<(string Version, DateTime AppliedAt, string Checksum)>> AppliedAsync(NpgsqlDataSource ds)
    {
        await using var c = await ds.OpenConnectionAsync();
        return (await c.QueryAsync<(string, DateTime, string)>(
            "select version, applied_at, checksum from schema_migrations order by applied_at, version")).ToList();
    }

    private static async Task<bool> TableExistsAsync(NpgsqlDataSource ds, string table)
    {
        await using var c = await ds.OpenConnectionAsync();
        return await c.ExecuteScalarAsync<bool>("select to_regclass(@table) is not null", new { table });
    }

    [Fact]
    public async Task Applies_embedded_migrations_in_file_name_order_and_records_each()
    {
        await using var ds = await FreshDatabaseAsync();

        await Migrator.ApplyAsync(ds, typeof(MigratorTests).Assembly, CancellationToken.None);

        var applied = await AppliedAsync(ds);
        Assert.Equal(EmbeddedVersions, applied.Select(a => a.Version));
        Assert.All(applied, a => Assert.Matches("^[0-9a-f]{64}$", a.Checksum));
        Assert.True(applied[0].AppliedAt <= applied[1].AppliedAt && applied[1].AppliedAt <= applied[2].AppliedAt);
        await using var c = await ds.OpenConnectionAsync();
        Assert.Equal("Example region", await c.ExecuteScalarAsync<string>("select region from provider where provider_id = 'p-1'"));
    }

    [Fact]
    public async Task Applying_again_changes_nothing()
    {
        await using var ds = await FreshDatabaseAsync();
        await Migrator.ApplyAsync(ds, typeof(MigratorTests).Assembly, CancellationToken.None);
        var first = await AppliedAsync(ds);

        await Migrator.ApplyAsync(ds, typeof(MigratorTests).Assembly, CancellationToken.None);

        Assert.Equal(first, await AppliedAsync(ds));
        await using var c = await ds.OpenConnectionAsync();
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("select count(*) from provider"));
    }

    [Fact]
    public async Task Two_instances_starting_at_once_both_succeed_and_each_migration_applies_once()
    {
        var connectionString = await PostgresServer.Shared.CreateDatabaseAsync("migrator_race");
        await using var first = NpgsqlDataSource.Create(connectionString);
        await using var second = NpgsqlDataSource.Create(connectionString);
        // Slow and not idempotent: without the lock the second instance would fail on "already exists".
        Migration[] migrations =
        [
            new("0001_slow_table", "create table race (id int primary key); select pg_sleep(0.3); insert into race values (1);"),
            new("0002_second_row", "insert into race values (2);"),
        ];

        await Task.WhenAll(
            Task.Run(() => Migrator.ApplyAsync(first, migrations, CancellationToken.None)),
            Task.Run(() => Migrator.ApplyAsync(second, migrations, CancellationToken.None)));

        Assert.Equal(["0001_slow_table", "0002_second_row"], (await AppliedAsync(first)).Select(a => a.Version));
        await using var c = await first.OpenConnectionAsync();
        Assert.Equal([1, 2], await c.QueryAsync<int>("select id from race order by id"));
    }

    [Fact]
    public async Task A_failing_migration_rolls_back_entirely_and_is_not_recorded()
    {
        await using var ds = await FreshDatabaseAsync();
        var good = new Migration("0001_outcome", "create table outcome (id int primary key);");
        var broken = new Migration("0002_broken",
            "create table leftover (id int); insert into outcome values (1); select 1 / 0;");

        var failure = await Assert.ThrowsAsync<MigrationFailedException>(
            () => Migrator.ApplyAsync(ds, [good, broken], CancellationToken.None));

        Assert.Equal("0002_broken", failure.Version);
        Assert.Equal(PostgresErrorCodes.DivisionByZero, Assert.IsType<PostgresException>(failure.InnerException).SqlState);
        Assert.Equal(["0001_outcome"], (await AppliedAsync(ds)).Select(a => a.Version));
        Assert.False(await TableExistsAsync(ds, "leftover"));
        await using (var c = await ds.OpenConnectionAsync())
            Assert.Equal(0, await c.ExecuteScalarAsync<int>("select count(*) from outcome"));

        // Once fixed (never applied, so editing it is allowed), it applies.
        var fixedMigration = new Migration("0002_broken", "create table leftover (id int);");
        await Migrator.ApplyAsync(ds, [good, fixedMigration], CancellationToken.None);
        Assert.True(await TableExistsAsync(ds, "leftover"));
    }

    [Fact]
    public async Task An_edited_applied_migration_is_refused_before_anything_else_applies()
    {
        await using var ds = await FreshDatabaseAsync();
        await Migrator.ApplyAsync(ds, [new Migration("0001_first", "create table first_table (id int);")], CancellationToken.None);

        var edited = new Migration("0001_first", "create table first_table (id bigint);");
        var next = new Migration("0002_next", "create table next_table (id int);");
        var refusal = await Assert.ThrowsAsync<MigrationChecksumMismatchException>(
            () => Migrator.ApplyAsync(ds, [edited, next], CancellationToken.None));

        Assert.Equal("0001_first", refusal.Version);
        Assert.Equal(edited.Checksum, refusal.FileChecksum);
        Assert.NotEqual(refusal.RecordedChecksum, refusal.FileChecksum);
        Assert.False(await TableExistsAsync(ds, "next_table"));
        Assert.Equal(["0001_first"], (await AppliedAsync(ds)).Select(a => a.Version));
    }

    [Fact]
    public void Line_endings_do_not_change_a_checksum_but_content_does()
    {
        var unix = new Migration("0001", "create table t (id int);\nselect 1;\n");
        var windows = new Migration("0001", "create table t (id int);\r\nselect 1;\r\n");
        var other = new Migration("0001", "create table t (id bigint);\nselect 1;\n");

        Assert.Equal(unix.Checksum, windows.Checksum);
        Assert.NotEqual(unix.Checksum, other.Checksum);
    }

    [Fact]
    public void Embedded_migrations_are_found_by_file_name_under_the_Migrations_folder()
    {
        var loaded = Migration.LoadFrom(typeof(MigratorTests).Assembly);

        Assert.Equal(EmbeddedVersions, loaded.Select(m => m.Version));
        Assert.Contains("alter table provider add column region", loaded[1].Sql);
    }

    [Fact]
    public async Task Applying_through_a_version_stops_there_and_the_rest_follows_later()
    {
        await using var ds = await FreshDatabaseAsync();

        await Migrator.ApplyThroughAsync(ds, typeof(MigratorTests).Assembly, "0002_add_provider_region", CancellationToken.None);
        Assert.Equal(EmbeddedVersions[..2], (await AppliedAsync(ds)).Select(a => a.Version));
        Assert.True(await TableExistsAsync(ds, "request_ledger"));   // there before any of the service's migrations

        await Migrator.ApplyAsync(ds, typeof(MigratorTests).Assembly, CancellationToken.None);
        Assert.Equal(EmbeddedVersions, (await AppliedAsync(ds)).Select(a => a.Version));
        await Assert.ThrowsAsync<ArgumentException>(() => Migrator.ApplyThroughAsync(ds, typeof(MigratorTests).Assembly, "0003_missing", CancellationToken.None));
    }
}
