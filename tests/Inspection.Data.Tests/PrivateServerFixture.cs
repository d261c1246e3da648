using Inspection.Testing;

namespace Inspection.Data.Tests;

/// <summary>A cluster of this test class's own, so stopping it disturbs no other test.</summary>
public sealed class PrivateServerFixture : IAsyncLifetime
{
    public PostgresServer Server { get; } = new();

    public Task InitializeAsync() => Server.StartAsync();

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();
}
