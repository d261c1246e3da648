using Grpc.Core;
using Xunit;

namespace Inspection.Recommendations.Tests.Tracking;

/// <summary>
/// The proof list of issue 7, written once and run by each transport (the store directly, and gRPC against the
/// real host). Every published figure comes from reference-inspections.json.
/// </summary>
public abstract class TrackingProofs
{
    protected abstract ITrackingDriver Driver { get; }

    [Fact]
    public async Task Due_for_judgement_at_the_PDU_are_exactly_the_annex_recommendations_reaching_it_through_lineage()
    {
        var scenario = await AnnexScenario.LoadAsync(Driver);

        var due = await Driver.ListDueAsync(scenario.PduInspection.Id);

        Assert.Equal(ReferenceData.Annex.Select(a => a.Text).Order(), due.Select(d => d.Recommendation.Text).Order());
        Assert.All(due, d => Assert.Equal("predecessor", d.ReachedThrough));
        Assert.All(due, d => Assert.Equal("", d.PreviousJudgement));
        Assert.DoesNotContain(due, d => d.Recommendation.Text is AnnexScenario.ClosedEarlierText or AnnexScenario.ToHmppsText or AnnexScenario.ToSiblingText);
        // The CRC's and the division's own numbering, continuous per inspection.
        Assert.Equal(Enumerable.Range(1, ReferenceData.Annex.Count(a => a.Origin.Contains("community rehabilitation company", StringComparison.Ordinal))),
            due.Where(d => d.Recommendation.AddresseeId == scenario.Crc.Id).Select(d => d.Recommendation.Number).Order());
    }

    [Fact]
    public async Task Recording_the_nine_published_judgements_gives_the_published_counts()
    {
        var scenario = await AnnexScenario.LoadAsync(Driver);

        await scenario.RecordPublishedJudgementsAsync();

        var summary = await Driver.SummaryAsync(scenario.PduInspection.Id, "", "inspection");
        Assert.Equal(ReferenceData.AnnexCounts.OrderBy(c => c.Key), summary.Total.Where(c => c.Value > 0).OrderBy(c => c.Key));
        Assert.Equal(ReferenceData.Annex.Count, summary.Total.Values.Sum());
        Assert.Equal(["No progress", "Some progress", "Sufficient progress"], summary.Scale);

        // By predecessor: the CRC's and the division's shares of the published counts.
        var byProvider = await Driver.SummaryAsync(scenario.PduInspection.Id, "", "provider");
        foreach (var (origin, provider) in new[] { ("community rehabilitation company", scenario.Crc), ("National Probation Service division", scenario.Division) })
            foreach (var word in summary.Scale)
                Assert.Equal(ReferenceData.Annex.Count(a => a.Origin.Contains(origin, StringComparison.Ordinal) && a.Judgement == word),
                    byProvider.Rows[provider.Id].GetValueOrDefault(word));

        // Each judgement is the recommendation's history; repeated flags as published.
        foreach (var (recommendation, published) in scenario.AnnexRecommendations)
        {
            var now = await Driver.GetRecommendationAsync(recommendation.Id);
            Assert.Equal([published.Judgement], now.History);
            Assert.Equal(published.Judgement != "Sufficient progress", now.Open);
        }
        // Still all due at this inspection, each showing the judgement made here.
        var due = await Driver.ListDueAsync(scenario.PduInspection.Id);
        Assert.Equal(ReferenceData.Annex.Count, due.Count);
        Assert.All(due, d => Assert.Equal(scenario.AnnexRecommendations.Single(a => a.Recommendation.Id == d.Recommendation.Id).Published.Judgement, d.JudgementHere));
    }

    [Fact]
    public async Task At_the_next_inspection_only_the_recommendations_not_judged_sufficient_are_due_with_their_previous_judgement()
    {
        var scenario = await AnnexScenario.LoadAsync(Driver);
        await scenario.RecordPublishedJudgementsAsync();
        var published = await Driver.PublishAsync($"pub-{scenario.PduInspection.Id}", scenario.PduInspection.Id,
            (await Driver.GetInspectionAsync(scenario.PduInspection.Id)).Version, "2022-08-01");
        var next = await Driver.CreateInspectionAsync($"next-{scenario.PduInspection.Id}", scenario.Pdu.Id, "pdu-2024", "2024-06-03");

        var due = await Driver.ListDueAsync(next.Id);

        var open = ReferenceData.Annex.Where(a => a.Judgement != "Sufficient progress").ToList();
        Assert.Equal(open.Select(a => a.Text).Order(), due.Select(d => d.Recommendation.Text).Order());
        Assert.All(due, d => Assert.Equal(open.Single(a => a.Text == d.Recommendation.Text).Judgement, d.PreviousJudgement));
        // Four weeks after publication (the reference's improvement plan rule).
        Assert.Equal("2022-08-29", published.ImprovementPlanDue);
    }

