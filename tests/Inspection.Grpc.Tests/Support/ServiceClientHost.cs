using Inspection.Security;
using Inspection.ServiceDefaults;
using Inspection.Testing.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Inspection.Grpc.Tests.Support;

/// <summary>
/// The client side of a service host: a host builder with the given configuration and the Interop client registered
/// by ServiceClients.AddServiceClient, exactly as a service's Program registers the clients of the apps it calls.
/// </summary>
public sealed class ServiceClientHost : IDisposable
{
    public const string AppId = "interop-target";

    private readonly IHost _host;

    /// <param name="client">Changes to the registered client, e.g. another primary handler.</param>
    public ServiceClientHost(IReadOnlyDictionary<string, string?> settings, IOutgoingCredentials? credentials = null, Action<IHttpClientBuilder>? client = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        if (credentials is not null) builder.Services.AddSingleton(credentials);
        var registered = builder.AddServiceClient<Interop.InteropClient>(AppId);
        client?.Invoke(registered);
        _host = builder.Build();
    }

    public IServiceProvider Services => _host.Services;

    public Interop.InteropClient Client => _host.Services.GetRequiredService<Interop.InteropClient>();

    public void Dispose() => _host.Dispose();
}
