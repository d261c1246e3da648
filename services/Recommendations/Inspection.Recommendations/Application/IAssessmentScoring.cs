namespace Inspection.Recommendations.Application;

/// <summary>What publishing needs of assessment scoring (Upstream/AssessmentScoringRatings calls it).</summary>
public interface IAssessmentScoring
{
    /// <summary>What scoring says stands between the inspection and its publication; empty when it can be published.</summary>
    Task<IReadOnlyList<string>> BlockersAsync(Guid inspectionId, CancellationToken ct);

    /// <summary>Has scoring store the figures about to be published, as the person publishing (their own authorization header).</summary>
    Task RecordPublishedFiguresAsync(Guid inspectionId, DateOnly publishedOn, string publishedBy, string? callerAuthorization, CancellationToken ct);
}
