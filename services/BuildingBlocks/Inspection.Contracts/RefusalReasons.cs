namespace Inspection.Contracts;

/// <summary>
/// The stable reasons of google.rpc.ErrorInfo (domain <see cref="RichErrors.Domain"/>) on every refusal: what a
/// program branches on, where the message is for people. Never renamed; a new situation gets a new reason. The
/// integrator guide's "Errors" table lists them.
/// </summary>
public static class RefusalReasons
{
    /// <summary>INVALID_ARGUMENT: a field is missing, unreadable or out of range (google.rpc.BadRequest names each).</summary>
    public const string FieldInvalid = "FIELD_INVALID";
    /// <summary>INVALID_ARGUMENT: the request's bytes are not a message of its type, or not valid gRPC framing.</summary>
    public const string RequestUnreadable = "REQUEST_UNREADABLE";
    /// <summary>NOT_FOUND: an id of the service called does not exist (google.rpc.ResourceInfo names it).</summary>
    public const string NotFound = "NOT_FOUND";
    /// <summary>FAILED_PRECONDITION: the state forbids the request (google.rpc.PreconditionFailure, type STATE).</summary>
    public const string StateForbids = "STATE_FORBIDS";
    /// <summary>FAILED_PRECONDITION: another app does not know, or refused, an id the request names (PreconditionFailure type REFERENCE, subject the app).</summary>
    public const string ReferenceRefused = "REFERENCE_REFUSED";
    /// <summary>ABORTED: the expected_version is stale.</summary>
    public const string VersionStale = "VERSION_STALE";
    /// <summary>ALREADY_EXISTS: the request_id was used for a different request.</summary>
    public const string RequestIdReused = "REQUEST_ID_REUSED";
    /// <summary>UNAVAILABLE: this copy is saturated (google.rpc.RetryInfo says how long to wait).</summary>
    public const string ServiceBusy = "SERVICE_BUSY";
    /// <summary>UNAVAILABLE: the service's own database is away for a moment (RetryInfo).</summary>
    public const string DatabaseUnavailable = "DATABASE_UNAVAILABLE";
    /// <summary>UNAVAILABLE: another app did not answer (RetryInfo; ErrorInfo's metadata "app" names it).</summary>
    public const string UpstreamUnavailable = "UPSTREAM_UNAVAILABLE";
    /// <summary>UNAVAILABLE: this copy is stopping; call again, another copy answers (RetryInfo).</summary>
    public const string ShuttingDown = "SHUTTING_DOWN";
    /// <summary>RESOURCE_EXHAUSTED: a message over the limit; send less, retrying unchanged fails again.</summary>
    public const string MessageTooLarge = "MESSAGE_TOO_LARGE";
    /// <summary>UNAUTHENTICATED: no token was sent.</summary>
    public const string TokenMissing = "TOKEN_MISSING";
    /// <summary>UNAUTHENTICATED: the token is not valid (expired, not signed by a known key, malformed).</summary>
    public const string TokenInvalid = "TOKEN_INVALID";
    /// <summary>UNAUTHENTICATED: under Dapr, the call did not come through the sidecar.</summary>
    public const string NotThroughSidecar = "NOT_THROUGH_SIDECAR";
    /// <summary>PERMISSION_DENIED: the caller lacks the scope, role or service grant that opens the RPC (ErrorInfo metadata "needs").</summary>
    public const string NotPermitted = "NOT_PERMITTED";
    /// <summary>UNIMPLEMENTED: no such service or method at this address (ErrorInfo metadata "method"; the message names what is served).</summary>
    public const string UnknownMethod = "UNKNOWN_METHOD";
    /// <summary>INTERNAL: a fault of the service (ErrorInfo metadata "trace_id").</summary>
    public const string Internal = "INTERNAL";
}
