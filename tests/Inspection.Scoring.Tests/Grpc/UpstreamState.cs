using Inspection.Evidence.V1;
using Inspection.Sampling.V1;

namespace Inspection.Scoring.Tests.Grpc;

/// <summary>What the stand-ins for case sampling and organisational evidence answer: per inspection, its sample and its
/// domain-one judgements, as each test sets them.</summary>
public sealed class UpstreamState
{
    private readonly Dictionary<string, IReadOnlyList<SampledCase>> _samples = new();
    private readonly Dictionary<string, IReadOnlyList<Judgement>> _judgements = new();

    public void SetSample(string inspectionId, IReadOnlyList<SampledCase> cases)
    {
        lock (_samples) _samples[inspectionId] = cases;
    }

    public IReadOnlyList<SampledCase>? Sample(string inspectionId)
    {
        lock (_samples) return _samples.GetValueOrDefault(inspectionId);
    }

    public void SetJudgements(string inspectionId, IReadOnlyList<Judgement> judgements)
    {
        lock (_judgements) _judgements[inspectionId] = judgements;
    }

    public IReadOnlyList<Judgement> Judgements(string inspectionId)
    {
        lock (_judgements) return _judgements.GetValueOrDefault(inspectionId) ?? [];
    }
}
