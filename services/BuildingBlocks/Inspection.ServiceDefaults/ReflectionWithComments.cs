using Grpc.AspNetCore.Server;
using Grpc.Reflection;
using Inspection.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Inspection.ServiceDefaults;

/// <summary>
/// Server reflection (v1 and v1alpha) that serves the contracts with their comments: grpc-dotnet's own builds its
/// answers from the generated code's descriptors, which carry no source info. The services it lists are those the host
/// maps, as grpc-dotnet's; a file the contracts do not hold (health, reflection itself, a test's service) is served as
/// generated.
/// </summary>
public static class ReflectionWithComments
{
    public static IServiceCollection AddReflectionWithComments(this IServiceCollection services)
    {
        services.AddGrpcReflection();
        services.Replace(ServiceDescriptor.Singleton(provider =>
        {
            var (names, registry) = Served(provider);
            return new ReflectionServiceImpl(names, registry);
        }));
        services.Replace(ServiceDescriptor.Singleton(provider =>
        {
            var (names, registry) = Served(provider);
            return new ReflectionV1ServiceImpl(names, registry);
        }));
        return services;
    }

    private static (IReadOnlyList<string> Names, SymbolRegistry Registry) Served(IServiceProvider provider)
    {
        var methods = provider.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()).OfType<GrpcMethodMetadata>().ToList();
        var generated = methods.Select(m => m.ServiceType).Distinct().Select(GeneratedFile).OfType<Google.Protobuf.Reflection.FileDescriptor>();
        // The first file of a name wins: the contracts' own, with comments, before the generated copies.
        return (methods.Select(m => m.Method.ServiceName).Distinct().ToList(), SymbolRegistry.FromFiles(ContractDescriptors.WithComments.Concat(generated)));
    }

    // The generated file of a service implementation (Foo.FooBase's declaring class has the static Descriptor).
    private static Google.Protobuf.Reflection.FileDescriptor? GeneratedFile(Type implementation)
    {
        for (var type = implementation; type is not null; type = type.BaseType)
            if (type.DeclaringType?.GetProperty("Descriptor")?.GetValue(null) is Google.Protobuf.Reflection.ServiceDescriptor service)
                return service.File;
        return null;
    }
}
