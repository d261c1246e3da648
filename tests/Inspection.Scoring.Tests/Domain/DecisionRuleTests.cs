using Inspection.Scoring.Domain.Frameworks;
using Inspection.Scoring.Domain.Ratings;

namespace Inspection.Scoring.Tests.Domain;

/// <summary>Domain-one decision rules: the cap refuses a rating it forbids unless recorded as a panel departure; a
/// default accepts another rating only with a rationale.</summary>
public sealed class DecisionRuleTests
{
    private static readonly Framework Framework = Frameworks.Pdu2021;

    /// <summary>Every case key question at k of 48 (court work included).</summary>
    private static Dictionary<string, YesCount> AllCaseQuestionsAt(int yes) =>
        Framework.CaseKeyQuestions.ToDictionary(k => k.Id, _ => new YesCount(yes, 48));

    private static Dictionary<string, Judgement> Judgements(string leadership, string rationale = "", bool departure = false, string agreedBy = "") =>
        new()
        {
            ["1.1"] = new("1.1", leadership, rationale, Judgement.Final, departure, agreedBy),
            ["1.2"] = new("1.2", "Requires improvement", "", Judgement.Final, false, ""),
            ["1.3"] = new("1.3", "Requires improvement", "", Judgement.Final, false, ""),
            ["1.4"] = new("1.4", "Requires improvement", "", Judgement.Final, false, ""),
        };

    private static DecisionRuleOutcome Rule(InspectionRatings ratings, string standardId, DecisionRuleKind kind) =>
        ratings.Standards.Single(s => s.Standard.Id == standardId).Rules.Single(r => r.Rule.Kind == kind);

    [Fact]
    public void The_cap_refuses_Good_leadership_when_every_case_standard_is_Requires_improvement_or_below()
    {
        // 27/48 = 56%: every case standard Requires improvement.
        var ratings = InspectionRater.Rate(Framework, RatingInputs.FromCases(AllCaseQuestionsAt(27), judgements: Judgements("Good", "strong leadership")));

        var cap = Rule(ratings, "1.1", DecisionRuleKind.Cap);
        Assert.Equal(RuleStatus.InForce, cap.Status);
        Assert.Equal(["Requires improvement", "Inadequate"], cap.Ratings);
        Assert.False(cap.Complies);
        Assert.True(cap.Breach);
        Assert.False(ratings.CanPublish);
        Assert.Contains(ratings.Blockers, b => b.StartsWith("1.1 Leadership: ", StringComparison.Ordinal) && b.Contains("panel departure"));
    }

    [Fact]
    public void The_cap_accepts_Good_leadership_recorded_as_a_panel_departure()
    {
        var departure = new PanelDeparture("1.1", "Good", "exceptional recovery plan in place", "Chief Inspector", DateTimeOffset.UnixEpoch);
        var viaScoring = InspectionRater.Rate(Framework, RatingInputs.FromCases(
            AllCaseQuestionsAt(27), new Dictionary<string, PanelDeparture> { ["1.1"] = departure }, Judgements("Requires improvement")));
        var viaJudgement = InspectionRater.Rate(Framework, RatingInputs.FromCases(
            AllCaseQuestionsAt(27), judgements: Judgements("Good", "exceptional recovery plan", departure: true, agreedBy: "Ratings panel")));

        foreach (var ratings in new[] { viaScoring, viaJudgement })
        {
            var cap = Rule(ratings, "1.1", DecisionRuleKind.Cap);
            Assert.False(cap.Complies);
            Assert.False(cap.Breach);
            Assert.Equal("Good", ratings.Standards.Single(s => s.Standard.Id == "1.1").FinalRating);
            Assert.True(ratings.CanPublish, string.Join("; ", ratings.Blockers));
        }
    }

    [Fact]
    public void A_departure_flag_without_who_agreed_it_does_not_satisfy_the_cap()
    {
        var ratings = InspectionRater.Rate(Framework, RatingInputs.FromCases(
            AllCaseQuestionsAt(27), judgements: Judgements("Good", "rationale", departure: true, agreedBy: "")));

        Assert.True(Rule(ratings, "1.1", DecisionRuleKind.Cap).Breach);
    }

    [Fact]
    public void The_cap_is_not_in_force_when_a_case_standard_is_Good()
    {
        // 34/48 = 71%: every case standard Good.
        var ratings = InspectionRater.Rate(Framework, RatingInputs.FromCases(AllCaseQuestionsAt(34), judgements: Judgements("Good")));

        Assert.Equal(RuleStatus.NotInForce, Rule(ratings, "1.1", DecisionRuleKind.Cap).Status);
        Assert.True(ratings.CanPublish, string.Join("; ", ratings.Blockers));
    }

