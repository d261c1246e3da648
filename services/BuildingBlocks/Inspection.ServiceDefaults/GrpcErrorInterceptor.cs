using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Inspection.Contracts;
using Inspection.Data;
using Inspection.Domain;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inspection.ServiceDefaults;

/// <summary>
/// The one place errors become statuses. Before the handler: a request with U+0000 in a text field is refused
/// (PostgreSQL text cannot hold it). After: the domain's errors become their codes (validation as INVALID_ARGUMENT with
/// google.rpc.BadRequest field violations), a database that went away UNAVAILABLE, another app's failure as the
/// product's status table has it (<see cref="FromUpstream"/>), anything unexpected INTERNAL with only a trace id (the
/// exception is logged). Every status is bounded so any client can read its headers.
/// </summary>
internal sealed class GrpcErrorInterceptor(ILogger<GrpcErrorInterceptor> logger, GracefulShutdown? shutdown = null) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var validateOnly = ValidateOnly.Begin();
        using var deadline = Database.WithDeadline(context.Deadline);
        try
        {
            if (request is IMessage message)
            {
                NulCharacters.Refuse(message);
                if (ValidateOnlyField.IsSet(message)) validateOnly.Request();
            }
            return await continuation(request, context);
        }
        catch (ValidatedOnlyException)
        {
            return Activator.CreateInstance<TResponse>();
        }
        catch (Exception e)
        {
            throw ToRpcException(e, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        // A stream may outlive the copy serving it: when the host's drain is over, its handler is cancelled and the
        // client is told to call again (another copy, from its last cursor), not left with a reset connection.
        var streamsEnd = shutdown?.StreamsEnd ?? CancellationToken.None;
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, streamsEnd);
        using var deadline = Database.WithDeadline(context.Deadline);
        try
        {
            if (request is IMessage message) NulCharacters.Refuse(message);
            await continuation(request, responseStream, new StreamCallContext(context, cancellation.Token));
        }
        catch (Exception e) when (streamsEnd.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested
                                  && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            logger.LogInformation("{Method}: stream ended by the shutdown; the client resumes elsewhere", context.Method.TrimStart('/'));
            throw RichErrors.RetryLater("This copy of the service is stopping; call again to resume from the last event received", TimeSpan.Zero);
        }
        catch (Exception e)
        {
            throw ToRpcException(e, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var validateOnly = ValidateOnly.Begin();
        using var deadline = Database.WithDeadline(context.Deadline);
        try
        {
            return await continuation(new CheckedRequestStream<TRequest>(requestStream, validateOnly), context);
        }
        catch (ValidatedOnlyException)
        {
            return Activator.CreateInstance<TResponse>();
        }
        catch (Exception e)
        {
            throw ToRpcException(e, context);
        }
    }

    /// <summary>
    /// A client stream read as a unary request is: every message checked for U+0000, and a frame that is not valid gRPC
    /// (cut short, a compressed flag out of range, gzip that does not inflate, a declared length over the limit) the
    /// caller's INVALID_ARGUMENT. For a unary call grpc-dotnet reads the frame before our code runs (the fuzz tests'
    /// known gaps); a client stream is read inside the handler, so here its framing errors can read as what they are.
    /// </summary>
    private sealed class CheckedRequestStream<TRequest>(IAsyncStreamReader<TRequest> inner, ValidateOnly validateOnly) : IAsyncStreamReader<TRequest>
    {
        public TRequest Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            bool more;
            try
            {
                more = await inner.MoveNext(cancellationToken);
            }
            catch (IOException e) when (!cancellationToken.IsCancellationRequested && e.Message.StartsWith("Message too large", StringComparison.Ordinal))
            {
                // A declared length beyond any limit, as the receive limit itself answers for a smaller one.
                throw new RpcException(new Status(StatusCode.ResourceExhausted, $"The request stream declares a message too large: {StatusBounds.Message(e.Message)}"));
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested
                                      && e is InvalidDataException or IOException or RpcException { StatusCode: StatusCode.Internal })
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument,
                    $"The request stream is not valid gRPC framing: {StatusBounds.Message(e.Message)}"));
            }
            if (!more) return false;
            if (inner.Current is IMessage message)
            {
                NulCharacters.Refuse(message);
                if (ValidateOnlyField.IsSet(message)) validateOnly.Request();
            }
            return true;
        }
    }

    /// <summary>The RetryInfo of a busy or unreachable database: long enough for a pooled connection to come free.</summary>
    internal static readonly TimeSpan BusyRetryDelay = TimeSpan.FromMilliseconds(500);

    private RpcException ToRpcException(Exception exception, ServerCallContext context)
    {
        var method = context.Method.TrimStart('/');
        switch (exception)
        {
            case UpstreamException upstream:
                return FromUpstream(upstream, context, method);
            case RpcException rpc:
                var violations = rpc.FieldViolations;
                return violations.Count > 0 || rpc.Status.Detail.Length > StatusBounds.MaxMessageLength
                    ? RichErrors.WithViolations(rpc.StatusCode, StatusBounds.Message(rpc.Status.Detail), StatusBounds.Violations(violations))
                    : rpc;
            case ValidationException validation:
                return RichErrors.WithViolations(StatusCode.InvalidArgument, StatusBounds.Message(validation.Message),
                    StatusBounds.Violations(validation.Violations), StatusBounds.Preconditions(validation.Preconditions));
            case NotFoundException:
                return Refused(StatusCode.NotFound, exception.Message);
            case ConcurrencyConflictException:
                return Refused(StatusCode.Aborted, exception.Message);
            case PreconditionFailedException { Failures.Count: > 0 } precondition:
                return RichErrors.WithViolations(StatusCode.FailedPrecondition, StatusBounds.Message(precondition.Message), [],
                    StatusBounds.Preconditions(precondition.Failures));
            case PreconditionFailedException:
                return Refused(StatusCode.FailedPrecondition, exception.Message);
            case AlreadyExistsException:
                return Refused(StatusCode.AlreadyExists, exception.Message);
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return Ended(context);
            case DatabaseBusyException:
                // Every pooled connection stayed busy for the whole wait: the database is there (readiness unchanged),
                // this copy is saturated. Retry shortly, here or on another copy. Also when the wait ended just before
                // the call's deadline: the caller hears "busy" rather than a bare DEADLINE_EXCEEDED.
                logger.LogWarning("{Method}: every database connection stayed busy; answered UNAVAILABLE to retry", method);
                return RichErrors.RetryLater("The service is busy; retry shortly", BusyRetryDelay);
            case NpgsqlException { IsTransient: true } or TimeoutException:
                // A database that went away is a passing condition the caller may retry, not a bug.
                logger.LogWarning("{Method}: the database is unavailable ({Reason})", method, exception.Message);
                return RichErrors.RetryLater("The service's database is unavailable; retry shortly", BusyRetryDelay);
        }
        var traceId = Activity.Current?.TraceId.ToHexString() ?? context.GetHttpContext().TraceIdentifier;
        logger.LogError(exception, "Unhandled exception in {Method} (trace id {TraceId})", method, traceId);
        return new RpcException(new Status(StatusCode.Internal, $"An internal error occurred; trace id {traceId}"));
    }

    /// <summary>
    /// Another app's failure, once for every service: unreachable, too slow or gone mid-call is UNAVAILABLE naming it
    /// (the caller may retry); an id it does not know, cannot read, or whose state forbids the request is the caller's
    /// error, FAILED_PRECONDITION naming it (its field violations name its fields, not ours, so they are not passed on);
    /// anything else (refused credentials, its own fault) is this app's INTERNAL, logged with what the app said.
    /// </summary>
    private RpcException FromUpstream(UpstreamException upstream, ServerCallContext context, string method)
    {
        // The onward call carries this call's deadline, and its own timer can fire a moment before this call's token
        // does: a deadline already passed is this call's DEADLINE_EXCEEDED, not the upstream's fault (seen under load).
        if (context.CancellationToken.IsCancellationRequested || context.Deadline <= DateTime.UtcNow) return Ended(context);
        switch (upstream.StatusCode)
        {
            case StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Cancelled:
                logger.LogWarning("{Method}: {App} did not answer ({Status})", method, upstream.AppId, upstream.StatusCode);
                return Refused(StatusCode.Unavailable, upstream.Unreached ? upstream.Status.Detail : $"{UpstreamException.DidNotAnswer(upstream.AppId)}: {upstream.Status.Detail}");
            case StatusCode.NotFound or StatusCode.InvalidArgument or StatusCode.FailedPrecondition:
                return Refused(StatusCode.FailedPrecondition, $"{upstream.AppId}: {upstream.Status.Detail}");
        }
        var traceId = Activity.Current?.TraceId.ToHexString() ?? context.GetHttpContext().TraceIdentifier;
        logger.LogError(upstream, "{Method}: {App} answered {Status} (trace id {TraceId})", method, upstream.AppId, upstream.StatusCode, traceId);
        return new RpcException(new Status(StatusCode.Internal, $"An internal error occurred; trace id {traceId}"));
    }

    /// <summary>The caller's deadline passed or the caller cancelled: nothing more to tell it.</summary>
    private static RpcException Ended(ServerCallContext context) =>
        context.Deadline <= DateTime.UtcNow
            ? new RpcException(new Status(StatusCode.DeadlineExceeded, "Deadline exceeded"))
            : new RpcException(new Status(StatusCode.Cancelled, "The caller cancelled the call"));

    private static RpcException Refused(StatusCode code, string message) => new(new Status(code, StatusBounds.Message(message)));
}
