using System.Diagnostics;

namespace Inspection.Grpc;

/// <summary>Spans of the gRPC layer, named and tagged after the OpenTelemetry RPC semantic conventions.</summary>
public static class GrpcTelemetry
{
    public const string SourceName = "Inspection.Grpc";
    public static readonly ActivitySource Source = new(SourceName, "1.0.0");

    internal static Activity? StartServer(string service, string method, string fullName, ActivityContext parent) =>
        Tag(Source.StartActivity(fullName, ActivityKind.Server, parent), service, method);

    internal static Activity? StartClient(string service, string method, string fullName) =>
        Tag(Source.StartActivity(fullName, ActivityKind.Client), service, method);

    private static Activity? Tag(Activity? activity, string service, string method)
    {
        if (activity is null) return null;
        activity.SetTag("rpc.system", "grpc");
        activity.SetTag("rpc.service", service);
        activity.SetTag("rpc.method", method);
        return activity;
    }

    internal static void Complete(Activity? activity, StatusCode code, bool server)
    {
        if (activity is null) return;
        activity.SetTag("rpc.grpc.status_code", (int)code);
        // the conventions: a client marks every non-OK an error; a server only the codes that mean it failed
        var error = server
            ? code is StatusCode.Unknown or StatusCode.DeadlineExceeded or StatusCode.Unimplemented or StatusCode.Internal or StatusCode.Unavailable or StatusCode.DataLoss
            : code != StatusCode.OK;
        if (error) activity.SetStatus(ActivityStatusCode.Error, code.ToString());
    }
}
