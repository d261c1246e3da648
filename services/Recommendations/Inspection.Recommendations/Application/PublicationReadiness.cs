namespace Inspection.Recommendations.Application;

/// <summary>
/// What stands between an inspection and its publication (issue 14): this service's own part (every recommendation
/// due for judgement at the inspection judged) and assessment scoring's (every sampled case completely assessed, every
/// domain-one standard with a final judgement, the overall rating decided, no unresolved decision-rule breach).
/// Scoring unreachable means nothing is published: UNAVAILABLE naming it, and the caller may retry.
/// </summary>
public sealed class PublicationReadiness(ProgressJudgements progress, IAssessmentScoring scoring)
{
    /// <summary>Every blocker, this service's first; empty when the inspection can be published.</summary>
    public async Task<IReadOnlyList<string>> BlockersAsync(Guid inspectionId, CancellationToken ct)
    {
        var blockers = new List<string>();
        var due = await progress.ListDueAsync(inspectionId, ct);
        var unjudged = due.Recommendations.Count(r => r.JudgementAtThisInspection is null);
        if (unjudged > 0)
            blockers.Add($"{unjudged} of {due.Recommendations.Count} recommendations due for judgement at this inspection not yet judged");
        blockers.AddRange(await scoring.BlockersAsync(inspectionId, ct));
        return blockers;
    }

    /// <summary>
    /// Has assessment scoring store the figures about to be published (issue 19), before this service marks the
    /// inspection published: if this fails nothing is published; if the publication then fails, scoring's stored
    /// figures stay pending (the register does not list the inspection as published) and the next attempt replaces them.
    /// </summary>
    public Task RecordFiguresAsync(Guid inspectionId, DateOnly publishedOn, string publishedBy, string? callerAuthorization, CancellationToken ct) =>
        scoring.RecordPublishedFiguresAsync(inspectionId, publishedOn, publishedBy, callerAuthorization, ct);
}
