using System.Collections.Frozen;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Inspection.Grpc;

/// <summary>The server's routing table, :path to method, built once at start-up.</summary>
internal sealed class GrpcServiceRegistry : IGrpcServiceCatalog
{
    private readonly Dictionary<string, ServerMethod> _building = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, ObjectFactory> _factories = [];
    private FrozenDictionary<string, ServerMethod>? _frozen;

    private readonly HashSet<string> _serviceNames = new(StringComparer.Ordinal);

    public bool Serves(string serviceName) => _serviceNames.Contains(serviceName);

    public IReadOnlyCollection<string> ServiceNames => _serviceNames;

    public void Map(Type serviceType)
    {
        if (_frozen is not null) throw new InvalidOperationException("gRPC services must be mapped before the server starts");
        // The generated base class declares the static BindService; find it up the hierarchy.
        MethodInfo? bind = null;
        for (var t = serviceType; t is not null && bind is null; t = t.BaseType)
            bind = t.GetMethod("BindService", BindingFlags.Public | BindingFlags.Static, [typeof(ServiceBinder)]);
        if (bind is null)
            throw new InvalidOperationException($"{serviceType.Name} does not derive from a generated gRPC service base class");
        bind.Invoke(null, [new ServiceBinder(serviceType, this)]);
        _factories[serviceType] = ActivatorUtilities.CreateFactory(serviceType, Type.EmptyTypes);
    }

    public void Add(string path, ServerMethod method)
    {
        if (!_building.TryAdd(path, method)) throw new InvalidOperationException($"{path} is mapped twice");
        _serviceNames.Add(method.ServiceName);
    }

    public ServerMethod? Find(string path)
    {
        var table = _frozen ??= _building.ToFrozenDictionary(StringComparer.Ordinal);
        return table.GetValueOrDefault(path);
    }

    /// <summary>The service instance for one call: from DI when registered there, otherwise constructed with DI.</summary>
    public object CreateService(ServerMethod method, IServiceProvider services) =>
        services.GetService(method.ServiceType) ?? _factories[method.ServiceType](services, null);
}
