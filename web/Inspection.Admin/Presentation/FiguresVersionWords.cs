namespace Inspection.Admin.Presentation;

/// <summary>What a stored version of published figures is, in words.</summary>
public static class FiguresVersionWords
{
    public static string Of(string kind) => kind.As<FiguresVersionKind>() switch
    {
        FiguresVersionKind.Publication => "As published",
        FiguresVersionKind.Correction => "Corrected",
        FiguresVersionKind.Backfill => "Stored from the computation (published before figures were stored)",
        _ => "Stored",
    };
}
