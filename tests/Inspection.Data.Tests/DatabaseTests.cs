using Dapper;
using Inspection.Testing;

namespace Inspection.Data.Tests;

public sealed class DatabaseTests(PostgresDatabaseFixture fixture) : IClassFixture<PostgresDatabaseFixture>
{
    private async Task<string> NewTableAsync()
    {
        var table = "t_" + Guid.NewGuid().ToString("N")[..12];
        await using var c = await new Database(fixture.DataSource).OpenAsync(CancellationToken.None);
        await c.ExecuteAsync($"create table {table} (id int primary key)");
        return table;
    }

    private async Task<int> CountAsync(string table)
    {
        await using var c = await fixture.DataSource.OpenConnectionAsync();
        return await c.ExecuteScalarAsync<int>($"select count(*) from {table}");
    }

    private sealed record SnakeCaseRow(string SampleId, long Version);

    [Fact]
    public async Task Rows_map_onto_records_by_their_snake_case_column_names()
    {
        await using var c = await new Database(fixture.DataSource).OpenAsync(CancellationToken.None);

        var row = await c.QuerySingleAsync<SnakeCaseRow>("select 'S1' as sample_id, 3::bigint as version");

        Assert.Equal(new SnakeCaseRow("S1", 3), row);
    }

    [Fact]
    public async Task A_transaction_commits_every_row_and_returns_the_result()
    {
        var table = await NewTableAsync();
        var database = new Database(fixture.DataSource);

        var written = await database.InTransactionAsync(async (c, tx) =>
            await c.ExecuteAsync($"insert into {table} values (1), (2), (3)", transaction: tx), CancellationToken.None);

        Assert.Equal(3, written);
        Assert.Equal(3, await CountAsync(table));
    }

    [Fact]
    public async Task A_transaction_that_throws_leaves_nothing_written()
    {
        var table = await NewTableAsync();
        var database = new Database(fixture.DataSource);

        await Assert.ThrowsAsync<InvalidOperationException>(() => database.InTransactionAsync<int>(async (c, tx) =>
        {
            await c.ExecuteAsync($"insert into {table} values (1), (2)", transaction: tx);
            throw new InvalidOperationException("second half of the write failed");
        }, CancellationToken.None));

        Assert.Equal(0, await CountAsync(table));
    }

    [Fact]
    public async Task A_database_error_mid_transaction_rolls_back_the_earlier_rows()
    {
        var table = await NewTableAsync();
        var database = new Database(fixture.DataSource);

        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => database.InTransactionAsync(async (c, tx) =>
        {
            await c.ExecuteAsync($"insert into {table} values (1)", transaction: tx);
            return await c.ExecuteAsync($"insert into {table} values (1)", transaction: tx); // duplicate key
        }, CancellationToken.None));

        Assert.Equal(0, await CountAsync(table));
    }

    [Fact]
    public async Task One_statement_writes_and_reads_on_a_connection_of_its_own()
    {
        var table = await NewTableAsync();
        var database = new Database(fixture.DataSource);

        var written = await database.ExecuteAsync($"insert into {table} values (@a), (@b)", new { a = 1, b = 2 }, CancellationToken.None);
        var rows = await database.QueryAsync<int>($"select id from {table} order by id", null, CancellationToken.None);
        var one = await database.QuerySingleOrDefaultAsync<SnakeCaseRow>("select 'S1' as sample_id, @v as version", new { v = 3L }, CancellationToken.None);
        var none = await database.QuerySingleOrDefaultAsync<SnakeCaseRow>($"select 'S1' as sample_id, id::bigint as version from {table} where id = 9", null, CancellationToken.None);
        var count = await database.ExecuteScalarAsync<long>($"select count(*) from {table}", null, CancellationToken.None);

        Assert.Equal(2, written);
        Assert.Equal([1, 2], rows);
        Assert.Equal(new SnakeCaseRow("S1", 3), one);
        Assert.Null(none);
        Assert.Equal(2, count);
    }
}
