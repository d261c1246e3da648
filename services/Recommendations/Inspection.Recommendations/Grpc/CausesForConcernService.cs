using Grpc.Core;
using Inspection.Recommendations.Domain.Concerns;
using Inspection.Recommendations.V1;

namespace Inspection.Recommendations.Grpc;

/// <summary>The gRPC face of the causes for concern, thin: each RPC maps its message to the use case and back.</summary>
public sealed class CausesForConcernService(Application.CausesForConcern concerns) : V1.CausesForConcern.CausesForConcernBase
{
    public override async Task<ListCausesForConcernResponse> ListCausesForConcern(ListCausesForConcernRequest request, ServerCallContext context)
    {
        var found = await concerns.ListAsync(ConcernQuery.Create(request.ProviderId, request.IncludeClosed, request.ClosedOnly), context.CancellationToken);
        var response = new ListCausesForConcernResponse();
        response.Concerns.AddRange(found.Select(c => c.ToMessage()));
        return response;
    }

    public override async Task<V1.CauseForConcern> GetCauseForConcern(GetCauseForConcernRequest request, ServerCallContext context)
    {
        var violations = new List<FieldViolation>();
        var id = Identifier.ParseRequired(request.ConcernId, "concern_id", violations);
        ValidationException.ThrowIfAny(violations);
        return (await concerns.GetAsync(id, context.CancellationToken)).ToMessage();
    }

    public override async Task<V1.CauseForConcern> CloseCauseForConcern(CloseCauseForConcernRequest request, ServerCallContext context)
    {
        var requestId = RequestKeys.Id(request.RequestId);
        var violations = new List<FieldViolation>();
        var version = RequestText.ExpectedVersion(request.ExpectedVersion, violations);
        ValidationException.ThrowIfAny(violations);
        var close = CloseConcern.Create(request.ConcernId, request.Reason, request.ClosedBy);
        return (await concerns.CloseAsync(requestId, close, version, context.CancellationToken)).Value.ToMessage();
    }

    public override async Task<EvaluateCausesForConcernResponse> EvaluateCausesForConcern(EvaluateCausesForConcernRequest request, ServerCallContext context)
    {
        var requestId = RequestKeys.Id(request.RequestId);
        var violations = new List<FieldViolation>();
        var provider = Identifier.ParseOptional(request.ProviderId, "provider_id", violations);
        ValidationException.ThrowIfAny(violations);
        var response = new EvaluateCausesForConcernResponse();
        response.Raised.AddRange((await concerns.EvaluateAsync(requestId, provider, context.CancellationToken)).Select(c => c.ToMessage()));
        return response;
    }
}
