using Grpc.Core.Interceptors;
using Inspection.Grpc.Tests.Support;
using Inspection.ServiceDefaults;

namespace Inspection.Grpc.Tests;

/// <summary>
/// The one client way (UpstreamCalls) for client-streaming calls, as case sampling's UploadCaseload is: a call given no
/// deadline gets the default one, a given deadline is kept, and a failure, whether met while writing or when awaiting
/// the answer, is UpstreamException naming the app like a unary or server-streaming call's.
/// </summary>
public sealed class ClientStreamingUpstreamCallTests
{
    private static readonly Method<string, string> Upload =
        new(MethodType.ClientStreaming, "inspection.testing.v1.Interop", "Upload", Marshallers.StringMarshaller, Marshallers.StringMarshaller);

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_failure_while_writing_or_answering_is_UpstreamException_naming_the_app()
    {
        var upstream = new RefusingUpload(new Status(StatusCode.NotFound, "Inspection 'i-404' was not found"));
        var invoker = upstream.Intercept(new UpstreamCalls(ServiceClientHost.AppId, Deadline));

        using var call = invoker.AsyncClientStreamingCall(Upload, null, new CallOptions());
        var written = await Assert.ThrowsAsync<UpstreamException>(() => call.RequestStream.WriteAsync("row 1"));
        var completed = await Assert.ThrowsAsync<UpstreamException>(() => call.RequestStream.CompleteAsync());
        var answered = await Assert.ThrowsAsync<UpstreamException>(() => call.ResponseAsync);

        Assert.All([written, completed, answered], e =>
            Assert.Equal((ServiceClientHost.AppId, StatusCode.NotFound, "Inspection 'i-404' was not found"), (e.AppId, e.StatusCode, e.Status.Detail)));
    }

    [Fact]
    public void A_call_given_no_deadline_gets_the_default_one_and_a_given_deadline_is_kept()
    {
        var upstream = new RefusingUpload(new Status(StatusCode.Unavailable, "down"));
        var invoker = upstream.Intercept(new UpstreamCalls(ServiceClientHost.AppId, Deadline));
        var given = DateTime.UtcNow.AddMinutes(1);

        var before = DateTime.UtcNow;
        using (invoker.AsyncClientStreamingCall(Upload, null, new CallOptions())) { }
        var after = DateTime.UtcNow;
        var byDefault = upstream.Deadlines[^1];
        using (invoker.AsyncClientStreamingCall(Upload, null, new CallOptions(deadline: given))) { }

        Assert.InRange(byDefault!.Value, before + Deadline, after + Deadline);
        Assert.Equal(given, upstream.Deadlines[^1]);
    }

    /// <summary>An upstream whose client-streaming call has failed: every write, the completion and the answer
    /// throw its status, as grpc-dotnet's do once the server has ended the call.</summary>
    private sealed class RefusingUpload(Status status) : CallInvoker
    {
        public List<DateTime?> Deadlines { get; } = [];

        public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
        {
            Deadlines.Add(options.Deadline);
            var failure = new RpcException(status);
            return new AsyncClientStreamingCall<TRequest, TResponse>(new RefusingWriter<TRequest>(failure), Task.FromException<TResponse>(failure),
                Task.FromResult(new Metadata()), () => status, () => [], () => { });
        }

        public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
            throw new NotSupportedException();

        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
            throw new NotSupportedException();

        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
            throw new NotSupportedException();

        public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
            throw new NotSupportedException();
    }

    private sealed class RefusingWriter<T>(RpcException failure) : IClientStreamWriter<T>
    {
        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(T message) => Task.FromException(failure);

        public Task CompleteAsync() => Task.FromException(failure);
    }
}
