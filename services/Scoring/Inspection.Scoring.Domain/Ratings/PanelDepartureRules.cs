namespace Inspection.Scoring.Domain.Ratings;

/// <summary>What a panel departure must carry: a rated standard of the framework, a rating word it can have, a written
/// rationale and who agreed it.</summary>
public static class PanelDepartureRules
{
    public static void Validate(Framework framework, string standardId, string rating, string rationale, string agreedBy)
    {
        if (framework.Overall is null)
            throw new PreconditionFailedException($"framework {framework.Id} has no panel-rated standards; its figures are recorded as published results");
        var violations = new List<FieldViolation>();
        var standard = framework.FindStandard(standardId ?? "");
        if (standard is null)
            violations.Add(new("standard_id", $"'{standardId}' is not a standard of framework {framework.Id}"));
        else if (!standard.Rated)
            violations.Add(new("standard_id", $"{standard.Id} {standard.Name} is computed and shown but never rated"));
        else if (!CanBeRated(framework, standard, rating))
            violations.Add(new("rating", $"'{rating}' is not a rating of {standard.Id}: use one of {string.Join(", ", RatingsOf(framework, standard))}"));
        if (string.IsNullOrWhiteSpace(rationale))
            violations.Add(new("rationale", "a panel departure needs a written rationale"));
        if (string.IsNullOrWhiteSpace(agreedBy))
            violations.Add(new("agreed_by", "a panel departure needs the name of who agreed it"));
        ValidationException.ThrowIfAny(violations);
    }

    /// <summary>The rating words a standard can be given: those that score, plus Not applicable for an optional standard.</summary>
    public static IReadOnlyList<string> RatingsOf(Framework framework, Standard standard)
    {
        var words = framework.Overall!.Points.OrderByDescending(p => p.Value).Select(p => p.Key).ToList();
        if (standard.Optional) words.Add(standard.NotApplicableRatingWord ?? InspectionRater.DefaultNotApplicableWord);
        return words;
    }

    public static bool CanBeRated(Framework framework, Standard standard, string rating) =>
        RatingsOf(framework, standard).Contains(rating, StringComparer.Ordinal);
}
