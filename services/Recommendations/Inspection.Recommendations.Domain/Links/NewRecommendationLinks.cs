using Inspection.Recommendations.Domain.Frameworks;

namespace Inspection.Recommendations.Domain.Links;

/// <summary>
/// The standards and key questions a recommendation is about, as asked (SetRecommendationLinks): well-formed ids, each
/// once. Whether they exist is checked against the framework of the recommendation's inspection (<see cref="Against"/>),
/// once the recommendation is read.
/// </summary>
public sealed record NewRecommendationLinks(Guid RecommendationId, IReadOnlyList<string> StandardIds, IReadOnlyList<string> KeyQuestionIds, string RecordedBy)
{
    /// <summary>More than any framework has: a list past it is a mistake, not a recommendation.</summary>
    public const int MostIds = 100;

    public static NewRecommendationLinks Create(string? recommendationId, IReadOnlyList<string> standardIds, IReadOnlyList<string> keyQuestionIds, string? recordedBy)
    {
        var violations = new List<FieldViolation>();
        var id = Identifier.ParseRequired(recommendationId, "recommendation_id", violations);
        var standards = Ids(standardIds, "standard_ids", violations);
        var questions = Ids(keyQuestionIds, "key_question_ids", violations);
        var by = RequestText.Required(recordedBy, "recorded_by", 200, violations);
        ValidationException.ThrowIfAny(violations);
        return new NewRecommendationLinks(id, standards, questions, by);
    }

    /// <summary>The links as the framework has them (its order, its wording); INVALID_ARGUMENT naming each id it lacks.</summary>
    public IReadOnlyList<OutlineItem> Against(FrameworkOutline outline, string frameworkId)
    {
        var violations = new List<FieldViolation>();
        var found = new List<OutlineItem>();
        Find(outline, frameworkId, OutlineKind.Standard, StandardIds, "standard_ids", "a standard", found, violations);
        Find(outline, frameworkId, OutlineKind.KeyQuestion, KeyQuestionIds, "key_question_ids", "a key question", found, violations);
        ValidationException.ThrowIfAny(violations);
        return found.OrderBy(i => i.Order).ToList();
    }

    private static void Find(FrameworkOutline outline, string frameworkId, OutlineKind kind, IReadOnlyList<string> ids, string field, string what,
        List<OutlineItem> found, List<FieldViolation> violations)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (outline.Find(frameworkId, kind, ids[i]) is { } item) found.Add(item);
            else violations.Add(new FieldViolation($"{field}[{i}]", $"'{ids[i]}' is not {what} of the framework {frameworkId}, which the recommendation's inspection follows"));
        }
    }

    private static IReadOnlyList<string> Ids(IReadOnlyList<string> ids, string field, List<FieldViolation> violations)
    {
        if (ids.Count > MostIds)
        {
            violations.Add(new FieldViolation(field, $"lists {ids.Count} ids; at most {MostIds}"));
            return [];
        }
        var result = new List<string>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i]?.Trim() ?? "";
            if (id.Length == 0) violations.Add(new FieldViolation($"{field}[{i}]", "empty: give the id, e.g. 2.2 or 2.2.1"));
            else if (id.Length > 20) violations.Add(new FieldViolation($"{field}[{i}]", "longer than 20 characters"));
            else if (result.Contains(id, StringComparer.Ordinal)) violations.Add(new FieldViolation($"{field}[{i}]", $"'{id}' is listed twice"));
            else result.Add(id);
        }
        return result;
    }
}
