using Grpc.Net.Client;
using Grpc.Core;
using Inspection.Testing;

namespace Inspection.Security.Tests;

/// <summary>The real recommendation-tracking host over a fresh database, with the test run's keys.</summary>
public sealed class TrackingHost : IAsyncLifetime
{
    private ServiceTestHost<Program>? _host;

    public ServiceTestHost<Program> Host => _host ?? throw new InvalidOperationException("Not initialised");

    /// <summary>A channel that sends nothing of its own: each test says which credential it presents.</summary>
    public GrpcChannel Bare { get; private set; } = null!;

    public const int OpenDataPermitsPerMinute = 5;

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.Shared.CreateDatabaseAsync("security");
        _host = await ServiceTestHost<Program>.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            // The open data's rate limit, small enough to reach (OpenDataAccessTests); no other test here calls it.
            ["OpenData:PermitsPerMinute"] = OpenDataPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Bare = GrpcChannel.ForAddress(_host.GrpcAddress);
    }

    public static CallOptions With(string? authorization)
    {
        var headers = new Metadata();
        if (authorization is not null) headers.Add("authorization", authorization);
        return new CallOptions(headers, DateTime.UtcNow.AddSeconds(30));
    }

    public async Task DisposeAsync()
    {
        Bare?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
    }
}
