using Inspection.Evidence.V1;
using Grpc.Core;

namespace Inspection.Scoring.Tests.Grpc;

/// <summary>Stands in for organisational evidence over gRPC: the judgements a test set.</summary>
public sealed class StubOrganisationalEvidence(UpstreamState state) : OrganisationalEvidence.OrganisationalEvidenceBase
{
    public override Task<GetJudgementsResponse> GetJudgements(GetJudgementsRequest request, ServerCallContext context)
    {
        var response = new GetJudgementsResponse();
        response.Judgements.AddRange(state.Judgements(request.InspectionId));
        return Task.FromResult(response);
    }
}
