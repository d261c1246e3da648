using Inspection.Domain.Vocabularies;

namespace Inspection.Recommendations.Domain.Concerns;

/// <summary>
/// Kind "priority_not_taken_up": a priority recommendation answered Not agreed (met on the day of the response), or
/// an action of one whose target date was revised more often than allowed (met on the day of the revision past the
/// allowance). The recommendation's addressee is flagged; each recommendation, and each action, is its own flag.
/// </summary>
public sealed class PriorityNotTakenUpRule(ConcernRuleDefinition definition, int revisionsAllowed) : IConcernRule
{
    public const string Kind = "priority_not_taken_up";

    public ConcernRuleDefinition Definition => definition;

    public IEnumerable<ConcernFinding> Find(ConcernFacts facts, DateOnly today)
    {
        foreach (var plan in facts.PriorityPlans.Where(p => p.Priority))
        {
            var recommendation = ConcernRecord.Recommendation(plan.RecommendationId, $"Priority recommendation {plan.Number} to {plan.AddresseeName}");
            if (plan.Response is { Response: AddresseeResponse.NotAgreed } response)
                yield return new ConcernFinding(definition, plan.AddresseeProviderId, response.RespondedOn,
                    $"{plan.AddresseeName} answered Not agreed to priority recommendation {plan.Number} on {DateInWords.Of(response.RespondedOn)}"
                    + (response.Reason.Length > 0 ? $": {response.Reason}" : "."),
                    [recommendation]);
            foreach (var action in plan.Actions.Where(a => a.Revisions > revisionsAllowed))
            {
                var pastAllowance = action.TargetDates[revisionsAllowed + 1];
                yield return new ConcernFinding(definition, plan.AddresseeProviderId, EnglandCalendar.DateOn(pastAllowance.RecordedAt),
                    $"The target date of action {action.Number} of priority recommendation {plan.Number} was revised {Times(action.Revisions)}: "
                    + $"first {DateInWords.Of(action.TargetDates[0].Date)}, now {DateInWords.Of(action.TargetDate)}.",
                    [recommendation, ConcernRecord.Action(plan.RecommendationId, action.Id, $"Action {action.Number} of recommendation {plan.Number}: {action.Description}")]);
            }
        }
    }

    private static string Times(int count) => count switch { 1 => "once", 2 => "twice", _ => $"{count} times" };
}
