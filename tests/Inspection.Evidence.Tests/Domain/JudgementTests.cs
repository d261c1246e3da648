using Inspection.Domain;
using Xunit;
using Inspection.Evidence.Domain.Frameworks;
using Inspection.Evidence.Domain.Judgements;

namespace Inspection.Evidence.Tests.Domain;

public sealed class JudgementTests
{
    private static readonly OrganisationalFramework Pdu2022 = FrameworkCatalogue.Default.Get("pdu-2021-2023");

    private static JudgementInput Input(string standard = "1.1", string rating = "Requires improvement", string? rationale = "Leaders have a clear vision.",
        bool departure = false, string? agreedBy = null, string state = JudgementState.Draft, long? expected = null) =>
        new(standard, rating, rationale, departure, agreedBy, state, "lead inspector", "lead_inspector", expected);

    private static Judgement Record(JudgementInput input, Judgement? current = null) =>
        Judgement.Record("inspection", Pdu2022, input, current, DateTimeOffset.UtcNow);

    [Fact]
    public void A_judgement_keeps_what_the_scoring_service_needs()
    {
        var judgement = Record(Input(departure: true, agreedBy: "Chief Inspector", state: JudgementState.Final));
        Assert.Equal(("1.1", "Requires improvement", true, "Chief Inspector", JudgementState.Final, 1L),
            (judgement.StandardId, judgement.Rating, judgement.PanelDeparture, judgement.AgreedBy, judgement.State, judgement.Version));
        Assert.Equal("lead_inspector", judgement.RecordedByRole);
    }

    [Fact]
    public void A_rating_word_not_in_the_framework_is_refused_naming_rating()
    {
        foreach (var word in new[] { "Satisfactory", "requires improvement", "Not applicable (court work only)", "Well met" })
        {
            var e = Assert.Throws<ValidationException>(() => Record(Input(rating: word)));
            Assert.Equal("rating", Assert.Single(e.Violations).Field);
        }
    }

    [Fact]
    public void A_case_standard_or_another_programmes_standard_is_refused_naming_standard_id()
    {
        Assert.Equal("standard_id", Assert.Single(Assert.Throws<ValidationException>(() => Record(Input(standard: "2.2"))).Violations).Field);
        Assert.Equal("standard_id", Assert.Single(Assert.Throws<ValidationException>(() => Record(Input(standard: "P1.1"))).Violations).Field);
    }

    [Fact]
    public void A_panel_departure_needs_a_rationale_and_who_agreed_it()
    {
        var e = Assert.Throws<ValidationException>(() => Record(Input(rationale: " ", departure: true)));
        Assert.Equal(["agreed_by", "rationale"], e.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_final_judgement_needs_its_rationale_a_draft_does_not()
    {
        Assert.Null(Record(Input(rationale: null)).Rationale);
        var e = Assert.Throws<ValidationException>(() => Record(Input(rationale: null, state: JudgementState.Final)));
        Assert.Equal("rationale", Assert.Single(e.Violations).Field);
    }

    [Fact]
    public void Recording_again_adds_a_version_checked_against_the_expected_one()
    {
        var first = Record(Input());
        var second = Record(Input(rating: "Inadequate", state: JudgementState.Final, expected: 1), first);
        Assert.Equal(2, second.Version);

        Assert.Throws<ConcurrencyConflictException>(() => Record(Input(expected: 1), second));
        Assert.Throws<ConcurrencyConflictException>(() => Record(Input(expected: 1)));
        Assert.Throws<PreconditionFailedException>(() => Record(Input(state: JudgementState.Draft), second));
        Assert.Equal(3, Record(Input(rating: "Requires improvement", state: JudgementState.Final), second).Version);
    }

    [Fact]
    public void Once_published_a_changed_judgement_needs_a_correction_reason_and_keeps_it()
    {
        var first = Record(Input(state: JudgementState.Final));
        var change = Input(rating: "Good", state: JudgementState.Final);

        var transcribed = Judgement.Record("inspection", Pdu2022, change, null, DateTimeOffset.UtcNow, published: true);
        var refused = Assert.Throws<PreconditionFailedException>(() => Judgement.Record("inspection", Pdu2022, change, first, DateTimeOffset.UtcNow, published: true));
        var corrected = Judgement.Record("inspection", Pdu2022, change with { CorrectionReason = "  Panel re-read the staff survey  " }, first, DateTimeOffset.UtcNow, published: true);
        var beforePublication = Record(change with { CorrectionReason = "ignored" }, first);

        Assert.Null(transcribed.CorrectionReason);   // the first judgement of a standard transcribes the report
        Assert.Contains("is published", refused.Message);
        Assert.Contains("correction_reason", refused.Message);
        Assert.Equal(("Good", 2L, "Panel re-read the staff survey"), (corrected.Rating, corrected.Version, corrected.CorrectionReason));
        Assert.Null(beforePublication.CorrectionReason);
    }
}
