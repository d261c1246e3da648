using Grpc.Core;

namespace Inspection.ServiceDefaults;

/// <summary>
/// A call to another app that failed, naming the app: raised by <see cref="UpstreamCalls"/> for every failed call of a
/// client from <see cref="ServiceClients.AddServiceClient{TClient}"/>, and mapped to this app's own status once, by
/// GrpcErrorInterceptor, per the product's status table (README, "Statuses"). It keeps the upstream's status and
/// trailers (a caller that is not a service, the admin, reads them as any RpcException); an adapter catches it only for
/// what is specific to it (e.g. "no sample drawn yet" from NOT_FOUND).
/// </summary>
public sealed class UpstreamException : RpcException
{
    public UpstreamException(string appId, RpcException failure)
        : base(new Status(failure.StatusCode, Detail(appId, failure), failure.Status.DebugException), failure.Trailers)
    {
        AppId = appId;
    }

    /// <summary>The app called (its Dapr app id).</summary>
    public string AppId { get; }

    /// <summary>The app could not be reached or did not answer in time: the caller may retry.</summary>
    public bool Unreached => Unanswered(StatusCode);

    /// <summary>How a status names an app that did not answer; the admin looks for it to say which service is down.</summary>
    public static string DidNotAnswer(string appId) => $"{appId} did not answer";

    internal static bool Unanswered(StatusCode code) => code is StatusCode.Unavailable or StatusCode.DeadlineExceeded;

    // grpc-dotnet's transport errors ("Error connecting to subchannel.") name no one, so an unreached app is named here;
    // any other answer is the upstream's own words, which already say what it refused.
    private static string Detail(string appId, RpcException failure) =>
        Unanswered(failure.StatusCode) ? $"{DidNotAnswer(appId)}: {failure.Status.Detail}" : failure.Status.Detail;
}
