namespace Inspection.Scoring.Domain.Ratings;

/// <summary>
/// Evaluates one domain-one decision rule against the case standards' final ratings. A cap refuses a rating outside
/// what it allows unless the rating is recorded as a panel departure (rationale and who agreed it); a default accepts
/// another rating only with a rationale. Published reports are shown, never refused: their panels have decided.
/// </summary>
public static class DecisionRuleEvaluator
{
    public static DecisionRuleOutcome Evaluate(
        Framework framework,
        DecisionRule rule,
        IReadOnlyDictionary<string, StandardResult> ratedStandards,
        string? rating,
        Judgement? judgement,
        PanelDeparture? departure,
        PublishedRating? published,
        ResultSource source)
    {
        var ratings = rule.Ratings.OrderBy(framework.RankOf).ToList();
        var (status, why) = StatusOf(framework, rule.Condition, ratedStandards);
        if (rule.Kind == DecisionRuleKind.Informational)
            return new(rule, status, ratings, null, false, $"for information: {rule.Effect}");
        if (status != RuleStatus.InForce)
            return new(rule, status, ratings, null, false, why);
        if (rating is null)
            return new(rule, status, ratings, null, false, $"{why}; {Describe(rule, ratings)}; no rating yet");
        if (rule.Ratings.Contains(rating))
            return new(rule, status, ratings, true, false, $"{why}; {Describe(rule, ratings)}; rated {rating}");

        if (source == ResultSource.Published)
        {
            var note = string.IsNullOrWhiteSpace(published?.Note) ? "the report records the panel's decision" : published!.Note;
            return new(rule, status, ratings, false, false, $"{why}; {Describe(rule, ratings)}; published rating {rating}: {note}");
        }

        if (rule.Kind == DecisionRuleKind.Cap)
        {
            if (departure is not null)
                return new(rule, status, ratings, false, false, $"{why}; the cap allows {Words(ratings)}; {rating} is a panel departure agreed by {departure.AgreedBy}");
            if (judgement is { IsRecordedDeparture: true })
                return new(rule, status, ratings, false, false, $"{why}; the cap allows {Words(ratings)}; {rating} is a panel departure agreed by {judgement.AgreedBy}");
            return new(rule, status, ratings, false, true,
                $"{why}; the cap allows only {Words(ratings)}: {rating} is refused unless recorded as a panel departure with a rationale and who agreed it");
        }

        var rationale = departure?.Rationale ?? judgement?.Rationale;
        return string.IsNullOrWhiteSpace(rationale)
            ? new(rule, status, ratings, false, true, $"{why}; the default is {Words(ratings)}: rating {rating} instead requires a rationale")
            : new(rule, status, ratings, false, false, $"{why}; the default is {Words(ratings)}; {rating} departs from it with a rationale");
    }

    private static (RuleStatus Status, string Why) StatusOf(
        Framework framework, RuleCondition condition, IReadOnlyDictionary<string, StandardResult> rated)
    {
        switch (condition)
        {
            case RuleCondition.Always:
                return (RuleStatus.InForce, "always");
            case RuleCondition.EveryStandardOfDomain every:
            {
                var relevant = framework.Standards
                    .Where(s => s.DomainId == every.DomainId && s.Rated && rated.ContainsKey(s.Id))
                    .Select(s => rated[s.Id])
                    .Where(r => r.Applicable)
                    .ToList();
                if (relevant.Count == 0 || relevant.Any(r => r.FinalRating is null))
                    return (RuleStatus.Undetermined, $"not every domain {every.DomainId} standard is rated yet");
                return relevant.All(r => every.Ratings.Contains(r.FinalRating!))
                    ? (RuleStatus.InForce, $"every domain {every.DomainId} standard is rated {Words(every.Ratings)}")
                    : (RuleStatus.NotInForce, $"not every domain {every.DomainId} standard is rated {Words(every.Ratings)}");
            }
            case RuleCondition.StandardRated one:
            {
                var result = rated.GetValueOrDefault(one.StandardId);
                var name = framework.FindStandard(one.StandardId)?.Name ?? one.StandardId;
                if (result?.FinalRating is null || !result.Applicable)
                    return (RuleStatus.Undetermined, $"{name} is not rated yet");
                return one.Ratings.Contains(result.FinalRating)
                    ? (RuleStatus.InForce, $"{name} is rated {result.FinalRating}")
                    : (RuleStatus.NotInForce, $"{name} is rated {result.FinalRating}");
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(condition));
        }
    }

    private static string Describe(DecisionRule rule, IReadOnlyList<string> ratings) =>
        rule.Kind == DecisionRuleKind.Cap ? $"the cap allows {Words(ratings)}" : $"the default is {Words(ratings)}";

    private static string Words(IEnumerable<string> ratings) => string.Join(" or ", ratings);
}