    [Fact]
    public async Task Listing_by_provider_with_predecessors_finds_the_recommendations_carried_into_the_PDU()
    {
        var scenario = await AnnexScenario.LoadAsync(Driver);
        await scenario.RecordPublishedJudgementsAsync();

        var carried = await Driver.ListRecommendationsAsync(scenario.Pdu.Id, includePredecessors: true, latestJudgement: "");
        var noProgress = await Driver.ListRecommendationsAsync(scenario.Pdu.Id, includePredecessors: true, latestJudgement: "No progress");
        var own = await Driver.ListRecommendationsAsync(scenario.Pdu.Id, includePredecessors: false, latestJudgement: "");

        // Every recommendation addressed to the CRC or the division (the annex's and the one closed earlier), none to HMPPS.
        Assert.Equal(ReferenceData.Annex.Select(a => a.Text).Append(AnnexScenario.ClosedEarlierText).Order(), carried.Select(r => r.Text).Order());
        Assert.Equal(ReferenceData.AnnexCounts["No progress"], noProgress.Count);
        Assert.Empty(own);
        var lineage = await Driver.GetLineageAsync(scenario.Division.Id);
        Assert.Equal(new[] { scenario.Pdu.Id, scenario.SiblingPdu.Id }.Order(), lineage.SuccessorIds.Order());
    }

    [Fact]
    public async Task Two_judgements_of_one_recommendation_at_one_inspection_at_once_one_wins_the_other_is_aborted_nothing_lost()
    {
        var scenario = await AnnexScenario.LoadAsync(Driver);
        var target = scenario.AnnexRecommendations[0].Recommendation;
        var read = await Driver.GetRecommendationAsync(target.Id);

        var attempts = await Task.WhenAll(
            Attempt(() => Driver.JudgeAsync($"race-a-{target.Id}", target.Id, scenario.PduInspection.Id, read.Version, "No progress", false)),
            Attempt(() => Driver.JudgeAsync($"race-b-{target.Id}", target.Id, scenario.PduInspection.Id, read.Version, "Some progress", false)));

        var winner = Assert.Single(attempts, a => a.Judgement is not null).Judgement!;
        var loser = Assert.Single(attempts, a => a.Refusal is not null).Refusal!;
        Assert.Equal(StatusCode.Aborted, loser.Code);
        var after = await Driver.GetRecommendationAsync(target.Id);
        Assert.Equal([winner.Judgement], after.History);

        // The loser re-reads and records again: both judgements are kept, the second as a revision.
        var other = winner.Judgement == "No progress" ? "Some progress" : "No progress";
        var retried = await Driver.JudgeAsync($"race-retry-{target.Id}", target.Id, scenario.PduInspection.Id, after.Version, other, false);
        Assert.Equal(2, retried.Revision);
        Assert.Equal([winner.Judgement, other], (await Driver.GetRecommendationAsync(target.Id)).History);
        var summary = await Driver.SummaryAsync(scenario.PduInspection.Id, "", "inspection");
        Assert.Equal(1, summary.Total[other]);
        Assert.Equal(1, summary.Total.Values.Sum());
    }

    [Fact]
    public async Task A_retry_with_the_same_request_id_returns_the_first_result_and_a_reused_id_with_new_content_is_refused()
    {
        var scenario = await AnnexScenario.LoadAsync(Driver);
        var target = scenario.AnnexRecommendations[1].Recommendation;

        var first = await Driver.JudgeAsync($"once-{target.Id}", target.Id, scenario.PduInspection.Id, target.Version, "Some progress", false);
        var again = await Driver.JudgeAsync($"once-{target.Id}", target.Id, scenario.PduInspection.Id, target.Version, "Some progress", false);
        var reused = await Assert.ThrowsAsync<Refusal>(() =>
            Driver.JudgeAsync($"once-{target.Id}", target.Id, scenario.PduInspection.Id, target.Version, "No progress", false));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(["Some progress"], (await Driver.GetRecommendationAsync(target.Id)).History);
        Assert.Equal(StatusCode.AlreadyExists, reused.Code);
    }

    [Fact]
    public async Task A_judgement_word_not_on_the_scale_is_invalid_naming_the_field()
    {
        var scenario = await AnnexScenario.LoadAsync(Driver);
        var target = scenario.AnnexRecommendations[0].Recommendation;

        var refusal = await Assert.ThrowsAsync<Refusal>(() =>
            Driver.JudgeAsync($"bad-word-{target.Id}", target.Id, scenario.PduInspection.Id, target.Version, "Good progress", false));

        Assert.Equal(StatusCode.InvalidArgument, refusal.Code);
        Assert.Equal(["judgement"], refusal.Fields);
        Assert.Contains("Sufficient progress", refusal.Reason);
    }

