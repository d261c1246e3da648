using Inspection.Contracts.Vocabularies;
using Inspection.Domain.Vocabularies;
using Inspection.Recommendations.Domain.Reminders;

namespace Inspection.Recommendations.Data;

/// <summary>
/// What the reminders read beside the plans (PlanStore): published inspections whose improvement plan is due by a day
/// and not received, with what their recommendations are. Whether each is a reminder is the domain's rule.
/// </summary>
public sealed class ReminderStore(Database database)
{
    /// <param name="providers">The inspected providers to read (null: every one).</param>
    public async Task<IReadOnlyList<OutstandingPlan>> PlansDueByAsync(DateOnly dueBy, Guid[]? providers, CancellationToken ct)
    {
        var rows = await database.QueryAsync<PlanRow>(
            """
            select i.inspection_id, i.provider_id, p.name as provider_name, i.published_on, i.improvement_plan_due, i.improvement_plan_received_on,
                   count(r.recommendation_id)::int as recommendation_count, coalesce(bool_or(r.priority), false) as any_priority,
                   coalesce(array_agg(distinct coalesce(rp.response, '')) filter (where r.recommendation_id is not null), '{}') as responses
            from inspections i
            join providers p on p.provider_id = i.provider_id
            left join recommendations r on r.inspection_id = i.inspection_id
            left join recommendation_plans rp on rp.recommendation_id = r.recommendation_id
            where i.status = 'published' and i.improvement_plan_received_on is null and i.improvement_plan_due <= @dueBy
              and (@providers::uuid[] is null or i.provider_id = any(@providers))
            group by i.inspection_id, p.name
            """, new { dueBy = StoredValues.AsDate(dueBy), providers }, ct);
        return rows.Select(r => r.ToPlan()).ToList();
    }

    /// <summary>Published inspections whose improvement plan was due before <paramref name="today"/> and is not received: the same count on every replica.</summary>
    public async Task<long> CountOverduePlansAsync(DateOnly today, CancellationToken ct)
    {
        return await database.ExecuteScalarAsync<long>(
            """
            select count(*) from inspections
            where status = 'published' and improvement_plan_received_on is null and improvement_plan_due < @today
            """, new { today = StoredValues.AsDate(today) }, ct);
    }

    // A class, not a positional record as the other stores' rows: Npgsql reports the text[] column as System.Array, which
    // Dapper does not match to a constructor's string[] parameter; it sets the property.
    private sealed class PlanRow
    {
        public Guid InspectionId { get; set; }
        public Guid ProviderId { get; set; }
        public string ProviderName { get; set; } = "";
        public DateTime PublishedOn { get; set; }
        public DateTime ImprovementPlanDue { get; set; }
        public DateTime? ImprovementPlanReceivedOn { get; set; }
        public int RecommendationCount { get; set; }
        public bool AnyPriority { get; set; }
        public string[] Responses { get; set; } = [];

        // A recommendation without a response is read as '' (no plan row, or none recorded on it): the filter's "none".
        public OutstandingPlan ToPlan() =>
            new(InspectionId, ProviderId, ProviderName, StoredValues.FromDate(PublishedOn)!.Value,
                StoredValues.FromDate(ImprovementPlanDue)!.Value, StoredValues.FromDate(ImprovementPlanReceivedOn),
                RecommendationCount, AnyPriority,
                Responses.Select(w => w.Length == 0 ? ResponseFilter.None : WireWords.ResponseFilters.Parse("response", w)).ToHashSet());
    }
}
