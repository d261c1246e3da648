using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Inspection.Grpc;

public static class GrpcServerExtensions
{
    /// <summary>Adds the gRPC server; the dispatcher goes first in the pipeline so gRPC calls skip the rest.</summary>
    public static IServiceCollection AddGrpcServer(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        services.AddOptions<GrpcServerOptions>();
        if (configure is not null) services.Configure(configure);
        services.TryAddSingleton<GrpcServiceRegistry>();
        services.TryAddSingleton<IGrpcServiceCatalog>(sp => sp.GetRequiredService<GrpcServiceRegistry>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, GrpcStartupFilter>());
        return services;
    }

    /// <summary>Serves a service class derived from a generated <c>...Base</c>; one instance per call, built from DI.</summary>
    public static IApplicationBuilder MapGrpcService<TService>(this IApplicationBuilder app) where TService : class
    {
        var registry = app.ApplicationServices.GetService<GrpcServiceRegistry>()
            ?? throw new InvalidOperationException("Call services.AddGrpcServer() before MapGrpcService");
        registry.Map(typeof(TService));
        return app;
    }

    private sealed class GrpcStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<GrpcCallDispatcher>();
            next(app);
        };
    }
}
