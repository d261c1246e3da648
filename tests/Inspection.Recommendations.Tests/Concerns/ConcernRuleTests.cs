using Inspection.Domain.Vocabularies;
using Inspection.Recommendations.Domain.Concerns;
using Xunit;

namespace Inspection.Recommendations.Tests.Concerns;

/// <summary>Each cause-for-concern rule alone, met and not met, with its edges; and the shipped rule book.</summary>
public sealed class ConcernRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly ConcernRuleDefinition Definition = new("test-rule", 1, "test", "Test rule", "", new DateOnly(2025, 4, 1));
    private static readonly RepeatedJudgementRule TwoNoProgress = new(Definition, "No progress", 2);
    private static readonly MissingImprovementPlanRule EightWeeks = new(Definition, 8);
    private static readonly PriorityNotTakenUpRule OneRevision = new(Definition, 1);
    private readonly Guid _provider = Guid.NewGuid();
    private readonly ConcernFactsBuilder _facts = new();

    [Fact]
    public void The_shipped_rule_book_has_the_three_rules_each_versioned_and_in_words()
    {
        var book = ConcernRuleBook.Load();

        Assert.Equal(["repeated-no-progress", "improvement-plan-missing", "priority-recommendation-not-taken-up"], book.Rules.Select(r => r.Definition.Id));
        Assert.All(book.Rules, r => Assert.True(r.Definition.Version >= 1 && r.Definition.Title.Length > 0 && r.Definition.Description.Length > 0));
        Assert.IsType<RepeatedJudgementRule>(book.Rules[0]);
        Assert.IsType<MissingImprovementPlanRule>(book.Rules[1]);
        Assert.IsType<PriorityNotTakenUpRule>(book.Rules[2]);
    }

    [Fact]
    public void A_rule_of_a_kind_no_code_evaluates_or_without_its_parameter_is_refused_when_the_book_is_read()
    {
        static Stream Json(string rule) => new MemoryStream(System.Text.Encoding.UTF8.GetBytes($$"""{ "rules": [ {{rule}} ] }"""));
        const string Common = """ "id": "r", "version": 1, "title": "t", "description": "d", "in_force_from": "2025-04-01" """;

        Assert.Contains("no code evaluates the kind 'guesswork'", Assert.Throws<InvalidDataException>(() => ConcernRuleBook.Load(Json($$"""{ {{Common}}, "kind": "guesswork" }"""))).Message);
        Assert.Contains("'weeks_after_due'", Assert.Throws<InvalidDataException>(() => ConcernRuleBook.Load(Json($$"""{ {{Common}}, "kind": "improvement_plan_missing", "parameters": {} }"""))).Message);
    }

    // Repeated No progress on the same standard.

    [Fact]
    public void No_progress_on_the_same_standard_at_two_successive_inspections_is_met_on_the_later_inspections_date()
    {
        var first = _facts.Inspection(_provider, "2025-05-05");
        var second = _facts.Inspection(_provider, "2026-06-01");
        var recommendation = _facts.Judged(first, "No progress", "Planning");
        _facts.Judged(recommendation, second, "No progress", "Planning");

        var finding = Assert.Single(TwoNoProgress.Find(_facts.Build(), Today));

        Assert.Equal((_provider, new DateOnly(2026, 6, 1)), (finding.ProviderId, finding.MetOn));
        Assert.Equal([first.Id, second.Id], finding.Records.Where(r => r.InspectionId is not null).Select(r => r.InspectionId!.Value));
        Assert.Equal(recommendation, Assert.Single(finding.Records, r => r.RecommendationId is not null).RecommendationId);
        Assert.Contains("'Planning' at 2 inspections in a row (from 5 May 2025 and 1 June 2026)", finding.Detail);
    }

    [Fact]
    public void Different_recommendations_on_the_same_standard_meet_it_and_the_standard_is_matched_by_name_across_programmes()
    {
        var first = _facts.Inspection(_provider, "2025-05-05");
        var second = _facts.Inspection(_provider, "2026-06-01");
        var earlier = _facts.Judged(first, "No progress", "Planning");
        var later = _facts.Judged(second, "no progress", " planning ");

        var finding = Assert.Single(TwoNoProgress.Find(_facts.Build(), Today));

        Assert.Equal([earlier, later], finding.Records.Where(r => r.RecommendationId is not null).Select(r => r.RecommendationId!.Value));
    }

    [Fact]
    public void Not_met_by_other_standards_another_judgement_or_inspections_that_are_not_successive()
    {
        var first = _facts.Inspection(_provider, "2024-05-05");
        var between = _facts.Inspection(_provider, "2025-05-05");
        var third = _facts.Inspection(_provider, "2026-06-01");
        _facts.Judged(first, "No progress", "Planning");
        _facts.Judged(between, "Some progress", "Planning");
        _facts.Judged(between, "No progress", "Assessment");
        _facts.Judged(third, "No progress", "Planning");

        Assert.Empty(TwoNoProgress.Find(_facts.Build(), Today));
    }

    [Fact]
    public void A_recommendation_linked_to_no_standard_meets_nothing()
    {
        var first = _facts.Inspection(_provider, "2025-05-05");
        var second = _facts.Inspection(_provider, "2026-06-01");
        var recommendation = _facts.Judged(first, "No progress");
        _facts.Judged(recommendation, second, "No progress");

        Assert.Empty(TwoNoProgress.Find(_facts.Build(), Today));
    }

    [Fact]
    public void A_predecessors_inspection_and_its_successors_next_one_are_successive_and_the_successor_is_flagged_once()
    {
        var predecessor = Guid.NewGuid();
        _facts.Restructure(_provider, predecessor);
        var before = _facts.Inspection(predecessor, "2025-05-05");
        var after = _facts.Inspection(_provider, "2026-06-01");
        var recommendation = _facts.Judged(before, "No progress", "Reviewing");
        _facts.Judged(recommendation, after, "No progress", "Reviewing");

        var finding = Assert.Single(TwoNoProgress.Find(_facts.Build(), Today));
        Assert.Equal(_provider, finding.ProviderId);
    }

    [Fact]
    public void Three_in_a_row_when_the_rule_asks_for_three()
    {
        var rule = new RepeatedJudgementRule(Definition, "No progress", 3);
        var inspections = new[] { "2024-05-05", "2025-05-05", "2026-06-01" }.Select(d => _facts.Inspection(_provider, d)).ToList();
        foreach (var inspection in inspections.Take(2)) _facts.Judged(inspection, "No progress", "Planning");
        Assert.Empty(rule.Find(_facts.Build(), Today));

        _facts.Judged(inspections[2], "No progress", "Planning");
        Assert.Equal(new DateOnly(2026, 6, 1), Assert.Single(rule.Find(_facts.Build(), Today)).MetOn);
    }

    // The improvement plan still missing.

    [Theory]
    [InlineData("2025-08-24", false)]   // eight weeks less a day after the due date
    [InlineData("2025-08-25", true)]    // eight weeks to the day: still missing, so met
    public void A_plan_not_received_is_met_eight_weeks_after_its_due_date(string today, bool met)
    {
        var inspection = _facts.Inspection(_provider, "2025-03-03", published: "2025-06-02", due: "2025-06-30");

        var findings = EightWeeks.Find(_facts.Build(), DateOnly.Parse(today)).ToList();

        Assert.Equal(met, findings.Count == 1);
        if (met)
        {
            Assert.Equal((new DateOnly(2025, 8, 25), inspection.Id), (findings[0].MetOn, findings[0].Records.Single().InspectionId!.Value));
            Assert.Contains("was due on 30 June 2025", findings[0].Detail);
        }
    }

    [Fact]
    public void A_plan_received_however_late_or_an_inspection_not_published_meets_nothing()
    {
        _facts.Inspection(_provider, "2025-03-03", published: "2025-06-02", due: "2025-06-30", received: "2025-12-01");
        _facts.Inspection(_provider, "2026-03-03");

        Assert.Empty(EightWeeks.Find(_facts.Build(), Today));
    }

    // A priority recommendation not taken up.

    [Fact]
    public void A_priority_recommendation_not_agreed_is_met_on_the_day_of_the_response_and_flags_its_addressee()
    {
        var plan = _facts.Priority(_provider, AddresseeResponse.NotAgreed, "2025-07-14");

        var finding = Assert.Single(OneRevision.Find(_facts.Build(), Today));

        Assert.Equal((_provider, new DateOnly(2025, 7, 14)), (finding.ProviderId, finding.MetOn));
        Assert.Equal(plan.RecommendationId, Assert.Single(finding.Records).RecommendationId);
        Assert.Contains("Not agreed", finding.Detail);
    }

    [Theory]
    [InlineData(AddresseeResponse.Agreed)]
    [InlineData(AddresseeResponse.PartlyAgreed)]
    public void Agreed_or_partly_agreed_with_one_revision_is_not_met(AddresseeResponse response)
    {
        _facts.Priority(_provider, response, "2025-07-14", DateTimeOffset.Parse("2025-10-01T10:00:00Z"));

        Assert.Empty(OneRevision.Find(_facts.Build(), Today));
    }

    [Fact]
    public void An_action_revised_twice_is_met_on_the_day_of_the_second_revision_with_the_action_among_the_records()
    {
        var plan = _facts.Priority(_provider, AddresseeResponse.Agreed, "2025-07-14",
            DateTimeOffset.Parse("2025-10-01T10:00:00Z"), DateTimeOffset.Parse("2026-01-15T23:30:00Z"));

        var finding = Assert.Single(OneRevision.Find(_facts.Build(), Today));

        Assert.Equal(new DateOnly(2026, 1, 15), finding.MetOn);   // 23:30 UTC in January is still the 15th in England
        Assert.Equal(plan.Actions[0].Id, finding.Records.Single(r => r.ActionId is not null).ActionId);
        Assert.Contains("revised twice", finding.Detail);
    }

    [Fact]
    public void A_recommendation_that_is_not_a_priority_meets_nothing()
    {
        var plan = _facts.Priority(_provider, AddresseeResponse.NotAgreed);
        var facts = _facts.Build();
        var ordinary = facts with { PriorityPlans = [plan with { Priority = false }] };

        Assert.Empty(OneRevision.Find(ordinary, Today));
    }

    // The book: in force from a day, the same records the same flag.

    [Fact]
    public void A_finding_met_before_its_rule_came_into_force_is_not_raised()
    {
        var book = ConcernRuleBook.Load();
        _facts.Inspection(_provider, "2022-06-06", published: "2022-08-01", due: "2022-08-29");   // a report transcribed from before the rules
        var recent = _facts.Inspection(_provider, "2025-03-03", published: "2025-06-02", due: "2025-06-30");

        var finding = Assert.Single(book.Evaluate(_facts.Build(), Today));

        Assert.Equal(("improvement-plan-missing", recent.Id), (finding.Rule.Id, finding.Records.Single().InspectionId!.Value));
    }

    [Fact]
    public void The_records_key_is_the_same_whatever_order_the_records_were_found_in()
    {
        var a = ConcernRecord.Recommendation(Guid.NewGuid(), "one");
        var b = ConcernRecord.Inspection(Guid.NewGuid(), "two");

        Assert.Equal(new ConcernFinding(Definition, _provider, Today, "", [a, b]).RecordsKey, new ConcernFinding(Definition, _provider, Today, "changed words", [b, a with { Description = "other" }]).RecordsKey);
    }
}
