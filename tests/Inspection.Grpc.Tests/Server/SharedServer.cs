using Inspection.Testing.V1;

namespace Inspection.Grpc.Tests.Server;

/// <summary>One test server and a plain grpc-dotnet channel to it (no retries, no credentials), shared by a test class.</summary>
public sealed class SharedServer : IAsyncLifetime
{
    private TestGrpcServer? _server;

    public TestGrpcServer Server => _server ?? throw new InvalidOperationException("not started");
    public GrpcChannel Channel { get; private set; } = null!;
    public Interop.InteropClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await TestGrpcServer.StartAsync();
        Channel = GrpcChannel.ForAddress(_server.Address);
        Client = new Interop.InteropClient(Channel);
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}
