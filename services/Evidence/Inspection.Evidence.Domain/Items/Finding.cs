namespace Inspection.Evidence.Domain.Items;

/// <summary>Whether evidence shows a strength or an area for improvement: the two lists each standard's findings print.</summary>
public static class Finding
{
    public const string Strength = "strength";
    public const string AreaForImprovement = "area_for_improvement";

    public static IReadOnlyList<string> All { get; } = [Strength, AreaForImprovement];

    public static bool IsKnown(string? finding) => finding is Strength or AreaForImprovement;
}
