using Grpc.Core;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Inspection.Admin.Forms;

/// <summary>
/// Turns a service's refusal into GOV.UK form errors: each field violation onto the form field it came from
/// (by proto field path) in the words the form labels it with (<see cref="FieldLabels"/>), everything else into the
/// error summary. A refusal is never a 500.
/// </summary>
public static class ServiceErrors
{
    /// <param name="fields">Proto field path (or path prefix, e.g. "calculated_size") to model key (e.g. "Input.MarginOfError").</param>
    public static void AddServiceError(this ModelStateDictionary modelState, RpcException error, string service, IReadOnlyDictionary<string, string>? fields = null)
    {
        switch (error.StatusCode)
        {
            case StatusCode.InvalidArgument when error.FieldViolations.Count > 0:
                foreach (var violation in error.FieldViolations)
                {
                    // In the words the form labels the field with (FieldLabels), never the proto field name.
                    modelState.AddModelError(ModelKey(violation.Field, fields), FieldLabels.Message(violation.Field, violation.Description));
                }
                break;
            case StatusCode.Unavailable or StatusCode.DeadlineExceeded:
                modelState.AddModelError("", $"{service} is not available at the moment. Nothing was saved. Try again later.");
                break;
            case StatusCode.Aborted:
                // The service's text names versions and ids; staff need only what happened and what to do.
                modelState.AddModelError("", "Someone else changed this since you opened it. Nothing was saved. Check the latest details and try again.");
                break;
            default:
                modelState.AddModelError("", Refusal(error, service));
                break;
        }
    }

    /// <summary>A refusal that is about no one field, as a sentence for staff: never a status code, an id or a trace of the code.</summary>
    public static string Refusal(RpcException error, string service) => error.StatusCode switch
    {
        StatusCode.PermissionDenied => "Your account is not allowed to do this. Nothing was saved.",
        StatusCode.Unauthenticated => $"{service} could not confirm who you are. Nothing was saved. Sign out, sign in again and try again.",
        StatusCode.ResourceExhausted => "What was sent is too large. Nothing was saved.",
        StatusCode.Internal or StatusCode.Unknown or StatusCode.DataLoss =>
            $"{service} could not do this because of a fault. Nothing was saved. If it happens again, tell the service desk{Reference(error.Status.Detail)}.",
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => $"{service} is not available at the moment. Nothing was saved. Try again later.",
        _ when string.IsNullOrWhiteSpace(error.Status.Detail) => $"{service} could not do this. Nothing was saved.",
        _ => FieldLabels.Words(error.Status.Detail),
    };

    // The services answer a fault with only its trace id: the reference the service desk can find the logs by.
    private static string Reference(string detail)
    {
        var at = detail.IndexOf("trace id ", StringComparison.Ordinal);
        return at < 0 ? "" : $" and give them the reference {detail[(at + "trace id ".Length)..].Trim().TrimEnd('.')}";
    }

    /// <summary>The model key for a proto field path: an exact match, else the longest mapped prefix, else the summary ("").</summary>
    public static string ModelKey(string fieldPath, IReadOnlyDictionary<string, string>? fields)
    {
        if (fields is null || fieldPath.Length == 0) return "";
        if (fields.TryGetValue(fieldPath, out var exact)) return exact;
        var prefix = fields.Keys
            .Where(k => fieldPath.StartsWith(k + ".", StringComparison.Ordinal) || fieldPath.StartsWith(k + "[", StringComparison.Ordinal))
            .MaxBy(k => k.Length);
        return prefix is null ? "" : fields[prefix];
    }
}
