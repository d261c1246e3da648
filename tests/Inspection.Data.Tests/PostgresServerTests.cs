using Dapper;
using Inspection.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace Inspection.Data.Tests;

public sealed class PostgresServerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Each_created_database_is_fresh_and_on_the_loopback_port()
    {
        var first = await PostgresServer.Shared.CreateDatabaseAsync("Harness Check!");
        var second = await PostgresServer.Shared.CreateDatabaseAsync("Harness Check!");
        output.WriteLine($"shared cluster started in {PostgresServer.Shared.StartupTime.TotalMilliseconds:F0} ms");

        var a = new NpgsqlConnectionStringBuilder(first);
        var b = new NpgsqlConnectionStringBuilder(second);
        Assert.NotEqual(a.Database, b.Database);
        Assert.StartsWith("harness_check_", a.Database);
        Assert.Equal("127.0.0.1", a.Host);
        Assert.Equal(PostgresServer.Shared.Port, a.Port);
        Assert.Equal("postgres", a.Username);

        await using var c = new NpgsqlConnection(first);
        await c.OpenAsync();
        Assert.Equal(0, await c.ExecuteScalarAsync<int>(
            "select count(*) from information_schema.tables where table_schema = 'public'"));
    }

    [Fact]
    public async Task The_cluster_runs_the_tuned_test_settings_from_its_temp_data_directory()
    {
        await using var c = new NpgsqlConnection(await PostgresServer.Shared.CreateDatabaseAsync("settings"));
        await c.OpenAsync();

        Assert.Equal("off", await c.ExecuteScalarAsync<string>("show fsync"));
        Assert.Equal("off", await c.ExecuteScalarAsync<string>("show synchronous_commit"));
        Assert.Equal("off", await c.ExecuteScalarAsync<string>("show full_page_writes"));
        Assert.Equal("300", await c.ExecuteScalarAsync<string>("show max_connections"));
        Assert.Equal("UTF8", await c.ExecuteScalarAsync<string>("show server_encoding"));
        Assert.Equal(PostgresServer.Shared.DataDirectory, await c.ExecuteScalarAsync<string>("show data_directory"));
        Assert.StartsWith("15.", await c.ExecuteScalarAsync<string>("show server_version"));
        Assert.True(File.Exists(Path.Combine(PostgresServer.Shared.BinDirectory, "postgres")));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task A_failed_start_reports_the_tool_output_and_leaves_no_folder_behind()
    {
        var fakeBin = Directory.CreateTempSubdirectory("fake-pg-bin-").FullName;
        try
        {
            File.SetUnixFileMode(fakeBin, (UnixFileMode)0b111_101_101);
            var initdb = Path.Combine(fakeBin, "initdb");
            await File.WriteAllTextAsync(initdb, "#!/bin/sh\necho 'initdb: broken on purpose' >&2\nexit 1\n");
            File.SetUnixFileMode(initdb, (UnixFileMode)0b111_101_101);
            await using var server = new PostgresServer(fakeBin);

            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => server.StartAsync());

            Assert.Contains("broken on purpose", failure.Message);
            Assert.False(server.IsRunning);
            Assert.False(Directory.Exists(Path.GetDirectoryName(server.DataDirectory)));
        }
        finally
        {
            Directory.Delete(fakeBin, recursive: true);
        }
    }
}
