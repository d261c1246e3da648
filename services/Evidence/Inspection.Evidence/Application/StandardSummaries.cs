using Inspection.Evidence.Domain.Summary;

namespace Inspection.Evidence.Application;

/// <summary>GetStandardSummary: the evidence of one standard as the report prints it, with its current judgement.</summary>
public sealed class StandardSummaries(EvidenceItemStore evidence, JudgementStore judgements, InspectionFrameworks frameworks)
{
    public async Task<StandardSummary> GetAsync(string? inspectionId, string? standardId, CancellationToken ct)
    {
        var id = RequestIds.Required(inspectionId, "inspection_id");
        var framework = await frameworks.FrameworkOfAsync(id, ct);
        var standard = framework.RequireStandard(standardId?.Trim());
        var items = await evidence.ListAsync(new EvidenceFilter(id, StandardId: standard.Id), ct);
        var judgement = await judgements.GetAsync(id, standard.Id, null, ct);
        return StandardSummary.Build(id, standard, items, judgement);
    }
}
