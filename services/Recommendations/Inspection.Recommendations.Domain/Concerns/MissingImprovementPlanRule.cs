namespace Inspection.Recommendations.Domain.Concerns;

/// <summary>
/// Kind "improvement_plan_missing": a published inspection's improvement plan not received a number of weeks after its
/// due date. Met on the due date plus those weeks (still missing that day); the inspected provider is flagged.
/// </summary>
public sealed class MissingImprovementPlanRule(ConcernRuleDefinition definition, int weeksAfterDue) : IConcernRule
{
    public const string Kind = "improvement_plan_missing";

    public ConcernRuleDefinition Definition => definition;

    public IEnumerable<ConcernFinding> Find(ConcernFacts facts, DateOnly today)
    {
        foreach (var inspection in facts.Inspections)
        {
            if (inspection.PublishedOn is null || inspection.PlanReceivedOn is not null || inspection.PlanDue is not { } due) continue;
            var metOn = due.AddDays(7 * weeksAfterDue);
            if (metOn > today) continue;
            yield return new ConcernFinding(definition, inspection.ProviderId, metOn,
                $"The improvement plan after {inspection.InWords} was due on {DateInWords.Of(due)} and had still not been received {weeksAfterDue} weeks later, on {DateInWords.Of(metOn)}.",
                [ConcernRecord.Inspection(inspection.Id, RepeatedJudgementRule.Capitalised(inspection.InWords))]);
        }
    }
}
