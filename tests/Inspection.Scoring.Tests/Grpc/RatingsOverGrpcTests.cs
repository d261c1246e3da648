using Grpc.Core;
using SampledCaseFacts = Inspection.Scoring.Domain.Assessments.SampledCaseFacts;
using Inspection.Scoring.Tests.Reference;
using Inspection.Scoring.V1;

namespace Inspection.Scoring.Tests.Grpc;

/// <summary>Decision rules, panel departures, breakdowns, frameworks and the national roll-up over gRPC.</summary>
[Collection(ScoringServicesCollection.Name)]
public sealed class RatingsOverGrpcTests(ScoringServices services)
{
    /// <summary>An inspection of n cases whose every case key question is answered Yes in the first <paramref name="yes"/>
    /// cases (and No in the rest): every case standard lands in the same band.</summary>
    private async Task<string> UniformInspectionAsync(int cases, int yes)
    {
        var framework = Domain.Frameworks.Pdu2021;
        var inspectionId = await services.CreateInspectionAsync("pdu-2021-2023");
        var sample = Enumerable.Range(1, cases)
            .Select(i => SampledCaseFacts.Create($"U{i:000}", i % 3 == 0 ? "licence" : "community_order", gender: i % 4 == 0 ? "female" : "male", courtReport: true))
            .ToList();
        services.SetSample(inspectionId, sample);
        foreach (var (@case, index) in sample.Select((c, i) => (c, i)))
        {
            var request = new RecordCaseAssessmentRequest { InspectionId = inspectionId, CaseReference = @case.CaseReference };
            request.Answers.AddRange(CompleteAnswers.For(framework, @case, index < yes ? "Yes" : "No"));
            await services.Scoring.RecordCaseAssessmentAsync(request);
        }
        return inspectionId;
    }

    private static readonly (string, string, string)[] RequiresImprovementJudgements =
        [("1.1", "Good", "strong leadership"), ("1.2", "Requires improvement", ""), ("1.3", "Requires improvement", ""), ("1.4", "Requires improvement", "")];