    [Fact]
    public async Task An_addressee_group_out_of_order_is_invalid_naming_the_field_and_nothing_is_added()
    {
        var scenario = await AnnexScenario.LoadAsync(Driver);
        var inspection = scenario.PduInspection;

        var refusal = await Assert.ThrowsAsync<Refusal>(() => Driver.AddRecommendationsAsync($"bad-order-{inspection.Id}", inspection.Id, inspection.Version,
            [new NewItem("hmpps", scenario.Hmpps.Id, "review national processes"), new NewItem("provider", scenario.Pdu.Id, "improve reviews")]));

        Assert.Equal(StatusCode.InvalidArgument, refusal.Code);
        Assert.Equal(["recommendations[1].addressee_group"], refusal.Fields);
        Assert.Equal(0, (await Driver.GetInspectionAsync(inspection.Id)).RecommendationCount);

        // Across requests too: after an HMPPS recommendation, a provider one cannot follow.
        var added = await Driver.AddRecommendationsAsync($"ok-{inspection.Id}", inspection.Id, inspection.Version,
            [new NewItem("provider", scenario.Pdu.Id, "improve reviews"), new NewItem("hmpps", scenario.Hmpps.Id, "review national processes")]);
        Assert.Equal([1, 2], added.Select(a => a.Number));
        var later = await Assert.ThrowsAsync<Refusal>(() => Driver.AddRecommendationsAsync($"late-{inspection.Id}", inspection.Id, inspection.Version + 1,
            [new NewItem("provider", scenario.Pdu.Id, "improve planning")]));
        Assert.Equal(["recommendations[0].addressee_group"], later.Fields);
    }

    [Fact]
    public async Task A_restructure_making_a_provider_its_own_ancestor_is_invalid_naming_the_field()
    {
        var scenario = await AnnexScenario.LoadAsync(Driver);
        var crc = await Driver.GetProviderAsync(scenario.Crc.Id);

        var refusal = await Assert.ThrowsAsync<Refusal>(() =>
            Driver.RecordRestructureAsync($"cycle-{crc.Id}", crc.Id, crc.Version, "2023-01-01", [scenario.Pdu.Id]));
        var self = await Assert.ThrowsAsync<Refusal>(() =>
            Driver.RecordRestructureAsync($"self-{crc.Id}", crc.Id, crc.Version, "2023-01-01", [crc.Id]));

        Assert.Equal(StatusCode.InvalidArgument, refusal.Code);
        Assert.Equal(["predecessors[0].provider_id"], refusal.Fields);
        Assert.Contains("own ancestor", refusal.Reason);
        Assert.Equal(["predecessors[0].provider_id"], self.Fields);
        Assert.Empty((await Driver.GetLineageAsync(crc.Id)).AncestorIds);
    }

    [Fact]
    public async Task A_judgement_at_an_inspection_the_recommendation_does_not_reach_fails_its_precondition()
    {
        var scenario = await AnnexScenario.LoadAsync(Driver);
        var toHmpps = (await Driver.ListRecommendationsAsync(scenario.Hmpps.Id, false, "")).Single();

        var refusal = await Assert.ThrowsAsync<Refusal>(() =>
            Driver.JudgeAsync($"unreached-{toHmpps.Id}", toHmpps.Id, scenario.PduInspection.Id, toHmpps.Version, "Some progress", false));

        Assert.Equal(StatusCode.FailedPrecondition, refusal.Code);
        Assert.Contains("neither", refusal.Reason);
    }

    [Fact]
    public async Task A_stale_version_is_aborted_and_publishing_twice_fails_its_precondition()
    {
        var scenario = await AnnexScenario.LoadAsync(Driver);
        await scenario.RecordPublishedJudgementsAsync();   // nothing due is left unjudged: the inspection can be published
        var inspection = await Driver.GetInspectionAsync(scenario.PduInspection.Id);

        var stale = await Assert.ThrowsAsync<Refusal>(() => Driver.PublishAsync($"stale-{inspection.Id}", inspection.Id, inspection.Version + 5, "2022-08-01"));
        var published = await Driver.PublishAsync($"pub-{inspection.Id}", inspection.Id, inspection.Version, "2022-08-01");
        var twice = await Assert.ThrowsAsync<Refusal>(() => Driver.PublishAsync($"pub2-{inspection.Id}", inspection.Id, published.Version, "2022-08-02"));

        Assert.Equal(StatusCode.Aborted, stale.Code);
        Assert.Equal("published", published.Status);
        Assert.Equal(StatusCode.FailedPrecondition, twice.Code);
    }

    private static async Task<(JudgementRef? Judgement, Refusal? Refusal)> Attempt(Func<Task<JudgementRef>> call)
    {
        try
        {
            return (await call(), null);
        }
        catch (Refusal refusal)
        {
            return (null, refusal);
        }
    }
}
