using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Inspection.Admin.Forms;

/// <summary>
/// &lt;govuk-error-summary /&gt;: the GOV.UK error summary of every error in ModelState, each linking to its field
/// (errors not about one field are listed without a link). Renders nothing when there is no error.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    /// <summary>Model keys in the order the fields appear on the page; errors of other keys follow.</summary>
    [HtmlAttributeName("order")]
    public string? FieldOrder { get; set; }

    /// <summary>The same list written field-order="..." (several pages do): without this it was ignored and their summaries came out of page order.</summary>
    [HtmlAttributeName("field-order")]
    public string? FieldOrderAlias { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.IsValid)
        {
            output.SuppressOutput();
            return;
        }
        var order = (FieldOrder ?? FieldOrderAlias ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var entries = modelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .OrderBy(e => e.Key.Length == 0 ? -1 : order.IndexOf(e.Key) is var i and >= 0 ? i : order.Count)
            .ToList();

        var list = new TagBuilder("ul");
        list.AddCssClass("govuk-list govuk-error-summary__list");
        foreach (var (key, entry) in entries)
        {
            foreach (var error in entry!.Errors)
            {
                var item = new TagBuilder("li");
                if (key.Length == 0)
                {
                    item.InnerHtml.Append(error.ErrorMessage);
                }
                else
                {
                    var link = new TagBuilder("a");
                    link.Attributes["href"] = "#" + FieldIds.For(key);
                    link.InnerHtml.Append(error.ErrorMessage);
                    item.InnerHtml.AppendHtml(link);
                }
                list.InnerHtml.AppendHtml(item);
            }
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        var alert = new TagBuilder("div");
        alert.Attributes["role"] = "alert";
        var title = new TagBuilder("h2");
        title.AddCssClass("govuk-error-summary__title");
        title.InnerHtml.Append("There is a problem");
        var body = new TagBuilder("div");
        body.AddCssClass("govuk-error-summary__body");
        body.InnerHtml.AppendHtml(list);
        alert.InnerHtml.AppendHtml(title);
        alert.InnerHtml.AppendHtml(body);
        output.Content.SetHtmlContent(alert);
    }
}
