using Inspection.Evidence.V1;
using Grpc.Core;
using Judgement = Inspection.Scoring.Domain.Ratings.Judgement;

namespace Inspection.Scoring.Sources;

/// <summary>Organisational evidence's GetJudgements over gRPC.</summary>
public sealed class GrpcJudgementSource(OrganisationalEvidence.OrganisationalEvidenceClient client) : IJudgementSource
{
    public async Task<IReadOnlyList<Judgement>> GetJudgementsAsync(string inspectionId, CancellationToken ct)
    {
        try
        {
            var response = await client.GetJudgementsAsync(new GetJudgementsRequest { InspectionId = inspectionId }, Upstream.Options(ct));
            return response.Judgements
                .Select(j => new Judgement(j.StandardId, j.Rating, j.Rationale, j.State, j.PanelDeparture, j.AgreedBy))
                .ToList();
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            // No evidence recorded for the inspection yet: no judgements.
            return [];
        }
        catch (RpcException e)
        {
            throw Upstream.Unavailable("organisational evidence", e);
        }
    }
}
