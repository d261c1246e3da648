using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Inspection.Security;

namespace Inspection.ServiceDefaults;

/// <summary>
/// Binds a generated service the way grpc-dotnet's own provider does (its static BindService, the service class's
/// methods, their attributes as endpoint metadata), with one change: request bytes that do not parse as the request
/// type are INVALID_ARGUMENT, "Message could not be parsed as &lt;type&gt;". grpc-dotnet would answer UNKNOWN, and no
/// interceptor can change that (interceptors run after parsing); bad input is the caller's error, and INTERNAL or
/// UNKNOWN is kept for the server's own faults. Every bound RPC is recorded in <see cref="ServedRpcs"/>.
/// </summary>
internal sealed class InvalidArgumentOnParseFailure<TService>(ServedRpcs served) : IServiceMethodProvider<TService> where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        var bind = typeof(TService).GetCustomAttribute<BindServiceMethodAttribute>(inherit: true);
        var method = bind?.BindType.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == bind.BindMethodName && m.GetParameters() is [var first, _] && first.ParameterType == typeof(ServiceBinderBase));
        method?.Invoke(null, [new Binder(context, served), null]);
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context, ServedRpcs served) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Find<UnaryServerMethod<TService, TRequest, TResponse>>(method, typeof(TRequest), typeof(ServerCallContext));
            context.AddUnaryMethod(Guarded(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Find<ServerStreamingServerMethod<TService, TRequest, TResponse>>(method,
                typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddServerStreamingMethod(Guarded(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Find<ClientStreamingServerMethod<TService, TRequest, TResponse>>(method,
                typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
            context.AddClientStreamingMethod(Guarded(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Find<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(method,
                typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddDuplexStreamingMethod(Guarded(method), metadata, invoker);
        }

        private (TDelegate Invoker, List<object> Metadata) Find<TDelegate>(IMethod method, params Type[] parameters) where TDelegate : Delegate
        {
            var handler = typeof(TService).GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance, parameters)
                ?? throw new InvalidOperationException($"{typeof(TService).Name} has no method {method.Name}");
            served.Add(method.FullName.TrimStart('/'));
            var metadata = new List<object>(typeof(TService).GetCustomAttributes(inherit: true));
            metadata.AddRange(handler.GetCustomAttributes(inherit: true));
            return (handler.CreateDelegate<TDelegate>(), metadata);
        }
    }

    private static Method<TRequest, TResponse> Guarded<TRequest, TResponse>(Method<TRequest, TResponse> method)
    {
        var parse = method.RequestMarshaller.ContextualDeserializer;
        var typeName = typeof(TRequest).GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is MessageDescriptor d
            ? d.FullName : typeof(TRequest).Name;
        var request = new Marshaller<TRequest>(method.RequestMarshaller.ContextualSerializer, context =>
        {
            try
            {
                return parse(context);
            }
            // protobuf sometimes throws IndexOutOfRangeException rather than its own error for a nested message whose
            // declared length runs past the end; its own text can name its API, so say only what was wrong
            catch (Exception e) when (e is InvalidProtocolBufferException or IndexOutOfRangeException)
            {
                throw Inspection.Contracts.RichErrors.Explained(new RpcException(new Status(StatusCode.InvalidArgument, $"Message could not be parsed as {typeName}")),
                    Inspection.Contracts.RefusalReasons.RequestUnreadable);
            }
        });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, request, method.ResponseMarshaller);
    }
}
