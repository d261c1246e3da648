using Inspection.Contracts.Vocabularies;
using Inspection.Domain.Vocabularies;
using Inspection.Scoring.Domain.Comparisons;
using Inspection.Scoring.Domain.Frameworks;
using Inspection.Scoring.V1;
using Framework = Inspection.Scoring.Domain.Frameworks.Framework;

namespace Inspection.Scoring.Application;

/// <summary>
/// CompareKeyQuestions (issue 23): the key questions a recommendation is linked to, at the inspection that made it and
/// at the provider's next, as each inspection's ratings give them (as published once published, computed otherwise:
/// <see cref="PublishedRecord"/>), compared by the domain. Reads only this service's own figures: the ids come from
/// the caller.
/// </summary>
public sealed class ChangeBetweenInspections(PublishedRecord published, InspectionFrameworks frameworks, KeyQuestionCorrespondences correspondences)
{
    public async Task<ComparedInspections> CompareAsync(
        string earlierInspectionId, string laterInspectionId, IReadOnlyList<string> keyQuestionIds, IReadOnlyList<string> standardIds, string? judgement,
        CancellationToken ct)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(earlierInspectionId)) violations.Add(new FieldViolation("earlier_inspection_id", "required"));
        if (string.IsNullOrWhiteSpace(laterInspectionId)) violations.Add(new FieldViolation("later_inspection_id", "required"));
        var word = string.IsNullOrWhiteSpace(judgement) ? null : WireWords.ProgressWords.Parse(violations, "judgement", judgement);
        ValidationException.ThrowIfAny(violations);

        var (earlierFramework, _) = await frameworks.OfAsync(earlierInspectionId, ct);
        var (laterFramework, _) = await frameworks.OfAsync(laterInspectionId, ct);
        var ids = KeyQuestionsAsked(earlierFramework, keyQuestionIds, standardIds);
        var earlierTask = published.RatingsAsync(earlierInspectionId, ct);
        var laterTask = published.RatingsAsync(laterInspectionId, ct);
        var changes = KeyQuestionComparison.Compare(
            earlierFramework, Measured(await earlierTask), laterFramework, Measured(await laterTask), ids, correspondences);
        return new ComparedInspections(earlierInspectionId, earlierFramework, laterInspectionId, laterFramework, changes, word);
    }

    /// <summary>The key questions asked for and those of the standards asked for, each once, in the order asked;
    /// INVALID_ARGUMENT naming each id the earlier inspection's framework lacks.</summary>
    private static IReadOnlyList<string> KeyQuestionsAsked(Framework framework, IReadOnlyList<string> keyQuestionIds, IReadOnlyList<string> standardIds)
    {
        var violations = new List<FieldViolation>();
        var ids = new List<string>();
        for (var i = 0; i < keyQuestionIds.Count; i++)
        {
            var id = keyQuestionIds[i].Trim();
            if (framework.FindKeyQuestion(id) is null)
                violations.Add(new FieldViolation($"key_question_ids[{i}]", $"'{id}' is not a key question of {framework.Id}, the earlier inspection's framework"));
            else if (!ids.Contains(id)) ids.Add(id);
        }
        for (var i = 0; i < standardIds.Count; i++)
        {
            var id = standardIds[i].Trim();
            if (framework.FindStandard(id) is not { } standard)
                violations.Add(new FieldViolation($"standard_ids[{i}]", $"'{id}' is not a standard of {framework.Id}, the earlier inspection's framework"));
            else ids.AddRange(standard.KeyQuestions.Select(k => k.Id).Where(k => !ids.Contains(k)).ToList());
        }
        ValidationException.ThrowIfAny(violations);
        return ids;
    }

    /// <summary>Each key question with a count, with the interval the ratings show (design_ci_*, Wilson's where the
    /// stored figures predate it).</summary>
    private static IReadOnlyDictionary<string, MeasuredKeyQuestion> Measured(InspectionRatings ratings)
    {
        var measured = new Dictionary<string, MeasuredKeyQuestion>(StringComparer.Ordinal);
        foreach (var question in ratings.Standards.SelectMany(s => s.KeyQuestions))
        {
            if (!question.HasK || !question.HasN || question.N <= 0) continue;
            var designed = question.HasDesignCiLowerPct && question.HasDesignCiUpperPct;
            var method = designed ? WireWords.IntervalMethods.Parse("interval_method", question.IntervalMethod) : IntervalMethod.Wilson;
            var (lower, upper) = designed
                ? (question.DesignCiLowerPct, question.DesignCiUpperPct)
                : (question.CiLowerPct, question.CiUpperPct);
            if (!designed && !(question.HasCiLowerPct && question.HasCiUpperPct))
            {
                var wilson = Inspection.Statistics.Comparisons.ProportionDifference.Estimate.Wilson(question.K, question.N);
                (lower, upper) = (wilson.Lower * 100, wilson.Upper * 100);
            }
            measured[question.QuestionId] = new MeasuredKeyQuestion(question.QuestionId, question.Text, question.K, question.N, lower, upper, method);
        }
        return measured;
    }
}
