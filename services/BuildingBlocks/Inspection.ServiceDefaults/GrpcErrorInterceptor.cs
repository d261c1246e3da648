using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Inspection.Contracts;
using Inspection.Data;
using Inspection.Domain;
using Microsoft.Extensions.Logging;
using Npgsql;
using Reasons = Inspection.Contracts.RefusalReasons;

namespace Inspection.ServiceDefaults;

/// <summary>
/// The one place errors become statuses. Before the handler: a request with U+0000 in a text field is refused
/// (PostgreSQL text cannot hold it). After: the domain's errors become their codes (validation as INVALID_ARGUMENT with
/// google.rpc.BadRequest field violations), a database that went away UNAVAILABLE, another app's failure as the
/// product's status table has it (<see cref="FromUpstream"/>), anything unexpected INTERNAL with only a trace id (the
/// exception is logged). Every status is bounded so any client can read its headers.
/// </summary>
internal sealed class GrpcErrorInterceptor(ILogger<GrpcErrorInterceptor> logger, GracefulShutdown? shutdown = null, AppIdentity? identity = null) : Interceptor
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
            throw Explained(RichErrors.RetryLater("This copy of the service is stopping; call again to resume from the last event received", TimeSpan.Zero),
                Reasons.ShuttingDown);
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
                throw RichErrors.Explained(new RpcException(new Status(StatusCode.ResourceExhausted, $"The request stream declares a message too large: {StatusBounds.Message(e.Message)}")),
                    Reasons.MessageTooLarge);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested
                                      && e is InvalidDataException or IOException or RpcException { StatusCode: StatusCode.Internal })
            {
                throw RichErrors.Explained(new RpcException(new Status(StatusCode.InvalidArgument,
                    $"The request stream is not valid gRPC framing: {StatusBounds.Message(e.Message)}")), Reasons.RequestUnreadable);
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
                var bounded = violations.Count > 0 || rpc.Status.Detail.Length > StatusBounds.MaxMessageLength
                    ? RichErrors.WithViolations(rpc.StatusCode, StatusBounds.Message(rpc.Status.Detail), StatusBounds.Violations(violations))
                    : rpc;
                return ByCode(bounded);
            case ValidationException validation:
                return Explained(RichErrors.WithViolations(StatusCode.InvalidArgument, StatusBounds.Message(validation.Message),
                    StatusBounds.Violations(validation.Violations), StatusBounds.Preconditions(validation.Preconditions)), Reasons.FieldInvalid);
            case NotFoundException notFound:
                return Explained(Refused(StatusCode.NotFound, exception.Message), Reasons.NotFound, RichErrors.Resource(notFound.What, notFound.Id));
            case ConcurrencyConflictException:
                return Explained(Refused(StatusCode.Aborted, exception.Message), Reasons.VersionStale);
            case PreconditionFailedException { Failures.Count: > 0 } precondition:
                return Explained(RichErrors.WithViolations(StatusCode.FailedPrecondition, StatusBounds.Message(precondition.Message), [],
                    StatusBounds.Preconditions(precondition.Failures)), Reasons.StateForbids);
            case PreconditionFailedException:
                return Explained(Refused(StatusCode.FailedPrecondition, exception.Message), Reasons.StateForbids,
                    RichErrors.Precondition("STATE", "", StatusBounds.Message(exception.Message)));
            case AlreadyExistsException:
                return Explained(Refused(StatusCode.AlreadyExists, exception.Message), Reasons.RequestIdReused);
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return Ended(context);
            case DatabaseBusyException:
                // Every pooled connection stayed busy for the whole wait: the database is there (readiness unchanged),
                // this copy is saturated. Retry shortly, here or on another copy. Also when the wait ended just before
                // the call's deadline: the caller hears "busy" rather than a bare DEADLINE_EXCEEDED.
                logger.LogWarning("{Method}: every database connection stayed busy; answered UNAVAILABLE to retry", method);
                return Explained(RichErrors.RetryLater("The service is busy; retry shortly", BusyRetryDelay), Reasons.ServiceBusy);
            case NpgsqlException { IsTransient: true } or TimeoutException:
                // A database that went away is a passing condition the caller may retry, not a bug.
                logger.LogWarning("{Method}: the database is unavailable ({Reason})", method, exception.Message);
                return Explained(RichErrors.RetryLater("The service's database is unavailable; retry shortly", BusyRetryDelay), Reasons.DatabaseUnavailable);
        }
        return Internal(exception, context, method);
    }

    private RpcException Internal(Exception exception, ServerCallContext context, string method)
    {
        var traceId = Activity.Current?.TraceId.ToHexString() ?? context.GetHttpContext().TraceIdentifier;
        logger.LogError(exception, "Unhandled exception in {Method} (trace id {TraceId})", method, traceId);
        return Explained(new RpcException(new Status(StatusCode.Internal, $"An internal error occurred; trace id {traceId}")), Reasons.Internal,
            extra: new Dictionary<string, string> { ["trace_id"] = traceId });
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
        if (context.CancellationToken.IsCancellationRequested || GrpcDeadlines.HasPassed(context.Deadline)) return Ended(context);
        var app = new Dictionary<string, string> { ["app"] = upstream.AppId };
        switch (upstream.StatusCode)
        {
            case StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Cancelled:
                logger.LogWarning("{Method}: {App} did not answer ({Status})", method, upstream.AppId, upstream.StatusCode);
                return Explained(Refused(StatusCode.Unavailable, upstream.Unreached ? upstream.Status.Detail : $"{UpstreamException.DidNotAnswer(upstream.AppId)}: {upstream.Status.Detail}"),
                    Reasons.UpstreamUnavailable, app, RichErrors.Retry(BusyRetryDelay));
            case StatusCode.NotFound or StatusCode.InvalidArgument or StatusCode.FailedPrecondition:
                var message = StatusBounds.Message($"{upstream.AppId}: {upstream.Status.Detail}");
                return Explained(Refused(StatusCode.FailedPrecondition, message), Reasons.ReferenceRefused, app,
                    RichErrors.Precondition("REFERENCE", upstream.AppId, message));
        }
        var traceId = Activity.Current?.TraceId.ToHexString() ?? context.GetHttpContext().TraceIdentifier;
        logger.LogError(upstream, "{Method}: {App} answered {Status} (trace id {TraceId})", method, upstream.AppId, upstream.StatusCode, traceId);
        return Explained(new RpcException(new Status(StatusCode.Internal, $"An internal error occurred; trace id {traceId}")), Reasons.Internal,
            extra: new Dictionary<string, string> { ["trace_id"] = traceId });
    }

    /// <summary>A status raised as an RpcException by code (the framing checks, the stopping stream): its reason by its code.</summary>
    private RpcException ByCode(RpcException rpc) => rpc.StatusCode switch
    {
        StatusCode.InvalidArgument => Explained(rpc, Reasons.FieldInvalid),
        StatusCode.NotFound => Explained(rpc, Reasons.NotFound),
        StatusCode.FailedPrecondition => Explained(rpc, Reasons.StateForbids, RichErrors.Precondition("STATE", "", rpc.Status.Detail)),
        StatusCode.Aborted => Explained(rpc, Reasons.VersionStale),
        StatusCode.AlreadyExists => Explained(rpc, Reasons.RequestIdReused),
        StatusCode.Unavailable => Explained(rpc, Reasons.ServiceBusy, RichErrors.Retry(BusyRetryDelay)),
        StatusCode.ResourceExhausted => Explained(rpc, Reasons.MessageTooLarge),
        StatusCode.PermissionDenied => Explained(rpc, Reasons.NotPermitted),
        StatusCode.Unauthenticated => Explained(rpc, Reasons.TokenInvalid),
        _ => rpc,
    };

    private RpcException Explained(RpcException refusal, string reason, params Google.Protobuf.IMessage[] details) =>
        Explained(refusal, reason, null, details);

    private RpcException Explained(RpcException refusal, string reason, IReadOnlyDictionary<string, string>? extra, params Google.Protobuf.IMessage[] details)
    {
        var metadata = new Dictionary<string, string>(extra ?? new Dictionary<string, string>());
        if (identity is not null) metadata["service"] = identity.AppId;
        return RichErrors.Explained(refusal, reason, metadata, details);
    }

    /// <summary>The caller's deadline passed or the caller cancelled: nothing more to tell it.</summary>
    private static RpcException Ended(ServerCallContext context) =>
        GrpcDeadlines.HasPassed(context.Deadline)
            ? new RpcException(new Status(StatusCode.DeadlineExceeded, "Deadline exceeded"))
            : new RpcException(new Status(StatusCode.Cancelled, "The caller cancelled the call"));

    private static RpcException Refused(StatusCode code, string message) => new(new Status(code, StatusBounds.Message(message)));
}
