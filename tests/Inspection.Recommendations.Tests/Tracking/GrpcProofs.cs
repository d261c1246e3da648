using Grpc.Core;
using Inspection.Recommendations.V1;
using Inspection.Testing;
using Xunit;

namespace Inspection.Recommendations.Tests.Tracking;

/// <summary>
/// The same proofs over gRPC: HTTP/2 on real sockets to the real host, which migrates its own database at start;
/// plus what only the wire shows (the change stream, statuses with field violations, the cross-service GetInspection).
/// </summary>
public sealed class GrpcProofs(ServiceHostFixture service) : TrackingProofs, IClassFixture<ServiceHostFixture>
{
    private readonly RecommendationTracking.RecommendationTrackingClient _client = service.Client;

    protected override ITrackingDriver Driver { get; } = new GrpcDriver(service.Client,
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Inspection.Recommendations.Application.InspectionCalendar>(service.Host.Services));

    [Fact]
    public async Task WatchChanges_refuses_an_absurdly_long_list_of_types_in_one_violation()
    {
        // Found by fuzzing: half a million tiny type names fit in one message, and a violation each took seconds.
        var request = new WatchChangesRequest();
        request.Types_.AddRange(Enumerable.Repeat("x", 500_000));

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in _client.WatchChanges(request, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30))).ResponseStream.ReadAllAsync()) { }
        });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("types", Assert.Single(error.FieldViolations).Field);
    }

    [Fact]
    public async Task WatchChanges_streams_a_published_inspection_and_a_recorded_judgement_in_order()
    {
        var scenario = await AnnexScenario.LoadAsync(Driver);
        // Every due recommendation but the first is judged beforehand: publishing needs all of them judged.
        foreach (var (recommendation, published) in scenario.AnnexRecommendations.Skip(1))
            await Driver.JudgeAsync($"j-{recommendation.Id}", recommendation.Id, scenario.PduInspection.Id, recommendation.Version, published.Judgement, published.Repeated);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var request = new WatchChangesRequest { ProviderId = scenario.Pdu.Id };
        await using var stream = _client.WatchChanges(request, new CallOptions(cancellationToken: cancel.Token)).ResponseStream.ReadAllAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);

        Assert.True(await stream.MoveNextAsync());
        Assert.Equal("subscribed", stream.Current.Type);

        var target = scenario.AnnexRecommendations[0];
        var judged = await Driver.JudgeAsync($"watch-{target.Recommendation.Id}", target.Recommendation.Id, scenario.PduInspection.Id,
            target.Recommendation.Version, target.Published.Judgement, target.Published.Repeated);
        var inspection = await Driver.GetInspectionAsync(scenario.PduInspection.Id);
        await Driver.PublishAsync($"watch-pub-{inspection.Id}", inspection.Id, inspection.Version, "2022-08-01");

        Assert.True(await stream.MoveNextAsync());
        var judgement = stream.Current;
        Assert.True(await stream.MoveNextAsync());
        var publication = stream.Current;

        Assert.Equal(("progress_judgement_recorded", judged.Id, target.Published.Judgement, scenario.PduInspection.Id),
            (judgement.Type, judgement.JudgementId, judgement.Judgement, judgement.InspectionId));
        Assert.Equal(("inspection_published", scenario.PduInspection.Id, "2022-08-01", "2022-08-29"),
            (publication.Type, publication.InspectionId, publication.PublishedOn, publication.ImprovementPlanDue));
        Assert.True(publication.Sequence > judgement.Sequence);
    }

    [Fact]
    public async Task GetInspection_answers_other_services_with_the_framework_and_status()
    {
        var scenario = await AnnexScenario.LoadAsync(Driver);

        var inspection = await _client.GetInspectionAsync(new GetInspectionRequest { InspectionId = scenario.PduInspection.Id });
        var missing = await Assert.ThrowsAsync<RpcException>(() => _client.GetInspectionAsync(new GetInspectionRequest { InspectionId = Guid.NewGuid().ToString() }).ResponseAsync);
        var malformed = await Assert.ThrowsAsync<RpcException>(() => _client.GetInspectionAsync(new GetInspectionRequest { InspectionId = "PDU-2022" }).ResponseAsync);

        Assert.Equal((scenario.Pdu.Id, ReferenceData.AnnexInspection.Text("framework"), "planned", ReferenceData.AnnexInspection.Text("fieldwork_start")),
            (inspection.ProviderId, inspection.FrameworkId, inspection.Status, inspection.FieldworkStart));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.Equal("inspection_id", Assert.Single(malformed.FieldViolations).Field);
    }

    [Fact]
    public async Task A_create_without_a_request_id_or_with_bad_fields_is_refused_field_by_field()
    {
        var noRequestId = await Assert.ThrowsAsync<RpcException>(() =>
            _client.CreateProviderAsync(new CreateProviderRequest { Name = "Somewhere PDU", Type = "pdu", Region = "Wales", CreatedBy = "t" }).ResponseAsync);
        var badFields = await Assert.ThrowsAsync<RpcException>(() =>
            _client.CreateProviderAsync(new CreateProviderRequest { RequestId = Guid.NewGuid().ToString(), Name = "", Type = "trust", ActiveFrom = "1 June 2021" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, noRequestId.StatusCode);
        Assert.Equal("request_id", Assert.Single(noRequestId.FieldViolations).Field);
        Assert.Equal(["name", "type", "active_from", "created_by"], badFields.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task Publishing_is_refused_while_a_due_recommendation_is_unjudged_or_scoring_gives_blockers_asking_as_the_caller()
    {
        var scenario = await AnnexScenario.LoadAsync(Driver);
        var inspection = await _client.GetInspectionAsync(new GetInspectionRequest { InspectionId = scenario.PduInspection.Id });
        service.Scoring.Answers.Blockers[inspection.InspectionId] = ["2 of 48 sampled cases not yet assessed", "1.2 Staff: no final judgement yet"];
        var request = new PublishInspectionRequest
        {
            RequestId = $"early-{inspection.InspectionId}", InspectionId = inspection.InspectionId, ExpectedVersion = inspection.Version,
            PublishedOn = "2022-08-01", PublishedBy = "tester",
        };

        var refused = await Assert.ThrowsAsync<RpcException>(() => _client.PublishInspectionAsync(request).ResponseAsync);
        var unchanged = await _client.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspection.InspectionId });

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("cannot be published yet: 9 of 9 recommendations due for judgement at this inspection not yet judged; " +
            "2 of 48 sampled cases not yet assessed; 1.2 Staff: no final judgement yet", refused.Status.Detail);
        Assert.Equal(("planned", inspection.Version), (unchanged.Status, unchanged.Version));
        // Scoring was asked by recommendation tracking as itself (a service-to-service read the RPC policy allows).
        var claims = TokenPayload(service.Scoring.Answers.AuthorizationSeen[inspection.InspectionId]);
        Assert.Equal(("recommendation-tracking", "service"), (claims.GetProperty("sub").GetString(), claims.GetProperty("kind").GetString()));

        await scenario.RecordPublishedJudgementsAsync();
        service.Scoring.Answers.Blockers[inspection.InspectionId] = [];
        var current = await _client.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspection.InspectionId });
        request.RequestId = $"publish-{inspection.InspectionId}";
        request.ExpectedVersion = current.Version;
        Assert.False(service.Scoring.Answers.FiguresRecordedAs.ContainsKey(inspection.InspectionId));
        Assert.Equal("published", (await _client.PublishInspectionAsync(request)).Status);
        // Issue 19: scoring stored the figures to be published, asked as the person publishing (a write no service may
        // make on its own), before the inspection was marked published.
        var publisher = TokenPayload(service.Scoring.Answers.FiguresRecordedAs[inspection.InspectionId]);
        Assert.Equal((TestKeys.TestUser, "user"), (publisher.GetProperty("sub").GetString(), publisher.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task A_progress_judgement_at_a_published_inspection_is_refused_unless_it_is_a_correction_with_a_reason()
    {
        var scenario = await AnnexScenario.LoadAsync(Driver);
        await scenario.RecordPublishedJudgementsAsync();
        var inspection = await _client.GetInspectionAsync(new GetInspectionRequest { InspectionId = scenario.PduInspection.Id });
        await _client.PublishInspectionAsync(new PublishInspectionRequest
        {
            RequestId = $"publish-{inspection.InspectionId}", InspectionId = inspection.InspectionId, ExpectedVersion = inspection.Version,
            PublishedOn = "2022-08-01", PublishedBy = "tester",
        });
        var annexBefore = await _client.GetProgressSummaryAsync(new GetProgressSummaryRequest { InspectionId = inspection.InspectionId });
        var (target, _) = scenario.AnnexRecommendations.First(a => a.Published.Judgement == "No progress");
        var current = await _client.GetRecommendationAsync(new GetRecommendationRequest { RecommendationId = target.Id });
        var judgement = new RecordProgressJudgementRequest
        {
            RequestId = $"late-{target.Id}", RecommendationId = target.Id, InspectionId = inspection.InspectionId, ExpectedVersion = current.Version,
            Judgement = "Sufficient progress", Findings = "seen after publication", RecordedBy = "tester",
        };

        var refused = await Assert.ThrowsAsync<RpcException>(() => _client.RecordProgressJudgementAsync(judgement).ResponseAsync);
        var annexAfterRefusal = await _client.GetProgressSummaryAsync(new GetProgressSummaryRequest { InspectionId = inspection.InspectionId });

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("was published on 2022-08-01", refused.Status.Detail);
        Assert.Contains("correction_reason", refused.Status.Detail);
        Assert.Equal(annexBefore, annexAfterRefusal);

        judgement.RequestId = $"correction-{target.Id}";
        judgement.CorrectionReason = "The provider's evidence of a completed plan was received before publication but missed";
        var corrected = await _client.RecordProgressJudgementAsync(judgement);
        var annexAfterCorrection = await _client.GetProgressSummaryAsync(new GetProgressSummaryRequest { InspectionId = inspection.InspectionId });

        Assert.Equal((2, judgement.CorrectionReason), (corrected.Judgement.Revision, corrected.Judgement.CorrectionReason));
        Assert.Equal(judgement.CorrectionReason, corrected.Recommendation.History.Last().CorrectionReason);
        Assert.Equal("", corrected.Recommendation.History.First().CorrectionReason);
        Assert.NotEqual(annexBefore, annexAfterCorrection);
    }

    [Fact]
    public async Task Recommendations_added_to_a_published_inspection_are_refused_unless_they_are_a_correction_with_a_reason()
    {
        var scenario = await AnnexScenario.LoadAsync(Driver);
        var published = await _client.GetInspectionAsync(new GetInspectionRequest { InspectionId = scenario.DivisionInspection.Id });
        var request = new AddRecommendationsRequest
        {
            RequestId = $"late-{published.InspectionId}", InspectionId = published.InspectionId, ExpectedVersion = published.Version, RecordedBy = "tester",
        };
        request.Recommendations.Add(new NewRecommendation { AddresseeGroup = "provider", AddresseeProviderId = scenario.Division.Id, Text = "review the missed case records" });

        var refused = await Assert.ThrowsAsync<RpcException>(() => _client.AddRecommendationsAsync(request).ResponseAsync);
        var afterRefusal = await _client.GetInspectionAsync(new GetInspectionRequest { InspectionId = published.InspectionId });

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("was published on 2019-04-01", refused.Status.Detail);
        Assert.Contains("correction_reason", refused.Status.Detail);
        Assert.Equal((published.RecommendationCount, published.Version), (afterRefusal.RecommendationCount, afterRefusal.Version));

        request.RequestId = $"correction-{published.InspectionId}";
        request.CorrectionReason = "The published report left out a recommendation the inspection team agreed";
        var added = await _client.AddRecommendationsAsync(request);
        var made = Assert.Single(added.Recommendations);
        var got = await _client.GetRecommendationAsync(new GetRecommendationRequest { RecommendationId = made.RecommendationId });
        var listed = await _client.ListRecommendationsAsync(new ListRecommendationsRequest { InspectionId = published.InspectionId });

        Assert.Equal((published.RecommendationCount + 1, request.CorrectionReason), (made.Number, made.CorrectionReason));
        Assert.Equal((published.RecommendationCount + 1, published.Version + 1), (added.Inspection.RecommendationCount, added.Inspection.Version));
        Assert.Equal(request.CorrectionReason, got.CorrectionReason);
        Assert.Equal(request.CorrectionReason, listed.Recommendations.Single(r => r.RecommendationId == made.RecommendationId).CorrectionReason);
        Assert.All(listed.Recommendations.Where(r => r.RecommendationId != made.RecommendationId), r => Assert.Equal("", r.CorrectionReason));

        // The same request id with a different reason is a different request.
        request.CorrectionReason = "another reason";
        var replay = await Assert.ThrowsAsync<RpcException>(() => _client.AddRecommendationsAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, replay.StatusCode);
    }

    [Fact]
    public async Task A_correction_reason_given_for_a_planned_inspection_is_not_stored_and_one_too_long_is_refused()
    {
        var scenario = await AnnexScenario.LoadAsync(Driver);
        var planned = await _client.GetInspectionAsync(new GetInspectionRequest { InspectionId = scenario.PduInspection.Id });
        var request = new AddRecommendationsRequest
        {
            RequestId = $"too-long-{planned.InspectionId}", InspectionId = planned.InspectionId, ExpectedVersion = planned.Version, RecordedBy = "tester",
            CorrectionReason = new string('x', 2001),
        };
        request.Recommendations.Add(new NewRecommendation { AddresseeGroup = "provider", AddresseeProviderId = scenario.Pdu.Id, Text = "improve the quality of reviews" });

        var tooLong = await Assert.ThrowsAsync<RpcException>(() => _client.AddRecommendationsAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, tooLong.StatusCode);
        Assert.Equal("correction_reason", Assert.Single(tooLong.FieldViolations).Field);

        request.RequestId = $"planned-{planned.InspectionId}";
        request.CorrectionReason = "not a correction: the inspection is not published";
        var added = await _client.AddRecommendationsAsync(request);
        var made = Assert.Single(added.Recommendations);
        var got = await _client.GetRecommendationAsync(new GetRecommendationRequest { RecommendationId = made.RecommendationId });

        Assert.Equal((1, "", ""), (made.Number, made.CorrectionReason, got.CorrectionReason));
    }

    private static System.Text.Json.JsonElement TokenPayload(string authorization)
    {
        var payload = authorization["Bearer ".Length..].Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        return System.Text.Json.JsonDocument.Parse(Convert.FromBase64String(payload)).RootElement;
    }
}