    [Fact]
    public async Task The_cap_refuses_Good_leadership_until_a_panel_departure_is_recorded()
    {
        // 11 of 20 = 55%: every case standard Requires improvement.
        var inspectionId = await UniformInspectionAsync(20, 11);
        services.SetJudgements(inspectionId, RequiresImprovementJudgements);

        var before = await services.Scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = inspectionId });
        var missingRationale = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.RecordPanelDepartureAsync(new RecordPanelDepartureRequest
        {
            InspectionId = inspectionId, StandardId = "1.1", Rating = "Good", AgreedBy = "",
        }).ResponseAsync);
        var departure = await services.Scoring.RecordPanelDepartureAsync(new RecordPanelDepartureRequest
        {
            RequestId = "departure-" + inspectionId, InspectionId = inspectionId, StandardId = "1.1", Rating = "Good",
            Rationale = "credible recovery plan already delivering", AgreedBy = "Ratings panel chair",
        });
        var after = await services.Scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = inspectionId });

        var cap = before.Standards.Single(s => s.StandardId == "1.1").DecisionRules.Single(r => r.Kind == "cap");
        Assert.Equal(("in_force", false, true), (cap.Status, cap.Complies, cap.Breach));
        Assert.Equal(["Requires improvement", "Inadequate"], cap.Ratings);
        Assert.False(before.CanPublish);
        Assert.Equal(StatusCode.InvalidArgument, missingRationale.StatusCode);
        Assert.Equal(["rationale", "agreed_by"], missingRationale.FieldViolations.Select(v => v.Field));
        Assert.Equal("Ratings panel chair", departure.AgreedBy);
        var leadership = after.Standards.Single(s => s.StandardId == "1.1");
        Assert.Equal("Good", leadership.FinalRating);
        Assert.Equal("credible recovery plan already delivering", leadership.PanelDeparture.Rationale);
        Assert.False(leadership.DecisionRules.Single(r => r.Kind == "cap").Breach);
        Assert.True(after.CanPublish, string.Join("; ", after.Blockers));
        // 5 case standards at 1 + Good 2 + three at 1 = 10 of 27: Requires improvement.
        Assert.Equal((10, 27, "Requires improvement"), (after.Overall.Score, after.Overall.MaxScore, after.Overall.Rating));
    }

    [Fact]
    public async Task A_panel_departure_changes_a_case_standard_s_final_rating_and_keeps_the_computed_one()
    {
        var inspectionId = await UniformInspectionAsync(20, 11);
        services.SetJudgements(inspectionId, RequiresImprovementJudgements.Select(j => j.Item1 == "1.1" ? ("1.1", "Requires improvement", "") : j));

        await services.Scoring.RecordPanelDepartureAsync(new RecordPanelDepartureRequest
        {
            InspectionId = inspectionId, StandardId = "2.2", Rating = "Inadequate", Rationale = "risk assessment unsafe in two cases", AgreedBy = "Panel",
        });
        var ratings = await services.Scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = inspectionId });

        var assessment = ratings.Standards.Single(s => s.StandardId == "2.2");
        Assert.Equal(("Requires improvement", "Inadequate"), (assessment.ComputedRating, assessment.FinalRating));
        Assert.Equal(55, assessment.KeyQuestions[0].Pct);
        // 11/20 = 55%: 13/20 = 65% reaches Good, so each of the three key questions needs 2 more Yes answers.
        Assert.Equal(("Good", 6), (assessment.NextBand, assessment.YesNeededForNextBand));
        Assert.True(assessment.Borderline);
        // Every key question is at 55% and so decides; each interval (34% to 74%) crosses both edges of Requires improvement.
        Assert.All(assessment.KeyQuestions, k => Assert.True(k.Borderline, k.QuestionId));
        Assert.Contains("its 95% interval, 34% to 74%, crosses the 50% line between Requires improvement and Inadequate and the 65% line between Requires improvement and Good",
            assessment.BorderlineReason);
    }

    [Fact]
    public async Task A_rating_whose_deciding_interval_stays_inside_its_band_is_not_borderline_and_no_key_question_is_marked()
    {
        // 30 of 30 = 100% Outstanding: interval 89% to 100%, clear of the 80% edge.
        var inspectionId = await UniformInspectionAsync(30, 30);
        var ratings = await services.Scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = inspectionId });

        var cases = ratings.Standards.Where(s => s.KeyQuestions.Count > 0 && s.Rated).ToList();
        Assert.NotEmpty(cases);
        Assert.All(cases, s =>
        {
            Assert.Equal(("Outstanding", false, ""), (s.ComputedRating, s.Borderline, s.BorderlineReason));
            Assert.All(s.KeyQuestions, k => Assert.False(k.Borderline, k.QuestionId));
        });
    }

    [Fact]
    public async Task Breakdowns_compare_each_group_with_the_rest_and_mark_small_groups()
    {
        var reference = ReferenceInspection.Load("Birmingham");
        var (inspectionId, sample) = await ReferenceRecording.FromCaseAssessmentsAsync(services, reference);

        var byGender = await services.Scoring.GetBreakdownAsync(new GetBreakdownRequest { InspectionId = inspectionId, Attribute = "gender" });
        var byGrade = await services.Scoring.GetBreakdownAsync(new GetBreakdownRequest { InspectionId = inspectionId, Attribute = "staff_grade" });
        var unknown = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.GetBreakdownAsync(new GetBreakdownRequest { InspectionId = inspectionId, Attribute = "name" }).ResponseAsync);

        var women = byGender.Rows.Single(r => r.QuestionId == "2.2.1" && r.Value == "female");
        var men = byGender.Rows.Single(r => r.QuestionId == "2.2.1" && r.Value == "male");
        Assert.Equal(7, women.N);
        Assert.Equal((women.K + men.K, women.N + men.N), (sample.Plan["2.2.1"].Yes, sample.Plan["2.2.1"].Applicable));
        Assert.Equal((men.K, men.N), (women.RestK, women.RestN));
        Assert.Equal((double)women.K / women.N / ((double)men.K / men.N), women.RelativeRateIndex, 10);
        Assert.InRange(women.FisherP, 0, 1);
        Assert.False(women.SmallGroup);
        Assert.Equal(["PO", "PSO"], byGrade.Rows.Where(r => r.QuestionId == "2.2.1").Select(r => r.Value));
        // Court work has only 14 cases: the women among them are fewer than 5.
        Assert.All(byGender.Rows.Where(r => r.N < 5), r => Assert.True(r.SmallGroup && !r.Significant));
        // ...and so are the men's rows of those questions: the same test, against the same few women.
        Assert.All(byGender.Rows.Where(r => r.RestN < 5), r => Assert.True(r.SmallGroup && !r.Significant));
        // The rows of one question's 2x2 table never disagree (two genders: female against male is male against female).
        Assert.All(byGender.Rows.GroupBy(r => r.QuestionId).Where(q => q.Count() == 2), q => Assert.Single(q.Select(r => (r.SmallGroup, r.Significant)).Distinct()));
        Assert.Equal(StatusCode.InvalidArgument, unknown.StatusCode);
    }

    [Fact]
    public async Task Frameworks_are_listed_with_versions_and_an_inspection_is_pinned_to_one()
    {
        var inspectionId = await UniformInspectionAsync(3, 1);

        var list = await services.Scoring.ListFrameworksAsync(new ListFrameworksRequest());
        var pinned = await services.Scoring.GetFrameworkAsync(new GetFrameworkRequest { InspectionId = inspectionId });
        var omi = await services.Scoring.GetFrameworkAsync(new GetFrameworkRequest { FrameworkId = "omi-2008" });

        Assert.Equal(["nps-division-2018", "omi-2008", "pdu-2021-2023", "pdu-2024"], list.Frameworks.Select(f => f.FrameworkId));
        Assert.Equal(list.Frameworks.Single(f => f.FrameworkId == "pdu-2021-2023").Version, pinned.Version);
        var prompt = pinned.Domains.Single(d => d.DomainId == "2").Standards.Single(s => s.StandardId == "2.4").KeyQuestions[1].Prompts[2];
        Assert.Equal(("2.4.2.p3", "* **", true, true), (prompt.PromptId, prompt.Marker, prompt.NotInUnpaidWorkOnly, prompt.NotEveryCase));
        Assert.Equal(3, pinned.Overall.Points["Outstanding"]);
        Assert.False(omi.SupportsCaseAssessments);
        Assert.Equal(["Well met", "Satisfactorily met", "Partly met", "Not met"], omi.Section4Scale);
    }

    [Fact]
    public async Task The_national_roll_up_counts_every_case_assessed_inspection_of_the_framework()
    {
        var before = await services.Scoring.GetNationalRollupAsync(new GetNationalRollupRequest { FrameworkId = "pdu-2021-2023" });
        await UniformInspectionAsync(10, 9);
        await UniformInspectionAsync(10, 2);

        var after = await services.Scoring.GetNationalRollupAsync(new GetNationalRollupRequest { FrameworkId = "pdu-2021-2023" });

        Assert.Equal(before.Inspections + 2, after.Inspections);
        var kqBefore = before.KeyQuestions.Single(k => k.QuestionId == "2.2.1");
        var kqAfter = after.KeyQuestions.Single(k => k.QuestionId == "2.2.1");
        Assert.Equal((kqBefore.K + 11, kqBefore.N + 20), (kqAfter.K, kqAfter.N));
        int Count(NationalRollup r, string rating) => r.Standards.Single(s => s.StandardId == "2.2").RatingCounts.SingleOrDefault(c => c.Rating == rating)?.Inspections ?? 0;
        Assert.Equal(Count(before, "Outstanding") + 1, Count(after, "Outstanding"));
        Assert.Equal(Count(before, "Inadequate") + 1, Count(after, "Inadequate"));
    }
}
