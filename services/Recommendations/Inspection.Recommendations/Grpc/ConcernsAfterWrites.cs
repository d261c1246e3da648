using Grpc.Core;
using Grpc.Core.Interceptors;
using Inspection.Recommendations.V1;

namespace Inspection.Recommendations.Grpc;

/// <summary>
/// After a write that can meet a cause-for-concern rule has succeeded (its transaction committed), evaluates the rules,
/// so the flag is there when the caller looks. A retry of the write, answered by the request ledger, evaluates again
/// and raises nothing new; should the evaluation fail, the call fails and its retry (or the sweep) raises the flag.
/// </summary>
public sealed class ConcernsAfterWrites(Application.CausesForConcern concerns) : Interceptor
{
    /// <summary>The writes that can meet a rule: judgements, links and lineage (successive No progress), publication and its
    /// correction (a plan due long ago), the response and target dates of a plan (a priority recommendation not taken up).</summary>
    private static readonly HashSet<string> CanMeetARule =
    [
        .. Methods(RecommendationTracking.Descriptor, "RecordProgressJudgement", "SetRecommendationLinks", "RecordRestructure", "PublishInspection", "CorrectPublishedInspection"),
        .. Methods(RecommendationPlans.Descriptor, "RecordResponse", "ReviseTargetDate", "ImportPlan"),
    ];

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var response = await continuation(request, context);
        if (CanMeetARule.Contains(context.Method)) await concerns.RaiseAsync(context.CancellationToken);
        return response;
    }

    private static IEnumerable<string> Methods(Google.Protobuf.Reflection.ServiceDescriptor service, params string[] names) =>
        names.Select(n => service.FindMethodByName(n) ?? throw new InvalidOperationException($"{service.FullName} has no {n}"))
            .Select(m => $"/{service.FullName}/{m.Name}");
}
