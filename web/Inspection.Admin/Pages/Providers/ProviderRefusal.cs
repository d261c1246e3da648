using Inspection.Admin.Forms;
using Inspection.Admin.Status;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using GrpcStatus = Grpc.Core.StatusCode;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Providers;

/// <summary>A provider form refused by recommendation tracking: the errors shown, and the form made ready to send again.</summary>
public static class ProviderRefusal
{
    public static void Show(ModelStateDictionary modelState, RpcException refusal, IReadOnlyDictionary<string, string> fields, IVersionedInput input, long storedVersion)
    {
        modelState.AddServiceError(refusal, ServiceNames.RecommendationTracking, fields);
        if (refusal.StatusCode == GrpcStatus.Aborted)
        {
            // Someone else changed it: the next attempt is made over what is stored now.
            input.Version = storedVersion;
            modelState.Remove("Input.Version"); // else the hidden field would echo the version posted
        }
        input.RequestId = Guid.NewGuid().ToString();
    }
}
