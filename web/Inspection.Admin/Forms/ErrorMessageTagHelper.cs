using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Inspection.Admin.Forms;

/// <summary>&lt;govuk-error-message for="Input.Email" /&gt;: the GOV.UK error message above a field, when it has errors.</summary>
[HtmlTargetElement("govuk-error-message", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorMessageTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    [HtmlAttributeName("for")]
    public string For { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!ViewContext.ViewData.ModelState.TryGetValue(For, out var entry) || entry.Errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-message");
        output.Attributes.SetAttribute("id", FieldIds.ErrorFor(For));
        var hidden = new TagBuilder("span");
        hidden.AddCssClass("govuk-visually-hidden");
        hidden.InnerHtml.Append("Error:");
        output.Content.AppendHtml(hidden);
        output.Content.Append(" " + string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)));
    }
}
