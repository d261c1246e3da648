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
                modelState.AddModelError("", $"Someone else changed this since you opened it. Nothing was saved. Check the latest details and try again. ({error.Status.Detail})");
                break;
            default:
                modelState.AddModelError("", string.IsNullOrWhiteSpace(error.Status.Detail) ? $"{service} refused the change ({error.StatusCode})" : FieldLabels.Words(error.Status.Detail));
                break;
        }
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
