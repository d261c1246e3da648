using Inspection.Domain;
using Xunit;
using Inspection.Evidence.Domain.Frameworks;
using Inspection.Evidence.Domain.Items;

namespace Inspection.Evidence.Tests.Domain;

public sealed class EvidenceContentTests
{
    private static readonly OrganisationalFramework Pdu2022 = FrameworkCatalogue.Default.Get("pdu-2021-2023");
    private static readonly OrganisationalFramework Pdu2024 = FrameworkCatalogue.Default.Get("pdu-2024");
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static EvidenceInput Input(string standard = "1.2", string? keyQuestion = "1.2.1", string source = EvidenceSource.FocusGroup,
        string date = "2022-06-07", string finding = Finding.AreaForImprovement, string[]? cases = null, string? subsection = null) =>
        new(standard, keyQuestion, source, date, "Practitioners described caseloads they could not manage.", finding, cases ?? [], "inspector a", subsection);

    [Fact]
    public void Valid_evidence_is_accepted_with_its_key_question()
    {
        var (content, recordedBy) = EvidenceContent.Create(Pdu2022, Input(cases: ["C001", "C002"]), Today);
        Assert.Equal("1.2", content.StandardId);
        Assert.Equal("1.2.1", content.KeyQuestionId);
        Assert.Equal(new DateOnly(2022, 6, 7), content.EvidenceDate);
        Assert.Equal(["C001", "C002"], content.CaseReferences);
        Assert.Equal("inspector a", recordedBy);
    }

    [Fact]
    public void A_standard_outside_the_framework_is_refused_naming_standard_id()
    {
        var e = Assert.Throws<ValidationException>(() => EvidenceContent.Create(Pdu2022, Input(standard: "P1.1", keyQuestion: null), Today));
        Assert.Equal("standard_id", Assert.Single(e.Violations).Field);
    }

    [Fact]
    public void A_key_question_of_another_standard_is_refused()
    {
        var e = Assert.Throws<ValidationException>(() => EvidenceContent.Create(Pdu2022, Input(keyQuestion: "1.1.1"), Today));
        Assert.Equal("key_question_id", Assert.Single(e.Violations).Field);
    }

    [Fact]
    public void In_2024_evidence_attaches_to_the_standard_and_a_key_question_is_refused()
    {
        var (content, _) = EvidenceContent.Create(Pdu2024, Input(standard: "P1.2", keyQuestion: null), Today);
        Assert.Null(content.KeyQuestionId);

        var e = Assert.Throws<ValidationException>(() => EvidenceContent.Create(Pdu2024, Input(standard: "P1.2", keyQuestion: "1.2.1"), Today));
        Assert.Contains("no key questions", Assert.Single(e.Violations).Description);
    }

    [Fact]
    public void Every_wrong_field_is_reported_at_once()
    {
        var e = Assert.Throws<ValidationException>(() => EvidenceContent.Create(Pdu2022,
            Input(source: "rumour", date: "07/06/2022", finding: "good", cases: ["C1", "C1", ""]), Today));
        Assert.Equal(
            ["case_references[1]", "case_references[2]", "evidence_date", "finding", "source"],
            e.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_evidence_subsection_must_be_one_of_the_standard()
    {
        var (content, _) = EvidenceContent.Create(Pdu2022, Input(standard: "1.3", keyQuestion: null, subsection: "Resettlement"), Today);
        Assert.Equal("Resettlement", content.EvidenceSubsection);

        var e = Assert.Throws<ValidationException>(() => EvidenceContent.Create(Pdu2022, Input(subsection: "Resettlement"), Today));
        Assert.Equal("evidence_subsection", Assert.Single(e.Violations).Field);
    }

    [Fact]
    public void Revising_a_stale_version_or_a_withdrawn_item_is_refused()
    {
        var (content, by) = EvidenceContent.Create(Pdu2022, Input(), Today);
        var now = DateTimeOffset.UtcNow;
        var item = EvidenceItem.Add(Guid.NewGuid(), "i", content, by, now);

        var revised = item.Revise(1, content with { Summary = "Revised" }, "inspector b", now);
        Assert.Equal(2, revised.Version);
        Assert.Equal(item.AddedAt, revised.AddedAt);

        Assert.Throws<ConcurrencyConflictException>(() => revised.Revise(1, content, by, now));
        var withdrawn = revised.Withdraw(2, "Duplicate of another note", "inspector b", now);
        Assert.True(withdrawn.Withdrawn);
        Assert.Equal(3, withdrawn.Version);
        Assert.Throws<PreconditionFailedException>(() => withdrawn.Revise(3, content, by, now));
        Assert.Throws<PreconditionFailedException>(() => withdrawn.Withdraw(3, "again", by, now));
    }
}
