using System.Text.Json.Nodes;
using Grpc.Core;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Inspection.Scoring.V1;
using Npgsql;

namespace Inspection.Scoring.Tests.Grpc;

/// <summary>
/// Issue 19, item 2, over gRPC with the real register (where publication happens) and the real case sampling: a
/// published inspection's figures are stored at publication and read back as published; an answer altered directly in
/// the database, a changed computation or a substitution after publication changes nothing it says, and lists it for
/// review with both figures; a person's correction stores a second version, shown as amended.
/// </summary>
[Collection(SampledScoringServicesCollection.Name)]
public sealed class PublishedFiguresTests(SampledScoringServices services)
{
    private const string KeyQuestion = "2.2.1";

    private static KeyQuestionResult Figure(InspectionRatings ratings, string questionId) =>
        ratings.Standards.SelectMany(s => s.KeyQuestions).Single(k => k.QuestionId == questionId);

    /// <summary>A published inspection of 10 cases: the first two answered No throughout, the rest Yes (80%: Outstanding).</summary>
    private async Task<(string InspectionId, Sample Sample, IReadOnlyList<Inspection.Scoring.Domain.Assessments.SampledCaseFacts> Cases)> PublishedAsync()
    {
        var (inspectionId, snapshotId) = await services.InspectionWithCaseloadAsync(30);
        var sample = await services.DrawAsync(inspectionId, snapshotId, size: 10, seed: 5);
        services.SetFinalJudgements(inspectionId);
        var cases = await services.ActiveCasesAsync(inspectionId);
        for (var i = 0; i < cases.Count; i++) await services.AssessAsync(inspectionId, cases[i], i < 2 ? "No" : "Yes");
        var current = await services.Register.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspectionId });
        var published = await services.Register.PublishInspectionAsync(new PublishInspectionRequest
        {
            RequestId = "publish-" + inspectionId, InspectionId = inspectionId, ExpectedVersion = current.Version, PublishedOn = "2022-09-01", PublishedBy = "issue-19-tests",
        });
        Assert.Equal("published", published.Status);
        return (inspectionId, sample, cases);
    }

    private async Task<int> SqlAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var dataSource = NpgsqlDataSource.Create(services.ScoringDatabase);
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync();
    }

    private async Task<PublishedFigureReview?> ReviewListedAsync(string inspectionId) =>
        (await services.Scoring.ListPublishedFigureReviewsAsync(new ListPublishedFigureReviewsRequest())).Reviews.SingleOrDefault(r => r.InspectionId == inspectionId);

    [Fact]
    public async Task Publication_stores_the_figures_and_an_answer_altered_in_the_database_changes_nothing_until_a_correction()
    {
        var (inspectionId, _, _) = await PublishedAsync();
        var published = await services.RatingsAsync(inspectionId);
        var publishedPrompts = await services.Scoring.GetPromptResultsAsync(new GetPromptResultsRequest { InspectionId = inspectionId });
        var stored = await services.Scoring.GetPublishedFiguresAsync(new GetPublishedFiguresRequest { InspectionId = inspectionId });

        var first = Assert.Single(stored.Versions);
        Assert.Equal((1, "publication", "2022-09-01", "3"), (first.Version, first.Kind, first.PublishedOn, first.MethodVersion));
        Assert.Equal((published.FrameworkId, published.FrameworkVersion), (first.FrameworkId, first.FrameworkVersion));
        Assert.Equal((1, "3"), (published.PublishedFiguresVersion, published.MethodVersion));
        Assert.Equal((8, 10, 80), (Figure(published, KeyQuestion).K, Figure(published, KeyQuestion).N, Figure(published, KeyQuestion).Pct));
        Assert.Equal(Figure(first.Ratings, KeyQuestion), Figure(published, KeyQuestion));
        Assert.Equal(publishedPrompts.Prompts, first.Prompts.Prompts);
        Assert.Null(await ReviewListedAsync(inspectionId));

        var rollupBefore = await services.Scoring.GetNationalRollupAsync(new GetNationalRollupRequest { FrameworkId = "pdu-2021-2023" });
        // One of the two No answers to 2.2.1 becomes Yes behind the service's back.
        var altered = await SqlAsync(
            """
            UPDATE key_question_answers SET answer = 'Yes'
            WHERE inspection_id = @id AND question_id = @question
              AND case_reference = (SELECT min(case_reference) FROM key_question_answers WHERE inspection_id = @id AND question_id = @question AND answer = 'No')
            """, ("id", inspectionId), ("question", KeyQuestion));
        Assert.Equal(1, altered);

        var afterAlteration = await services.RatingsAsync(inspectionId);
        var promptsAfter = await services.Scoring.GetPromptResultsAsync(new GetPromptResultsRequest { InspectionId = inspectionId });
        Assert.Equal(published, afterAlteration);
        Assert.Equal(publishedPrompts, promptsAfter);
        // The national roll-up counts a published inspection as published too.
        Assert.Equal(rollupBefore, await services.Scoring.GetNationalRollupAsync(new GetNationalRollupRequest { FrameworkId = "pdu-2021-2023" }));
        var review = await ReviewListedAsync(inspectionId);
        Assert.NotNull(review);
        var difference = Assert.Single(review.Differences);
        Assert.Equal(("Key question 2.2.1", "8 of 10 (80%)", "9 of 10 (90%)"), (difference.Figure, difference.Published, difference.Computed));
        Assert.Equal((1, "3", "3"), (review.PublishedVersion, review.PublishedMethodVersion, review.ComputedMethodVersion));

        // A correction needs a reason and the version reviewed; then the figures computed now are stored as version 2.
        var noReason = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.RecordPublishedFiguresCorrectionAsync(new RecordPublishedFiguresCorrectionRequest
        {
            RequestId = "c0-" + inspectionId, InspectionId = inspectionId, ExpectedVersion = 1, RecordedBy = "issue-19-tests",
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        Assert.Equal("correction_reason", Assert.Single(noReason.FieldViolations).Field);
        var stale = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.RecordPublishedFiguresCorrectionAsync(new RecordPublishedFiguresCorrectionRequest
        {
            RequestId = "c1-" + inspectionId, InspectionId = inspectionId, ExpectedVersion = 2, CorrectionReason = "moderation", RecordedBy = "issue-19-tests",
        }).ResponseAsync);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Equal(published, await services.RatingsAsync(inspectionId));

        var correction = new RecordPublishedFiguresCorrectionRequest
        {
            RequestId = "c2-" + inspectionId, InspectionId = inspectionId, ExpectedVersion = 1,
            CorrectionReason = "Case re-read at moderation: engagement was sufficient", RecordedBy = "issue-19-tests",
        };
        var corrected = await services.Scoring.RecordPublishedFiguresCorrectionAsync(correction);
        var retried = await services.Scoring.RecordPublishedFiguresCorrectionAsync(correction);
        var amended = await services.RatingsAsync(inspectionId);

        Assert.Equal([1, 2], corrected.Versions.Select(v => v.Version));
        Assert.Equal(corrected, retried);
        var second = corrected.Versions[1];
        Assert.Equal(("correction", correction.CorrectionReason, "issue-19-tests"), (second.Kind, second.Reason, second.RecordedBy));
        // The first version stays as it was, beside the second.
        Assert.Equal((8, 10), (Figure(corrected.Versions[0].Ratings, KeyQuestion).K, Figure(corrected.Versions[0].Ratings, KeyQuestion).N));
        Assert.Equal((2, 9, 10), (amended.PublishedFiguresVersion, Figure(amended, KeyQuestion).K, Figure(amended, KeyQuestion).N));
        var listed = Assert.Single(amended.Corrections);
        Assert.Equal(("published_figures", correction.CorrectionReason), (listed.Kind, listed.Reason));
        Assert.Null(await ReviewListedAsync(inspectionId));
        var nothingLeft = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.RecordPublishedFiguresCorrectionAsync(new RecordPublishedFiguresCorrectionRequest
        {
            RequestId = "c3-" + inspectionId, InspectionId = inspectionId, ExpectedVersion = 2, CorrectionReason = "again", RecordedBy = "issue-19-tests",
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, nothingLeft.StatusCode);
    }

    [Fact]
    public async Task A_changed_computation_or_a_substitution_after_publication_is_listed_for_review_and_changes_nothing_published()
    {
        var (inspectionId, sample, cases) = await PublishedAsync();
        var published = await services.RatingsAsync(inspectionId);
        Assert.Equal("Outstanding", published.Standards.Single(s => s.StandardId == "2.2").FinalRating);

        // The computation changes: the inspection's pinned framework now puts Outstanding at 95%, so 80% is Good.
        var definition = JsonNode.Parse(await ScalarAsync<string>(
            "SELECT v.definition FROM framework_versions v JOIN inspections i USING (framework_id) WHERE i.inspection_id = @id AND v.version = i.framework_version",
            ("id", inspectionId)))!;
        foreach (var band in definition["question_bands"]!.AsArray())
        {
            if ((string?)band!["rating"] == "Good") band["max_pct_exclusive"] = 95;
            if ((string?)band["rating"] == "Outstanding") band["min_pct"] = 95;
        }
        var version = "changed-" + Guid.NewGuid().ToString("N");
        await SqlAsync(
            """
            INSERT INTO framework_versions (framework_id, version, definition) VALUES ('pdu-2021-2023', @version, @definition);
            UPDATE inspections SET framework_version = @version WHERE inspection_id = @id;
            """, ("version", version), ("definition", definition.ToJsonString()), ("id", inspectionId));

        Assert.Equal(published, await services.RatingsAsync(inspectionId));
        var review = (await services.Scoring.ListPublishedFigureReviewsAsync(new ListPublishedFigureReviewsRequest { InspectionId = inspectionId })).Reviews.Single();
        var assessment = review.Differences.Single(d => d.Figure == "Standard 2.2 Assessment: rating");
        Assert.Equal(("Outstanding", "Good"), (assessment.Published, assessment.Computed));
        Assert.DoesNotContain(review.Differences, d => d.Figure.StartsWith("Key question", StringComparison.Ordinal));

        // Case sampling takes no notice of publication: a substitution afterwards changes the computation, not the report.
        await services.Sampling.SubstituteCaseAsync(new SubstituteCaseRequest
        {
            RequestId = "sub-" + inspectionId, SampleId = sample.SampleId, CaseReference = cases[0].CaseReference, Reason = "transferred out", SubstitutedBy = "issue-19-tests",
        });
        Assert.Equal(published, await services.RatingsAsync(inspectionId));
        var afterSubstitution = (await services.Scoring.ListPublishedFigureReviewsAsync(new ListPublishedFigureReviewsRequest { InspectionId = inspectionId })).Reviews.Single();
        var keyQuestion = afterSubstitution.Differences.Single(d => d.Figure == "Key question 2.2.1");
        // The replacement is not assessed: 8 Yes of the 9 assessed active cases.
        Assert.Equal(("8 of 10 (80%)", "8 of 9 (89%)"), (keyQuestion.Published, keyQuestion.Computed));
    }

    [Fact]
    public async Task Publishing_is_refused_and_stores_nothing_while_a_replacement_is_unassessed()
    {
        var (inspectionId, snapshotId) = await services.InspectionWithCaseloadAsync(30);
        var sample = await services.DrawAsync(inspectionId, snapshotId, size: 10, seed: 6);
        services.SetFinalJudgements(inspectionId);
        var cases = await services.ActiveCasesAsync(inspectionId);
        foreach (var @case in cases) await services.AssessAsync(inspectionId, @case, "Yes");
        await services.Sampling.SubstituteCaseAsync(new SubstituteCaseRequest
        {
            RequestId = "sub-" + inspectionId, SampleId = sample.SampleId, CaseReference = cases[3].CaseReference, Reason = "died", SubstitutedBy = "issue-19-tests",
        });
        var current = await services.Register.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspectionId });

        var refused = await Assert.ThrowsAsync<RpcException>(() => services.Register.PublishInspectionAsync(new PublishInspectionRequest
        {
            RequestId = "publish-" + inspectionId, InspectionId = inspectionId, ExpectedVersion = current.Version, PublishedOn = "2022-09-01", PublishedBy = "issue-19-tests",
        }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("1 of 10 sampled cases not yet assessed", refused.Status.Detail);
        Assert.Equal("planned", (await services.Register.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspectionId })).Status);
        Assert.Empty((await services.Scoring.GetPublishedFiguresAsync(new GetPublishedFiguresRequest { InspectionId = inspectionId })).Versions);
        Assert.Equal(0, (await services.RatingsAsync(inspectionId)).PublishedFiguresVersion);
    }

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var dataSource = NpgsqlDataSource.Create(services.ScoringDatabase);
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
