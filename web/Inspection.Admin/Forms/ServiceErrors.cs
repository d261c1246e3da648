using System.Text.RegularExpressions;
using Google.Protobuf;
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
                AddViolations(modelState, error, fields, besideOwn: null);
                break;
            case StatusCode.FailedPrecondition when error.PreconditionFailures.Count > 0:
                AddViolations(modelState, error, fields, besideOwn: null);
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

    /// <summary>
    /// The service's checks beside the admin's own (issue 22, "all errors of a form shown at once"): called when the
    /// admin's checks failed, <paramref name="validateOnly"/> sends the request as far as the form could make it with
    /// validate_only set, and every violation the service finds is added, except those on a field the admin already
    /// marked (a field it could not read was left out, and the service's "is required" for it would say it twice).
    /// The service being away adds nothing: the admin's own errors stand, and the real submit asks again.
    /// </summary>
    public static async Task AddServiceChecksAsync(this ModelStateDictionary modelState, Func<Task> validateOnly, string service,
        IReadOnlyDictionary<string, string>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(validateOnly);
        var own = modelState.Where(entry => entry.Value is { Errors.Count: > 0 }).Select(entry => entry.Key).ToHashSet(StringComparer.Ordinal);
        try
        {
            await validateOnly();
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition)
        {
            if (e.FieldViolations.Count > 0 || e.PreconditionFailures.Count > 0) AddViolations(modelState, e, fields, own);
            else if (!NamesMarkedField(e.Status.Detail, fields, own)) modelState.AddModelError("", Refusal(e, service));
        }
        catch (RpcException)
        {
            // Away, too slow or refusing: nothing more to tell now.
        }
    }

    /// <summary>A copy of <paramref name="request"/> that asks only for the service's checks (its validate_only field).</summary>
    public static T ChecksOnly<T>(this T request) where T : IMessage<T>
    {
        ArgumentNullException.ThrowIfNull(request);
        var copy = request.Clone();
        var flag = copy.Descriptor.FindFieldByName("validate_only")
                   ?? throw new InvalidOperationException($"{copy.Descriptor.Name} has no validate_only field");
        flag.Accessor.SetValue(copy, true);
        return copy;
    }

    private static void AddViolations(ModelStateDictionary modelState, RpcException error, IReadOnlyDictionary<string, string>? fields, HashSet<string>? besideOwn)
    {
        foreach (var violation in error.FieldViolations)
        {
            var key = ModelKey(violation.Field, fields);
            if (besideOwn is not null && key.Length > 0 && besideOwn.Contains(key)) continue;
            // In the words the form labels the field with (FieldLabels), never the proto field name.
            modelState.AddModelError(key, FieldLabels.Message(violation.Field, violation.Description));
        }
        foreach (var failure in error.PreconditionFailures)
        {
            if (besideOwn is not null && NamesMarkedField(failure, fields, besideOwn)) continue;
            modelState.AddModelError("", FieldLabels.Words(Sentence(failure)));
        }
    }

    /// <summary>
    /// A state in the way that names a field the admin already marked says the same again: "published on ...: give
    /// correction_reason" beside the page's "Enter the reason for the correction". Only a field name no sentence uses as
    /// a word counts (one with "_" or "."), so "reason" in a sentence is never taken for the field.
    /// </summary>
    private static bool NamesMarkedField(string failure, IReadOnlyDictionary<string, string>? fields, HashSet<string> marked) =>
        fields is not null && fields.Any(f => marked.Contains(f.Value) && f.Key.IndexOfAny(['_', '.']) >= 0
                                              && Regex.IsMatch(failure, $@"(?<![\w.]){Regex.Escape(f.Key)}(?![\w])"));

    private static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

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
