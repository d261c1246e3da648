using Grpc.Core;
using Inspection.Scoring.Domain.Assessments;
using Inspection.Scoring.V1;
using Inspection.Security;
using Inspection.Testing;

namespace Inspection.Scoring.Tests.Grpc;

/// <summary>
/// Issue 22, moderation that counts, over gRPC with the real register and case sampling: a lead inspector resolves each
/// flag (answer kept with a note, or answer changed so the contradiction is gone), recorded with who, when and why;
/// an unresolved flag blocks publication; a kept flag is raised afresh when its answers change; a non-lead is refused,
/// an unknown flag is NOT_FOUND.
/// </summary>
[Collection(SampledScoringServicesCollection.Name)]
public sealed class ModerationOverGrpcTests(SampledScoringServices services)
{
    private const string KeyQuestion = "2.2.1";

    [Fact]
    public async Task A_flag_kept_with_a_note_is_recorded_and_unblocks_publication_until_its_answers_change()
    {
        var (inspectionId, flagged) = await InspectionWithAFlagAsync("No", "Yes");
        var blocked = await services.RatingsAsync(inspectionId);
        Assert.False(blocked.CanPublish);
        Assert.Contains("1 moderation flag is not resolved", blocked.Blockers);
        var unresolved = Assert.Single((await FlagsAsync(inspectionId)).Flags);
        Assert.Equal((flagged.CaseReference, KeyQuestion, false, ""), (unresolved.CaseReference, unresolved.KeyQuestionId, unresolved.Resolved, unresolved.Resolution));

        var resolved = await services.Scoring.ResolveModerationFlagAsync(Resolve(inspectionId, flagged, "answer_kept", "The prompts miss the case's risk work, which was good"));

        Assert.True(resolved.Resolved);
        Assert.Equal(("answer_kept", "The prompts miss the case's risk work, which was good", "lead@inspection.local"),
            (resolved.Resolution, resolved.ResolutionNote, resolved.ResolvedBy));
        Assert.True((DateTimeOffset.UtcNow - resolved.ResolvedAt.ToDateTimeOffset()).Duration() < TimeSpan.FromMinutes(5));
        var listed = Assert.Single((await FlagsAsync(inspectionId)).Flags);
        Assert.Equal((true, "answer_kept"), (listed.Resolved, listed.Resolution));
        var ratings = await services.RatingsAsync(inspectionId);
        Assert.DoesNotContain(ratings.Blockers, b => b.Contains("moderation", StringComparison.Ordinal));
        Assert.True(ratings.CanPublish, string.Join("; ", ratings.Blockers));

        // The answers change and contradict again (the other way round): the flag is raised afresh, unresolved.
        await RecordAsync(inspectionId, flagged, "Yes", "No", expectedVersion: 2);
        var raisedAgain = Assert.Single((await FlagsAsync(inspectionId)).Flags);
        Assert.Equal(("yes_with_every_prompt_no", false, ""), (raisedAgain.Kind, raisedAgain.Resolved, raisedAgain.ResolutionNote));
        Assert.Contains("1 moderation flag is not resolved", (await services.RatingsAsync(inspectionId)).Blockers);
    }

    [Fact]
    public async Task An_answer_changed_records_the_assessment_without_the_contradiction_and_resolves_the_flag()
    {
        var (inspectionId, flagged) = await InspectionWithAFlagAsync("No", "Yes");

        var stillContradicting = Resolve(inspectionId, flagged, "answer_changed", "Re-read at moderation");
        stillContradicting.Answer = "No";
        var refused = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.ResolveModerationFlagAsync(stillContradicting).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("answer", Assert.Single(refused.FieldViolations).Field);

        var change = Resolve(inspectionId, flagged, "answer_changed", "Re-read at moderation: the assessment was good");
        change.Answer = "yes";
        var resolved = await services.Scoring.ResolveModerationFlagAsync(change);

        Assert.Equal((true, "answer_changed", "lead@inspection.local"), (resolved.Resolved, resolved.Resolution, resolved.ResolvedBy));
        var assessment = await services.Scoring.GetCaseAssessmentAsync(new GetCaseAssessmentRequest { InspectionId = inspectionId, CaseReference = flagged.CaseReference });
        Assert.Equal((3L, "Yes"), (assessment.Version, assessment.Answers.Single(a => a.QuestionId == KeyQuestion).Answer_));
        Assert.Empty(assessment.ModerationFlags);
        var listed = Assert.Single((await FlagsAsync(inspectionId)).Flags);
        Assert.Equal((flagged.CaseReference, true, "answer_changed", "Re-read at moderation: the assessment was good"),
            (listed.CaseReference, listed.Resolved, listed.Resolution, listed.ResolutionNote));
        Assert.True((await services.RatingsAsync(inspectionId)).CanPublish);
    }

    [Fact]
    public async Task Only_a_lead_inspector_resolves_an_unknown_flag_is_not_found_and_a_note_is_required()
    {
        var (inspectionId, flagged) = await InspectionWithAFlagAsync("No", "Yes");

        using var inspectorChannel = TestKeys.Channel(services.Host.GrpcAddress, StaffRole.Inspector);
        var asInspector = new AssessmentScoring.AssessmentScoringClient(inspectorChannel);
        var denied = await Assert.ThrowsAsync<RpcException>(() =>
            asInspector.ResolveModerationFlagAsync(Resolve(inspectionId, flagged, "answer_kept", "I agree with myself")).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        var unknown = Resolve(inspectionId, flagged, "answer_kept", "No such flag");
        unknown.KeyQuestionId = "2.3.1";
        var notFound = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.ResolveModerationFlagAsync(unknown).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);

        var noNote = await Assert.ThrowsAsync<RpcException>(() =>
            services.Scoring.ResolveModerationFlagAsync(Resolve(inspectionId, flagged, "answer_kept", "  ")).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noNote.StatusCode);
        Assert.Equal("note", Assert.Single(noNote.FieldViolations).Field);

        var badWord = await Assert.ThrowsAsync<RpcException>(() =>
            services.Scoring.ResolveModerationFlagAsync(Resolve(inspectionId, flagged, "ignored", "why")).ResponseAsync);
        Assert.Equal("resolution", Assert.Single(badWord.FieldViolations).Field);

        Assert.False(Assert.Single((await FlagsAsync(inspectionId)).Flags).Resolved);
        Assert.False((await services.RatingsAsync(inspectionId)).CanPublish);
    }

