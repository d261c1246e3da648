using Microsoft.AspNetCore.Mvc.Rendering;

namespace Inspection.Admin.Forms;

/// <summary>The element ids Razor gives a field (asp-for), so error messages and the error summary can point at it.</summary>
public static class FieldIds
{
    public static string For(string modelKey) => TagBuilder.CreateSanitizedId(modelKey, "_");

    public static string ErrorFor(string modelKey) => For(modelKey) + "-error";
}
