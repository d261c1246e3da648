using Npgsql;
using Xunit;

namespace Inspection.Testing;

/// <summary>A fresh, empty database on <see cref="PostgresServer.Shared"/> for one test class (<c>IClassFixture&lt;PostgresDatabaseFixture&gt;</c>).</summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private NpgsqlDataSource? _dataSource;

    public string ConnectionString { get; private set; } = string.Empty;

    public NpgsqlDataSource DataSource =>
        _dataSource ?? throw new InvalidOperationException("The fixture has not been initialised by xunit yet.");

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.Shared.CreateDatabaseAsync("test").ConfigureAwait(false);
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null) await _dataSource.DisposeAsync().ConfigureAwait(false);
    }
}
