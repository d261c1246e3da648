using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Inspection.Admin.Forms;

/// <summary>
/// Marks a field that has errors the GOV.UK way: the error class on the control (and on a form group with
/// govuk-error-for="key"), and aria-describedby pointing at its error message.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
[HtmlTargetElement("div", Attributes = "govuk-error-for")]
public sealed class FieldErrorStateTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName("govuk-error-for")]
    public string? GroupFor { get; set; }

    // After the built-in tag helpers, which set id and name.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var key = GroupFor ?? For?.Name;
        if (key is null) return;
        if (!ViewContext.ViewData.ModelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0) return;

        if (output.TagName == "div")
        {
            output.AddClass("govuk-form-group--error", HtmlEncoder.Default);
            return;
        }
        var type = output.Attributes.TryGetAttribute("type", out var t) ? t.Value?.ToString() : null;
        var errorClass = output.TagName switch
        {
            "select" => "govuk-select--error",
            "textarea" => "govuk-textarea--error",
            _ when type is "radio" or "checkbox" => null,
            _ => "govuk-input--error",
        };
        if (errorClass is not null) output.AddClass(errorClass, HtmlEncoder.Default);
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? existing.Value?.ToString() + " " : "";
        output.Attributes.SetAttribute("aria-describedby", describedBy + FieldIds.ErrorFor(key));
    }
}
