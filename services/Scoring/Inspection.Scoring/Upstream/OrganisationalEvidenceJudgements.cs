using Grpc.Core;
using Inspection.Evidence.V1;
using Inspection.ServiceDefaults;
using Judgement = Inspection.Scoring.Domain.Ratings.Judgement;

namespace Inspection.Scoring.Upstream;

/// <summary>
/// The domain-one judgements as organisational evidence serves them (GetJudgements). Its failures are mapped once, as
/// every app's are, except the one that means something here: NOT_FOUND is no evidence recorded yet.
/// </summary>
public sealed class OrganisationalEvidenceJudgements(OrganisationalEvidence.OrganisationalEvidenceClient client) : IJudgementSource
{
    public async Task<IReadOnlyList<Judgement>> GetJudgementsAsync(string inspectionId, CancellationToken ct)
    {
        try
        {
            var response = await client.GetJudgementsAsync(new GetJudgementsRequest { InspectionId = inspectionId }, cancellationToken: ct);
            return response.Judgements
                .Select(j => new Judgement(j.StandardId, j.Rating, j.Rationale, j.State, j.PanelDeparture, j.AgreedBy))
                .ToList();
        }
        catch (UpstreamException e) when (e.StatusCode == StatusCode.NotFound)
        {
            // No evidence recorded for the inspection yet: no judgements.
            return [];
        }
    }
}
