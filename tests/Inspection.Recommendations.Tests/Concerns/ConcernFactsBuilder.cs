using Inspection.Domain.Vocabularies;
using Inspection.Recommendations.Domain.Concerns;
using Inspection.Recommendations.Domain.Plans;

namespace Inspection.Recommendations.Tests.Concerns;

/// <summary>Facts for the rules alone: inspections, judgements with their standards, priority plans and restructures, made in a few lines.</summary>
public sealed class ConcernFactsBuilder
{
    private readonly List<InspectionFacts> _inspections = [];
    private readonly List<JudgementFacts> _judgements = [];
    private readonly List<RecommendationPlan> _plans = [];
    private readonly List<(Guid, Guid)> _restructures = [];

    public InspectionFacts Inspection(Guid provider, string date, string? published = null, string? due = null, string? received = null)
    {
        var inspection = new InspectionFacts(Guid.NewGuid(), provider, "Example PDU", DateOnly.Parse(date), published is null ? null : DateOnly.Parse(published),
            due is null ? null : DateOnly.Parse(due), received is null ? null : DateOnly.Parse(received));
        _inspections.Add(inspection);
        return inspection;
    }

    public Guid Judged(InspectionFacts at, string judgement, params string[] standards) => Judged(Guid.NewGuid(), at, judgement, standards);

    public Guid Judged(Guid recommendation, InspectionFacts at, string judgement, params string[] standards)
    {
        _judgements.Add(new JudgementFacts(recommendation, 1, Guid.NewGuid(), at.Id, judgement, standards));
        return recommendation;
    }

    public void Restructure(Guid successor, Guid predecessor) => _restructures.Add((successor, predecessor));

    public RecommendationPlan Priority(Guid addressee, AddresseeResponse? response = null, string respondedOn = "2025-06-30", params DateTimeOffset[] revisedAt)
    {
        var recommendation = Guid.NewGuid();
        var dates = new List<TargetDate> { new(1, new DateOnly(2025, 9, 30), "", PlanSource.Staff, "tests", DateTimeOffset.Parse("2025-06-30T09:00:00Z")) };
        dates.AddRange(revisedAt.Select((at, i) => new TargetDate(i + 2, new DateOnly(2025, 12, 31).AddMonths(i), "later", PlanSource.Staff, "tests", at)));
        var actions = revisedAt.Length == 0
            ? new List<PlanAction>()
            : [new PlanAction(Guid.NewGuid(), recommendation, 1, "Audit supervision", "Head of PDU", "", PlanActionStatus.InProgress, "", dates, PlanSource.Staff, "tests",
                DateTimeOffset.Parse("2025-06-30T09:00:00Z"))];
        var plan = new RecommendationPlan(recommendation, Guid.NewGuid(), "pdu-2024", 1, addressee, "Example PDU", "Improve supervision", true, new DateOnly(2025, 6, 2), 2,
            response is { } r ? new RecordedResponse(r, r == AddresseeResponse.NotAgreed ? "not ours to fund" : "", DateOnly.Parse(respondedOn), PlanSource.Staff, "tests", DateTimeOffset.UnixEpoch) : null,
            actions, [], []);
        _plans.Add(plan);
        return plan;
    }

    public ConcernFacts Build() => new(_inspections, _judgements, _plans, new ProviderAncestry(_restructures));
}