    [Fact]
    public void Departing_from_a_default_requires_a_rationale()
    {
        // 10/48 = 21%: every case standard Inadequate, so Leadership and Services would usually be Inadequate.
        var without = InspectionRater.Rate(Framework, RatingInputs.FromCases(AllCaseQuestionsAt(10), judgements: Judgements("Requires improvement")));
        var with = InspectionRater.Rate(Framework, RatingInputs.FromCases(AllCaseQuestionsAt(10), judgements: Judgements("Requires improvement", "new leadership team has a credible plan")));

        var leadershipDefault = Rule(without, "1.1", DecisionRuleKind.Default);
        Assert.Equal((RuleStatus.InForce, false, true), (leadershipDefault.Status, leadershipDefault.Complies!.Value, leadershipDefault.Breach));
        Assert.Contains("requires a rationale", leadershipDefault.Explanation);
        Assert.True(Rule(without, "1.3", DecisionRuleKind.Default).Breach);
        Assert.False(without.CanPublish);

        Assert.False(Rule(with, "1.1", DecisionRuleKind.Default).Breach);
        // The Services default is still departed from without a rationale (its judgement has none).
        Assert.True(Rule(with, "1.3", DecisionRuleKind.Default).Breach);
    }

    [Fact]
    public void A_judgement_that_follows_the_default_needs_no_rationale()
    {
        var judgements = Judgements("Inadequate");
        judgements["1.3"] = new("1.3", "Inadequate", "", Judgement.Final, false, "");

        var ratings = InspectionRater.Rate(Framework, RatingInputs.FromCases(AllCaseQuestionsAt(10), judgements: judgements));

        Assert.All(ratings.Standards.SelectMany(s => s.Rules).Where(r => r.Rule.Kind != DecisionRuleKind.Informational),
            r => Assert.Equal((true, false), (r.Complies!.Value, r.Breach)));
        Assert.True(ratings.CanPublish, string.Join("; ", ratings.Blockers));
    }

    [Fact]
    public void Rules_wait_for_the_case_ratings_and_draft_judgements_block_publication()
    {
        var judgements = Judgements("Good");
        judgements["1.2"] = judgements["1.2"] with { State = "draft" };

        var ratings = InspectionRater.Rate(Framework, RatingInputs.FromCases(new Dictionary<string, YesCount>(), judgements: judgements));

        Assert.Equal(RuleStatus.Undetermined, Rule(ratings, "1.1", DecisionRuleKind.Cap).Status);
        Assert.False(ratings.CanPublish);
        Assert.Contains("1.2 Staff: no final judgement yet", ratings.Blockers);
        Assert.Contains("2.2 Assessment: no rating yet (no applicable answers)", ratings.Blockers);
        Assert.Null(ratings.Overall!.Rating);
    }

    [Fact]
    public void Every_published_decision_rule_is_read_into_a_condition_and_ratings()
    {
        var rules = Frameworks.Catalog.All.SelectMany(f => f.Standards.SelectMany(s => s.DecisionRules.Select(r => (Framework: f.Id, Rule: r)))).ToList();

        Assert.Equal(5, rules.Count);
        var byKey = rules.ToDictionary(r => $"{r.Framework}/{r.Rule.StandardId}/{r.Rule.Type}");
        var cap = byKey["pdu-2021-2023/1.1/cap"].Rule;
        Assert.Equal(DecisionRuleKind.Cap, cap.Kind);
        var every = Assert.IsType<RuleCondition.EveryStandardOfDomain>(cap.Condition);
        Assert.Equal("2", every.DomainId);
        Assert.Equal(new HashSet<string> { "Inadequate", "Requires improvement" }, every.Ratings);
        Assert.Equal(new HashSet<string> { "Inadequate", "Requires improvement" }, cap.Ratings);

        var leadershipDefault = byKey["pdu-2021-2023/1.1/default_with_override"].Rule;
        Assert.Equal(new HashSet<string> { "Inadequate" }, leadershipDefault.Ratings);

        var services = byKey["pdu-2021-2023/1.3/default_with_override"].Rule;
        Assert.Equal(new RuleCondition.StandardRated("2.4", new HashSet<string> { "Inadequate" }).StandardId,
            Assert.IsType<RuleCondition.StandardRated>(services.Condition).StandardId);
        Assert.Equal(new HashSet<string> { "Inadequate" }, services.Ratings);

        Assert.Equal(DecisionRuleKind.Informational, byKey["pdu-2021-2023/1.3/linked_to_domain_two"].Rule.Kind);

        // 2024: "for Services to be rated Requires improvement, Implementation and delivery would usually be Requires
        // improvement or Good", when P2.3 is Inadequate: Services would usually be below Requires improvement.
        var services2024 = byKey["pdu-2024/P1.3/default_with_override"].Rule;
        Assert.Equal(DecisionRuleKind.Default, services2024.Kind);
        Assert.Equal("P2.3", Assert.IsType<RuleCondition.StandardRated>(services2024.Condition).StandardId);
        Assert.Equal(new HashSet<string> { "Inadequate" }, services2024.Ratings);
    }
}
