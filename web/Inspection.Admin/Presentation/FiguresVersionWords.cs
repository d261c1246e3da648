namespace Inspection.Admin.Presentation;

/// <summary>What a stored version of published figures is, in words.</summary>
public static class FiguresVersionWords
{
    public static string Of(string kind) => kind switch
    {
        "publication" => "As published",
        "correction" => "Corrected",
        "backfill" => "Stored from the computation (published before figures were stored)",
        _ => "Stored",
    };
}
