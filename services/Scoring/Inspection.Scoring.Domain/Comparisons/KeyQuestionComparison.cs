using Inspection.Statistics.Comparisons;

namespace Inspection.Scoring.Domain.Comparisons;

/// <summary>
/// The measured change behind a progress judgement: each key question asked for, in the earlier inspection's
/// framework, found at the later inspection (the same id, or through a mapping between programmes), and the
/// difference of the two proportions with Newcombe's hybrid interval built from the intervals the ratings computed.
/// </summary>
public static class KeyQuestionComparison
{
    public static IReadOnlyList<KeyQuestionChange> Compare(
        Framework earlierFramework, IReadOnlyDictionary<string, MeasuredKeyQuestion> earlier,
        Framework laterFramework, IReadOnlyDictionary<string, MeasuredKeyQuestion> later,
        IReadOnlyList<string> keyQuestionIds, KeyQuestionCorrespondences correspondences)
    {
        var changes = new List<KeyQuestionChange>(keyQuestionIds.Count);
        foreach (var id in keyQuestionIds)
        {
            var question = earlierFramework.FindKeyQuestion(id)
                ?? throw new ArgumentException($"'{id}' is not a key question of {earlierFramework.Id}", nameof(keyQuestionIds));
            var correspondence = correspondences.Find(earlierFramework.Id, id, laterFramework.Id);
            // A mapping naming a key question the later framework lacks would be a data error: treat it as none.
            if (correspondence.LaterQuestionId is { } laterId && laterFramework.FindKeyQuestion(laterId) is null)
                correspondence = Correspondence.None(correspondence.Mapping, null);
            var before = earlier.GetValueOrDefault(id);
            var after = correspondence.LaterQuestionId is { } found ? later.GetValueOrDefault(found) : null;
            ProportionDifference? difference = null;
            if (before is not null && after is not null)
            {
                var d = ProportionDifference.Newcombe(after.AsEstimate(), before.AsEstimate());
                difference = new ProportionDifference(d.Difference * 100, d.Lower * 100, d.Upper * 100);
            }
            changes.Add(new KeyQuestionChange(id, question.Text, correspondence, before, after, difference));
        }
        return changes;
    }
}
