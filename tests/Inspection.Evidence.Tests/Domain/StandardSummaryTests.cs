using Xunit;
using Inspection.Evidence.Domain.Frameworks;
using Inspection.Evidence.Domain.Items;
using Inspection.Evidence.Domain.Summary;

namespace Inspection.Evidence.Tests.Domain;

public sealed class StandardSummaryTests
{
    private static readonly OrganisationalStandard Staff = FrameworkCatalogue.Default.Get("pdu-2021-2023").FindStandard("1.2")!;
    private static readonly DateTimeOffset Start = new(2022, 6, 6, 9, 0, 0, TimeSpan.Zero);
    private static int _added;

    private static EvidenceItem Item(string? keyQuestion, string finding, string source, int day, string summary, string standard = "1.2") =>
        EvidenceItem.Add(Guid.NewGuid(), "inspection",
            new EvidenceContent(standard, keyQuestion, source, new DateOnly(2022, 6, day), summary, finding, [], null),
            "inspector", Start.AddMinutes(Interlocked.Increment(ref _added)));

    [Fact]
    public void Evidence_is_grouped_by_key_question_counted_by_source_and_listed_in_report_order()
    {
        var items = new[]
        {
            Item("1.2.3", Finding.Strength, EvidenceSource.ManagerMeeting, 8, "oversight strength"),
            Item("1.2.1", Finding.AreaForImprovement, EvidenceSource.DataReturn, 9, "vacancies late"),
            Item("1.2.1", Finding.AreaForImprovement, EvidenceSource.StaffSurvey, 7, "workloads early"),
            Item(null, Finding.Strength, EvidenceSource.FocusGroup, 6, "whole-standard strength"),
            Item("1.2.1", Finding.Strength, EvidenceSource.FocusGroup, 10, "recruitment"),
            Item("1.2.2", Finding.AreaForImprovement, EvidenceSource.FocusGroup, 6, "skills"),
            Item("1.1.1", Finding.Strength, EvidenceSource.Document, 6, "another standard", standard: "1.1"),
        };
        var withdrawn = Item("1.2.4", Finding.Strength, EvidenceSource.Presentation, 6, "withdrawn").Withdraw(1, "wrong PDU", "inspector", Start);

        var summary = StandardSummary.Build("inspection", Staff, [.. items, withdrawn], null);

        Assert.Equal(6, summary.EvidenceCount);
        Assert.Equal(["1.2.1", "1.2.2", "1.2.3", "1.2.4", null], summary.KeyQuestions.Select(g => g.KeyQuestion?.Id));
        Assert.Equal(["workloads early", "vacancies late"], summary.KeyQuestions[0].AreasForImprovement.Select(e => e.Content.Summary));
        Assert.Empty(summary.KeyQuestions[3].Strengths);
        Assert.Equal(["recruitment", "oversight strength", "whole-standard strength"], summary.Strengths.Select(e => e.Content.Summary));
        Assert.Equal(["workloads early", "vacancies late", "skills"], summary.AreasForImprovement.Select(e => e.Content.Summary));
        Assert.Equal(
            [new SourceCount(EvidenceSource.ManagerMeeting, 1), new SourceCount(EvidenceSource.FocusGroup, 3),
             new SourceCount(EvidenceSource.StaffSurvey, 1), new SourceCount(EvidenceSource.DataReturn, 1)],
            summary.CountsBySource);
    }

    [Fact]
    public void A_standard_without_key_questions_has_one_group_for_the_standard()
    {
        var leadership = FrameworkCatalogue.Default.Get("pdu-2024").FindStandard("P1.1")!;
        var summary = StandardSummary.Build("inspection", leadership,
            [Item(null, Finding.Strength, EvidenceSource.PartnerMeeting, 6, "partners", standard: "P1.1")], null);

        var group = Assert.Single(summary.KeyQuestions);
        Assert.Null(group.KeyQuestion);
        Assert.Equal(["partners"], group.Strengths.Select(e => e.Content.Summary));
    }
}