    [Fact]
    public async Task After_publication_an_answer_changed_is_a_correction_with_its_reason()
    {
        var (inspectionId, snapshotId) = await services.InspectionWithCaseloadAsync(12);
        await services.DrawAsync(inspectionId, snapshotId, size: 4, seed: 7);
        services.SetFinalJudgements(inspectionId);
        var cases = await services.ActiveCasesAsync(inspectionId);
        foreach (var c in cases) await services.AssessAsync(inspectionId, c, "Yes");
        var current = await services.Register.GetInspectionAsync(new Recommendations.V1.GetInspectionRequest { InspectionId = inspectionId });
        await services.Register.PublishInspectionAsync(new Recommendations.V1.PublishInspectionRequest
        {
            RequestId = "publish-" + inspectionId, InspectionId = inspectionId, ExpectedVersion = current.Version, PublishedOn = "2022-09-01", PublishedBy = "lead",
        });
        // A correction after publication raises a flag.
        await RecordAsync(services, inspectionId, cases[0], "No", "Yes", expectedVersion: 1, correctionReason: "Re-read after publication");

        var change = Resolve(inspectionId, cases[0], "answer_changed", "The key question was misread");
        change.Answer = "Yes";
        var refused = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.ResolveModerationFlagAsync(change).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("correction_reason", refused.Status.Detail);

        change.RequestId = $"r-{Guid.NewGuid():N}";
        change.CorrectionReason = "Moderation after publication changed the answer";
        Assert.Equal("answer_changed", (await services.Scoring.ResolveModerationFlagAsync(change)).Resolution);
        var ratings = await services.RatingsAsync(inspectionId);
        Assert.Contains(ratings.Corrections, c => c.Reason == "Moderation after publication changed the answer");
    }

    /// <summary>An inspection of four cases, every one assessed completely (Yes throughout) and its domain one judged,
    /// so nothing else blocks publication; then the first case's 2.2.1 answered <paramref name="keyQuestion"/> with its
    /// applicable prompts <paramref name="prompts"/>, a contradiction.</summary>
    internal static async Task<(string InspectionId, SampledCaseFacts Flagged)> InspectionWithAFlagAsync(
        SampledScoringServices services, string keyQuestion, string prompts)
    {
        var (inspectionId, snapshotId) = await services.InspectionWithCaseloadAsync(12);
        await services.DrawAsync(inspectionId, snapshotId, size: 4, seed: 5);
        services.SetFinalJudgements(inspectionId);
        var cases = await services.ActiveCasesAsync(inspectionId);
        foreach (var c in cases) await services.AssessAsync(inspectionId, c, "Yes");
        await RecordAsync(services, inspectionId, cases[0], keyQuestion, prompts, expectedVersion: 1);
        return (inspectionId, cases[0]);
    }

    private Task<(string InspectionId, SampledCaseFacts Flagged)> InspectionWithAFlagAsync(string keyQuestion, string prompts) =>
        InspectionWithAFlagAsync(services, keyQuestion, prompts);

    private Task RecordAsync(string inspectionId, SampledCaseFacts @case, string keyQuestion, string prompts, long expectedVersion) =>
        RecordAsync(services, inspectionId, @case, keyQuestion, prompts, expectedVersion);

    private static async Task RecordAsync(
        SampledScoringServices services, string inspectionId, SampledCaseFacts @case, string keyQuestion, string prompts, long expectedVersion, string correctionReason = "")
    {
        var request = new RecordCaseAssessmentRequest
        {
            RequestId = $"m-{Guid.NewGuid():N}", InspectionId = inspectionId, CaseReference = @case.CaseReference,
            AssessedBy = "inspector a", ExpectedVersion = expectedVersion, StaffGrade = "PO", CorrectionReason = correctionReason,
        };
        foreach (var answer in CompleteAnswers.For(Domain.Frameworks.Pdu2021, @case, "Yes"))
        {
            if (answer.QuestionId == KeyQuestion) answer.Answer_ = keyQuestion;
            else if (answer.QuestionId.StartsWith(KeyQuestion + ".p", StringComparison.Ordinal) && answer.Answer_ != "Not applicable") answer.Answer_ = prompts;
            request.Answers.Add(answer);
        }
        var recorded = await services.Scoring.RecordCaseAssessmentAsync(request);
        Assert.Single(recorded.ModerationFlags);
    }

    internal static ResolveModerationFlagRequest Resolve(string inspectionId, SampledCaseFacts @case, string resolution, string note) => new()
    {
        RequestId = $"r-{Guid.NewGuid():N}", InspectionId = inspectionId, CaseReference = @case.CaseReference, KeyQuestionId = KeyQuestion,
        Resolution = resolution, Note = note, ResolvedBy = "lead@inspection.local",
    };

    private async Task<ListModerationFlagsResponse> FlagsAsync(string inspectionId) =>
        await services.Scoring.ListModerationFlagsAsync(new ListModerationFlagsRequest { InspectionId = inspectionId });
}
