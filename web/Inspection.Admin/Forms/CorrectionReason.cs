using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Inspection.Admin.Forms;

/// <summary>
/// The publication lock as a form meets it (issue 22): once an inspection is published, a page that changes what its
/// report rests on asks for the reason for the correction, refuses the post without one, and sends it to the service
/// (which refuses the change without it too). <c>Pages/Shared/_CorrectionReason.cshtml</c> is the field.
/// </summary>
public sealed record CorrectionReason(string Key, string? Value, string PublishedOn)
{
    public const string Missing = "Enter the reason for the correction";

    /// <summary>The field's element id.</summary>
    public string Id => FieldIds.For(Key);

    /// <summary>The reason to send: trimmed when the change is a correction, "" otherwise; an error on
    /// <paramref name="key"/> when a correction has none.</summary>
    public static string Required(bool isCorrection, string? reason, ModelStateDictionary state, string key)
    {
        if (!isCorrection) return "";
        if (string.IsNullOrWhiteSpace(reason)) state.AddModelError(key, Missing);
        return reason?.Trim() ?? "";
    }
}
