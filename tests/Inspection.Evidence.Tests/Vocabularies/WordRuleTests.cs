using Inspection.Contracts.Vocabularies;
using Inspection.Domain;
using Inspection.Domain.Vocabularies;
using Xunit;

namespace Inspection.Evidence.Tests.Vocabularies;

/// <summary>The one rule for words on the wire: the canonical word, its case and spacing, listed aliases; nothing else.</summary>
public sealed class WordRuleTests
{
    [Theory]
    [InlineData("community_order")]
    [InlineData("Community Order")]
    [InlineData("  COMMUNITY   order ")]
    [InlineData("community-order")]
    [InlineData("Community_Order")]
    public void Case_and_spacing_aside_a_word_is_its_canonical_word(string text) =>
        Assert.Equal(SentenceType.CommunityOrder, WireWords.SentenceTypes.Parse("sentence_type", text));

    [Theory]
    [InlineData("not_applicable", AnswerValue.NotApplicable)]
    [InlineData("NOT APPLICABLE", AnswerValue.NotApplicable)]
    [InlineData("yes", AnswerValue.Yes)]
    [InlineData("requires_improvement", null)]
    public void Words_spelled_with_capitals_and_spaces_read_the_same_way(string text, AnswerValue? expected) =>
        Assert.Equal(expected, text.As<AnswerValue>());

    [Fact]
    public void A_listed_alias_is_accepted_and_answered_with_the_canonical_word()
    {
        Assert.Equal(CourtReportType.None, WireWords.CourtReportTypes.Parse("court_report_type", ""));
        Assert.Equal("none", WireWords.CourtReportTypes.Normalise(""));
        Assert.Equal("Requires improvement", WireWords.Ratings.Normalise("requires  IMPROVEMENT"));
    }

    [Theory]
    [InlineData("interview")]
    [InlineData("focusgroup")]
    [InlineData("focus group.")]
    public void Anything_else_is_refused_naming_the_field_and_every_allowed_word(string text)
    {
        var e = Assert.Throws<ValidationException>(() => WireWords.EvidenceSources.Parse("source", text));
        var violation = Assert.Single(e.Violations);
        Assert.Equal("source", violation.Field);
        Assert.Equal($"'{text}' is not a source of evidence (expected one of practitioner_interview, manager_meeting, focus_group, " +
                     "partner_meeting, staff_survey, people_on_probation_survey, sentencer_survey, data_return, document, presentation)",
            violation.Description);
        Assert.Equal(text, WireWords.EvidenceSources.Normalise(text));
    }

    [Fact]
    public void Violations_are_collected_with_the_others_of_the_request()
    {
        var violations = new List<FieldViolation>();
        Assert.Null(WireWords.Findings.Canonical(violations, "finding", "weakness"));
        Assert.Equal("area_for_improvement", WireWords.Findings.Canonical(violations, "finding", "Area for improvement"));
        Assert.Equal("finding", Assert.Single(violations).Field);
    }

    [Fact]
    public void Pages_compare_and_write_typed_values_never_the_literal()
    {
        Assert.True("Published".Is(InspectionStatus.Published));
        Assert.False("planned".Is(InspectionStatus.Published));
        Assert.False(((string?)null).Is(InspectionStatus.Published));
        Assert.Equal("in_force", DecisionRuleStatus.InForce.Word());
        Assert.Equal("Sufficient progress", ProgressWord.SufficientProgress.Word());
    }

    [Fact]
    public void Every_typed_vocabulary_has_its_words_once_and_each_word_names_one_value()
    {
        var enums = typeof(WordRule).Assembly.GetTypes().Where(t => t.IsEnum && t.Namespace == typeof(WordRule).Namespace).ToList();
        var vocabularies = WireWords.All().ToList();
        // Every typed word of the domain has its wire words (the statistics' p-value method has them too).
        var typed = typeof(WireWords).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => f.FieldType.GetGenericArguments().Single()).ToHashSet();
        Assert.All(enums, e => Assert.Contains(e, typed));
        Assert.Equal(typed.Count, vocabularies.Count);
        foreach (var (name, words) in vocabularies)
        {
            Assert.NotEmpty(words);
            Assert.Equal(words.Count, words.Select(WordRule.Fold).Distinct().Count());
            Assert.All(words, w => Assert.Equal(w.Trim(), w));
            Assert.False(string.IsNullOrEmpty(name));
        }
    }

    [Fact]
    public void A_vocabulary_that_misses_a_value_or_names_two_values_with_one_word_is_refused_when_built()
    {
        Assert.Throws<ArgumentException>(() => new Vocabulary<Finding>("a finding", new VocabularyWord<Finding>(Finding.Strength, "strength")));
        Assert.Throws<ArgumentException>(() => new Vocabulary<Finding>("a finding",
            new VocabularyWord<Finding>(Finding.Strength, "strength"), new VocabularyWord<Finding>(Finding.AreaForImprovement, "Strength")));
    }
}
