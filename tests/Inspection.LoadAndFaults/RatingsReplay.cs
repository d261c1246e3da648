using Inspection.Evidence.V1;
using Grpc.Core;
using Inspection.Scoring.V1;

namespace Inspection.LoadAndFaults;

/// <summary>The outcome of the replay: whether the ratings are equal message for message, and if not, where they differ.</summary>
public sealed record ReplayResult(bool RatingsMatch, string Detail, InspectionRatings Loaded, InspectionRatings Replayed);

/// <summary>
/// Replays the acknowledged writes into a fresh inspection with no faults: the same sample (the same draw and seed give
/// the same cases), the write that made each case's current assessment and each standard's current judgement (the
/// ratings are a function of the current state), then compares GetInspectionRatings of both inspections.
/// </summary>
public sealed class RatingsReplay(InspectionSystem system, InspectionSetup setup, SeededInspection loaded, RunOptions options)
{
    private static CallOptions Options => new(deadline: DateTime.UtcNow.AddSeconds(60));

    public async Task<ReplayResult> RunAsync(
        IReadOnlyDictionary<string, RecordCaseAssessmentRequest> assessments, IReadOnlyDictionary<string, RecordJudgementRequest> judgements)
    {
        var fresh = await setup.AddInspectionAsync(loaded.ProviderId, loaded.SnapshotId, loaded.Draw, "replay");
        if (!fresh.Cases.Select(c => c.CaseReference).SequenceEqual(loaded.Cases.Select(c => c.CaseReference)))
            throw new InvalidOperationException("the replay inspection's sample differs from the loaded inspection's: the draw is not reproducible");

        var scoring = system.Client<AssessmentScoring.AssessmentScoringClient>(ServiceTopology.AssessmentScoring);
        var evidence = system.Client<OrganisationalEvidence.OrganisationalEvidenceClient>(ServiceTopology.OrganisationalEvidence);
        await Parallel.ForEachAsync(assessments.Values, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (write, _) =>
        {
            var replay = write.Clone();
            replay.RequestId = $"{options.RunId}:replay:{write.CaseReference}";
            replay.InspectionId = fresh.InspectionId;
            replay.ExpectedVersion = 0;
            await scoring.RecordCaseAssessmentAsync(replay, Options);
        });
        foreach (var write in judgements.Values)
        {
            var replay = write.Clone();
            replay.RequestId = $"{options.RunId}:replay:{write.StandardId}";
            replay.InspectionId = fresh.InspectionId;
            replay.ExpectedVersion = 0;
            await evidence.RecordJudgementAsync(replay, Options);
        }

        var loadedRatings = await scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = loaded.InspectionId }, Options);
        var replayedRatings = await scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = fresh.InspectionId }, Options);
        var comparable = replayedRatings.Clone();
        comparable.InspectionId = loadedRatings.InspectionId;
        if (comparable.Equals(loadedRatings)) return new ReplayResult(true, "", loadedRatings, replayedRatings);
        return new ReplayResult(false, Difference(loadedRatings, comparable), loadedRatings, replayedRatings);
    }

    private static string Difference(InspectionRatings loaded, InspectionRatings replayed)
    {
        if (loaded.CasesAssessed != replayed.CasesAssessed) return $"cases assessed {loaded.CasesAssessed} vs {replayed.CasesAssessed}";
        foreach (var (a, b) in loaded.Standards.Zip(replayed.Standards))
            if (!a.Equals(b)) return $"standard {a.StandardId}:\n  loaded   {a}\n  replayed {b}";
        return $"overall:\n  loaded   {loaded.Overall}\n  replayed {replayed.Overall}";
    }
}
