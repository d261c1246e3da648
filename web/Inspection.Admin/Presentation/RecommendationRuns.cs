using Inspection.Recommendations.V1;

namespace Inspection.Admin.Presentation;

/// <summary>
/// An inspection's recommendations as the report prints them: in number order, under their addressee, one list per run
/// of the same addressee. A correction added after publication (numbered after the rest, whatever its addressee) is a
/// run of its own, so each list starts at its own first number and no number is shown twice.
/// </summary>
public static class RecommendationRuns
{
    public static IReadOnlyList<(string Addressee, IReadOnlyList<Recommendation> Items)> Of(IEnumerable<Recommendation> recommendations)
    {
        var runs = new List<(string, IReadOnlyList<Recommendation>)>();
        var current = new List<Recommendation>();
        foreach (var r in recommendations.OrderBy(r => r.Number))
        {
            if (current.Count > 0 && current[^1].AddresseeName != r.AddresseeName)
            {
                runs.Add((current[0].AddresseeName, current));
                current = [];
            }
            current.Add(r);
        }
        if (current.Count > 0) runs.Add((current[0].AddresseeName, current));
        return runs;
    }
}
