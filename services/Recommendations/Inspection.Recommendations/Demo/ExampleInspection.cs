using AddresseeResponse = Inspection.Domain.Vocabularies.AddresseeResponse;
using PlanActionStatus = Inspection.Domain.Vocabularies.PlanActionStatus;
using PlanSource = Inspection.Domain.Vocabularies.PlanSource;
using PlanUpdateKind = Inspection.Domain.Vocabularies.PlanUpdateKind;
using ReportedProgress = Inspection.Domain.Vocabularies.ReportedProgress;
using Inspection.Recommendations.Domain.Plans;

namespace Inspection.Recommendations.Demo;

/// <summary>
/// An example of the years between two inspections (issue 23), for a newcomer to see every part of it: a FICTIONAL
/// provider, named as an example so no real organisation is given words it never said, inspected and published, with
/// recommendations (one a priority), the provider's responses, a plan with actions, a target date revised with its
/// reason, two updates and reported statuses; then its next inspection, which judges their progress (so what it said
/// stands against what was found) and whose own improvement plan is overdue. Written through the same use cases as the
/// RPCs, each with a fixed request id, so a second load replays the first and writes nothing. The reference
/// inspections (DemoData) keep only what their reports published.
/// </summary>
public sealed class ExampleInspection(
    ProviderRegister register, InspectionCalendar calendar, RecommendationRecords records, ProgressJudgements progress, ActionPlans plans,
    FrameworkCatalogue frameworks)
{
    public const string ProviderName = "Example Probation Delivery Unit (fictional)";
    public const string Region = "Example Region (fictional)";
    public const string RecordedBy = DemoData.RecordedBy;
    private const string Key = "demo:example";

    /// <summary>Loads the example; returns how many writes were new (0 when it was there already).</summary>
    public async Task<int> LoadAsync(CancellationToken ct)
    {
        var writes = 0;
        T Count<T>(Written<T> written)
        {
            if (!written.Replayed) writes++;
            return written.Value;
        }

        var provider = Count(await register.CreateAsync($"{Key}:provider",
            NewProvider.Create(ProviderName, ProviderType.Pdu.Word, Region, "2021-06-26", null, RecordedBy), ct));

        // The first inspection, published with three recommendations; its improvement plan arrived in time.
        var first = Count(await calendar.CreateAsync($"{Key}:inspection:1",
            NewInspection.Create(Identifier.Format(provider.Id), "pdu-2021-2023", "2023-05-08", "2023-05-19", "Alex Example (fictional inspector)", RecordedBy, frameworks), ct));
        var made = Count(await records.AddAsync($"{Key}:recommendations:1", NewRecommendations.Create(Identifier.Format(first.Id),
        [
            (AddresseeGroup.Provider.Word, Identifier.Format(provider.Id), "ensure that managers audit the quality of risk of harm assessments every month"),
            (AddresseeGroup.Provider.Word, Identifier.Format(provider.Id), "make sure every person on probation has a sentence plan agreed with them within 15 working days"),
            (AddresseeGroup.Provider.Word, Identifier.Format(provider.Id), "move case administration to a single team for the whole delivery unit"),
        ], RecordedBy, priorities: [true, false, false]), (await calendar.GetAsync(first.Id, ct)).Version, ct));
        first = Count(await calendar.RecordEarlierPublicationAsync($"{Key}:publish:1",
            InspectionPublication.Create(Identifier.Format(first.Id), "2023-09-04", RecordedBy), (await calendar.GetAsync(first.Id, ct)).Version, ct));
        Count(await calendar.RecordImprovementPlanReceiptAsync($"{Key}:plan-received:1",
            ImprovementPlanReceipt.Create(Identifier.Format(first.Id), "2023-09-29", RecordedBy), (await calendar.GetAsync(first.Id, ct)).Version, ct));

        var (audit, sentencePlans, administration) = (made.Recommendations[0].Recommendation.Id, made.Recommendations[1].Recommendation.Id, made.Recommendations[2].Recommendation.Id);
        await PlanAsync(audit, sentencePlans, administration, Count, ct);

        // The next inspection judges the three: what the provider reported stands against what was found.
        var next = Count(await calendar.CreateAsync($"{Key}:inspection:2",
            NewInspection.Create(Identifier.Format(provider.Id), "pdu-2024", "2025-06-02", "2025-06-13", "Alex Example (fictional inspector)", RecordedBy, frameworks), ct));
        var judgements = new (Guid Id, string Judgement, string Findings)[]
        {
            (audit, "Some progress", "Audits happen in two of the three teams; managers in the third have not started them."),
            (sentencePlans, "Sufficient progress", "Nine in ten sentence plans sampled were agreed within 15 working days."),
            (administration, "No progress", "Case administration is still split across three offices."),
        };
        for (var i = 0; i < judgements.Length; i++)
        {
            var (id, judgement, findings) = judgements[i];
            Count(await progress.RecordAsync($"{Key}:judgement:{i + 1}",
                NewProgressJudgement.Create(Identifier.Format(id), Identifier.Format(next.Id), judgement, findings, false, RecordedBy), (await records.GetAsync(id, ct)).Recommendation.Version, ct));
        }
        var nextMade = Count(await records.AddAsync($"{Key}:recommendations:2", NewRecommendations.Create(Identifier.Format(next.Id),
        [
            (AddresseeGroup.Provider.Word, Identifier.Format(provider.Id), "finish the monthly audits of risk of harm assessments in every team"),
        ], RecordedBy, priorities: [true]), (await calendar.GetAsync(next.Id, ct)).Version, ct));
        // Published, and its improvement plan never arrived: overdue, a reminder on the dashboard.
        Count(await calendar.RecordEarlierPublicationAsync($"{Key}:publish:2",
            InspectionPublication.Create(Identifier.Format(next.Id), "2025-10-06", RecordedBy), nextMade.Inspection.Version, ct));
        return writes;
    }

    /// <summary>The provider's responses, its plan (one date revised with its reason), two updates and its reported statuses.</summary>
    private async Task PlanAsync(Guid audit, Guid sentencePlans, Guid administration, Func<Written<RecommendationPlan>, RecommendationPlan> count, CancellationToken ct)
    {
        async Task<long> VersionOf(Guid id) => (await plans.GetAsync(id, ct)).Version;
        const string head = "Head of the example PDU (fictional)";

        count(await plans.RecordResponseAsync($"{Key}:response:1",
            NewResponse.Create([], Identifier.Format(audit), AddresseeResponse.Agreed, "", "2023-09-29", RecordedBy, PlanSource.Staff), await VersionOf(audit), ct));
        count(await plans.RecordResponseAsync($"{Key}:response:2",
            NewResponse.Create([], Identifier.Format(sentencePlans), AddresseeResponse.Agreed, "", "2023-09-29", RecordedBy, PlanSource.Staff), await VersionOf(sentencePlans), ct));
        count(await plans.RecordResponseAsync($"{Key}:response:3",
            NewResponse.Create([], Identifier.Format(administration), AddresseeResponse.PartlyAgreed,
                "One team needs a regional decision on buildings; the delivery unit will merge what it can.", "2023-09-29", RecordedBy, PlanSource.Staff),
            await VersionOf(administration), ct));

        count(await plans.AddActionAsync($"{Key}:action:1.1", NewPlanAction.Create([], Identifier.Format(audit),
            "Write a monthly audit tool for risk of harm assessments", "Quality lead", "Sam Example (fictional)", "2023-12-15", PlanActionStatus.Complete, RecordedBy, PlanSource.Staff), ct));
        var withAudits = count(await plans.AddActionAsync($"{Key}:action:1.2", NewPlanAction.Create([], Identifier.Format(audit),
            "Every team manager audits five assessments a month", head, "", "2024-06-28", PlanActionStatus.InProgress, RecordedBy, PlanSource.Staff), ct));
        count(await plans.ReviseTargetDateAsync($"{Key}:revise:1.2", TargetDateChange.Create([], Identifier.Format(withAudits.Actions.Single(a => a.Number == 2).Id),
            "2024-12-20", "Two team manager posts were vacant until the autumn.", RecordedBy, PlanSource.Staff), withAudits.Version, ct));
        count(await plans.AddActionAsync($"{Key}:action:2.1", NewPlanAction.Create([], Identifier.Format(sentencePlans),
            "Report sentence plans agreed within 15 working days at every performance meeting", "Performance manager", "Jo Example (fictional)", "2024-03-29",
            PlanActionStatus.Complete, RecordedBy, PlanSource.Staff), ct));
        count(await plans.AddActionAsync($"{Key}:action:3.1", NewPlanAction.Create([], Identifier.Format(administration),
            "Bring the two city administration teams into one office", head, "", "2024-09-30", PlanActionStatus.NotStarted, RecordedBy, PlanSource.Staff), ct));

        count(await plans.RecordUpdateAsync($"{Key}:update:1", NewPlanUpdate.Create([], Identifier.Format(audit), PlanUpdateKind.ProviderUpdate, "2024-10-15",
            head, "Audits have started in two of the three teams; the third team's new manager starts in November.", RecordedBy, PlanSource.Staff), ct));
        count(await plans.RecordUpdateAsync($"{Key}:update:2", NewPlanUpdate.Create([], Identifier.Format(administration), PlanUpdateKind.MonitoringNote, "2025-01-20",
            "Alex Example (fictional inspector)", "Met the head of the delivery unit: the office move waits for the region's decision on buildings.", RecordedBy,
            PlanSource.Staff), ct));

        count(await plans.RecordReportedStatusAsync($"{Key}:status:1", NewReportedStatus.Create([], Identifier.Format(audit), ReportedProgress.Complete, "2025-03-14",
            "All teams audit monthly.", RecordedBy, PlanSource.Staff), await VersionOf(audit), ct));
        count(await plans.RecordReportedStatusAsync($"{Key}:status:2", NewReportedStatus.Create([], Identifier.Format(sentencePlans), ReportedProgress.OnTrack, "2025-02-10",
            "", RecordedBy, PlanSource.Staff), await VersionOf(sentencePlans), ct));
        count(await plans.RecordReportedStatusAsync($"{Key}:status:3", NewReportedStatus.Create([], Identifier.Format(administration), ReportedProgress.Delayed, "2025-01-31",
            "Waiting for the region's decision on buildings.", RecordedBy, PlanSource.Staff), await VersionOf(administration), ct));
    }
}
