namespace Inspection.Grpc;

/// <summary>Where a server-streaming method writes its responses, one message at a time.</summary>
public interface IServerStreamWriter<in T>
{
    Task WriteAsync(T message, CancellationToken cancellationToken = default);
}
