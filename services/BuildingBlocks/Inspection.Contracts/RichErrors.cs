using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Inspection.Domain;

namespace Inspection.Contracts;

/// <summary>
/// The rich error model (google.rpc.Status in grpc-status-details-bin, through Grpc.StatusProto) both ways: a server
/// raises field violations as google.rpc.BadRequest; a client reads them back as the domain's FieldViolation.
/// </summary>
public static class RichErrors
{
    /// <summary>
    /// An RpcException whose status details carry one google.rpc.BadRequest field violation per wrong field and, when
    /// given, one google.rpc.PreconditionFailure violation per state in the way (so one answer lists every problem).
    /// </summary>
    public static RpcException WithViolations(Grpc.Core.StatusCode code, string message, IReadOnlyList<Inspection.Domain.FieldViolation> violations,
        IReadOnlyList<string>? preconditions = null)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        if (violations.Count > 0)
        {
            var badRequest = new BadRequest();
            foreach (var v in violations)
                badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description });
            status.Details.Add(Any.Pack(badRequest));
        }
        if (preconditions is { Count: > 0 })
        {
            var failure = new PreconditionFailure();
            foreach (var description in preconditions)
                failure.Violations.Add(new PreconditionFailure.Types.Violation { Type = "STATE", Description = description });
            status.Details.Add(Any.Pack(failure));
        }
        return status.ToRpcException();
    }

    /// <summary>
    /// UNAVAILABLE with google.rpc.RetryInfo (the delay a client should wait before trying again, on this copy or another)
    /// and grpc-dotnet's own retry pushback trailer, so its retry policy waits as long.
    /// </summary>
    public static RpcException RetryLater(string message, TimeSpan delay)
    {
        var status = new Google.Rpc.Status { Code = (int)Grpc.Core.StatusCode.Unavailable, Message = message };
        status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(delay) }));
        var trailers = new Metadata
        {
            { "grpc-status-details-bin", status.ToByteArray() },
            { "grpc-retry-pushback-ms", ((long)delay.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return new RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unavailable, message), trailers);
    }

    /// <summary>The ErrorInfo domain of every refusal: the reasons are the product's, the same in every service.</summary>
    public const string Domain = "inspection";

    /// <summary>
    /// The refusal with a google.rpc.ErrorInfo (a stable reason in UPPER_SNAKE_CASE, the domain, and what else helps a
    /// program: the service, the app it asked) and the other details given (ResourceInfo, RetryInfo, PreconditionFailure),
    /// beside the details and trailers it had. One that already has an ErrorInfo is returned as it is. The guide's
    /// "Errors" table lists every reason.
    /// </summary>
    public static RpcException Explained(RpcException refusal, string reason, IReadOnlyDictionary<string, string>? metadata = null, params IMessage[] details)
    {
        Google.Rpc.Status status;
        try
        {
            status = refusal.GetRpcStatus() ?? new Google.Rpc.Status { Code = (int)refusal.StatusCode, Message = refusal.Status.Detail };
        }
        catch (InvalidProtocolBufferException)
        {
            status = new Google.Rpc.Status { Code = (int)refusal.StatusCode, Message = refusal.Status.Detail };
        }
        if (status.GetDetail<ErrorInfo>() is not null) return refusal;
        // What a caller sent can be echoed here (an id of 64 KB): every echoed text is clipped, so the trailers stay
        // within what clients read (HttpClient's 64 KB of response headers) and a refusal is never a transport failure.
        status.Message = Clip(status.Message, MaxEchoedMessage);
        foreach (var detail in details)
            if (!status.Details.Any(a => a.Is(detail.Descriptor)))
                status.Details.Add(Any.Pack(Clipped(detail)));
        var info = new ErrorInfo { Reason = reason, Domain = Domain };
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>()) info.Metadata[key] = Clip(value, MaxEchoedValue);
        status.Details.Add(Any.Pack(info));
        var trailers = new Metadata();
        foreach (var entry in refusal.Trailers)
            if (entry.Key != "grpc-status-details-bin") trailers.Add(entry);
        trailers.Add("grpc-status-details-bin", status.ToByteArray());
        return new RpcException(refusal.Status, trailers);
    }

    private const int MaxEchoedValue = 256;
    private const int MaxEchoedMessage = 2048;

    private static string Clip(string text, int most) => text.Length <= most ? text : text[..(most - 1)] + "\u2026";

    private static IMessage Clipped(IMessage detail)
    {
        switch (detail)
        {
            case ResourceInfo resource:
                resource.ResourceName = Clip(resource.ResourceName, MaxEchoedValue);
                resource.Description = Clip(resource.Description, MaxEchoedMessage);
                break;
            case PreconditionFailure failure:
                foreach (var violation in failure.Violations)
                {
                    violation.Subject = Clip(violation.Subject, MaxEchoedValue);
                    violation.Description = Clip(violation.Description, MaxEchoedMessage);
                }
                break;
        }
        return detail;
    }

    /// <summary>google.rpc.ResourceInfo: which thing of which kind was not found.</summary>
    public static ResourceInfo Resource(string type, string name) => new() { ResourceType = type, ResourceName = name };

    /// <summary>google.rpc.RetryInfo: how long to wait before trying again.</summary>
    public static RetryInfo Retry(TimeSpan delay) => new() { RetryDelay = Duration.FromTimeSpan(delay) };

    /// <summary>google.rpc.PreconditionFailure with one violation: a state in the way, or another app's unknown reference.</summary>
    public static PreconditionFailure Precondition(string type, string subject, string description) =>
        new() { Violations = { new PreconditionFailure.Types.Violation { Type = type, Subject = subject, Description = description } } };

    extension(RpcException exception)
    {
        /// <summary>The google.rpc.ErrorInfo the server sent (reason, domain); null when it sent none.</summary>
        public ErrorInfo? Explanation
        {
            get
            {
                try
                {
                    return exception.GetRpcStatus()?.GetDetail<ErrorInfo>();
                }
                catch (InvalidProtocolBufferException)
                {
                    return null;
                }
            }
        }

        /// <summary>The delay the server asked for before a retry (google.rpc.RetryInfo); null when it asked for none.</summary>
        public TimeSpan? RetryDelay
        {
            get
            {
                try
                {
                    return exception.GetRpcStatus()?.GetDetail<RetryInfo>()?.RetryDelay?.ToTimeSpan();
                }
                catch (InvalidProtocolBufferException)
                {
                    return null;
                }
            }
        }

        /// <summary>The field violations the server sent; none when it sent none, or details that do not decode.</summary>
        public IReadOnlyList<Inspection.Domain.FieldViolation> FieldViolations
        {
            get
            {
                try
                {
                    return exception.GetRpcStatus()?.GetDetail<BadRequest>() is { } badRequest
                        ? badRequest.FieldViolations.Select(v => new Inspection.Domain.FieldViolation(v.Field, v.Description)).ToList()
                        : [];
                }
                catch (InvalidProtocolBufferException)
                {
                    return [];
                }
            }
        }

        /// <summary>The states in the way the server listed (google.rpc.PreconditionFailure), each a sentence; none when it sent none.</summary>
        public IReadOnlyList<string> PreconditionFailures
        {
            get
            {
                try
                {
                    return exception.GetRpcStatus()?.GetDetail<PreconditionFailure>() is { } failure
                        ? failure.Violations.Select(v => v.Description).ToList()
                        : [];
                }
                catch (InvalidProtocolBufferException)
                {
                    return [];
                }
            }
        }
    }
}
