namespace Inspection.Recommendations.Domain.Plans;

/// <summary>A framework may cap how many priority recommendations one inspection makes (none by default): the first over it is refused by name.</summary>
public static class PriorityCap
{
    public static void Check(PlanRule rule, int alreadyMade, IReadOnlyList<NewRecommendation> items)
    {
        if (rule.PriorityCap is not { } cap) return;
        var count = alreadyMade;
        for (var i = 0; i < items.Count; i++)
        {
            if (!items[i].Priority || ++count <= cap) continue;
            throw new ValidationException($"recommendations[{i}].priority",
                $"the framework allows at most {cap} priority recommendations per inspection; the inspection has {alreadyMade} already");
        }
    }
}
