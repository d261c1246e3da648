using Inspection.Scoring.Domain.Ratings;

namespace Inspection.Scoring.Application;

/// <summary>The domain-one judgements (organisational evidence owns them).</summary>
public interface IJudgementSource
{
    Task<IReadOnlyList<Judgement>> GetJudgementsAsync(string inspectionId, CancellationToken ct);
}
