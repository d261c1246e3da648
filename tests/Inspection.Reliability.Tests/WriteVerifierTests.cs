using Dapper;
using Inspection.Evidence.V1;
using Grpc.Core;
using Inspection.LoadAndFaults;
using Inspection.Scoring.V1;
using Inspection.Testing;
using Npgsql;

namespace Inspection.Reliability.Tests;

/// <summary>
/// The load-and-faults checks are not vacuous: acknowledged writes are recorded through the real services, then the
/// databases are damaged behind the services' backs (an assessment deleted, an answer changed, a judgement version
/// inserted twice over) and the verifier and the replay must say so.
/// </summary>
public sealed class WriteVerifierTests
{
    [Fact]
    public async Task The_verifier_finds_a_lost_write_a_changed_answer_and_a_duplicate_and_the_replay_finds_the_ratings_differ()
    {
        await using var postgres = new PostgresServer();
        await using var system = await InspectionSystem.StartAsync(postgres, createDatabases: true);
        var options = new RunOptions { RunId = "verifier-test" };
        var setup = new InspectionSetup(system, options.RunId);
        var inspection = await setup.SeedAsync(caseloadSize: 300, sampleSize: 12);
        var scoring = system.Client<AssessmentScoring.AssessmentScoringClient>(ServiceTopology.AssessmentScoring);
        var evidence = system.Client<OrganisationalEvidence.OrganisationalEvidenceClient>(ServiceTopology.OrganisationalEvidence);
        var ledger = new WriteLedger();

        // three case assessments, every applicable key question answered Yes, and one judgement, all acknowledged
        foreach (var @case in inspection.Cases.Take(3))
        {
            var request = new RecordCaseAssessmentRequest
            {
                RequestId = $"{options.RunId}:{@case.CaseReference}", InspectionId = inspection.InspectionId, CaseReference = @case.CaseReference,
                StaffGrade = "PO", AssessedBy = "inspector-00", ExpectedVersion = 0,
            };
            request.Answers.AddRange(@case.Questions.Select(q => new Answer { QuestionId = q.QuestionId, Answer_ = q.NotApplicable ? "Not applicable" : "Yes" }));
            await scoring.RecordCaseAssessmentAsync(request, Deadline());
            ledger.Assessments.Add(new AcknowledgedAssessment(request, 1));
        }
        var judgement = new RecordJudgementRequest
        {
            RequestId = $"{options.RunId}:judgement", InspectionId = inspection.InspectionId, StandardId = inspection.DomainOneStandards[0],
            Rating = inspection.RatingWords[0], Rationale = "strong leadership", State = "final", RecordedBy = "inspector-00", ExpectedVersion = 0,
        };
        await evidence.RecordJudgementAsync(judgement, Deadline());
        ledger.Judgements.Add(new AcknowledgedJudgement(judgement, 1));

        // untouched, everything checks out
        var clean = await new WriteVerifier(system, inspection, ledger, options).VerifyAsync();
        Assert.Equal((0L, 0L, 0L), (clean.Lost, clean.Duplicates, clean.Phantoms));
        Assert.Empty(clean.Problems);

        var (deleted, changed) = (inspection.Cases[0].CaseReference, inspection.Cases[1].CaseReference);
        var yesQuestion = inspection.Cases[1].Questions.First(q => !q.NotApplicable).QuestionId;
        await using (var scoringDb = new NpgsqlConnection(system.ConnectionString(ServiceTopology.AssessmentScoring)))
        {
            await scoringDb.ExecuteAsync("DELETE FROM key_question_answers WHERE case_reference = @deleted; DELETE FROM prompt_answers WHERE case_reference = @deleted; " +
                "DELETE FROM case_attributes WHERE case_reference = @deleted; DELETE FROM moderation_flags WHERE case_reference = @deleted; " +
                "DELETE FROM case_assessments WHERE case_reference = @deleted", new { deleted });
            await scoringDb.ExecuteAsync("UPDATE key_question_answers SET answer = 'No' WHERE case_reference = @changed AND question_id = @yesQuestion", new { changed, yesQuestion });
        }
        await using (var evidenceDb = new NpgsqlConnection(system.ConnectionString(ServiceTopology.OrganisationalEvidence)))
        {
            await evidenceDb.ExecuteAsync(
                """
                INSERT INTO judgements (inspection_id, standard_id, version, rating, rationale, panel_departure, agreed_by, state, recorded_by, recorded_by_role, recorded_at)
                SELECT inspection_id, standard_id, 2, rating, rationale, panel_departure, agreed_by, state, recorded_by, recorded_by_role, recorded_at
                FROM judgements WHERE inspection_id = @id
                """, new { id = inspection.InspectionId });
        }

        var verifier = new WriteVerifier(system, inspection, ledger, options);
        var damaged = await verifier.VerifyAsync();
        Assert.Equal(2, damaged.Lost);
        Assert.Contains(damaged.Problems, p => p.StartsWith("LOST", StringComparison.Ordinal) && p.Contains(deleted, StringComparison.Ordinal));
        Assert.Contains(damaged.Problems, p => p.StartsWith("LOST", StringComparison.Ordinal) && p.Contains(changed, StringComparison.Ordinal));
        Assert.Equal(1, damaged.Duplicates);
        Assert.Contains(damaged.Problems, p => p.Contains("judgement versions no write explains", StringComparison.Ordinal));

        // the replay records what the client sent (all Yes), so the damaged inspection's ratings no longer match it
        var replay = await new RatingsReplay(system, setup, inspection, options).RunAsync(verifier.CurrentAssessments, verifier.CurrentJudgements);
        Assert.False(replay.RatingsMatch);
        Assert.Equal(2, replay.Loaded.CasesAssessed);
    }

    private static CallOptions Deadline() => new(deadline: DateTime.UtcNow.AddSeconds(60));
}
