using Inspection.Admin.Forms;

namespace Inspection.Admin.Tests;

/// <summary>The one place service violations become GOV.UK messages in the forms' words (no browser needed).</summary>
public sealed class FieldLabelsTests
{
    [Theory]
    [InlineData("fieldwork_end", "before fieldwork_start", "Fieldwork end must be on or after fieldwork start")]
    [InlineData("fieldwork_start", "'2025-13-40' is not a date of the form yyyy-MM-dd", "Fieldwork start must be a real date")]
    [InlineData("evidence_date", "is required (yyyy-MM-dd)", "Enter date")]
    [InlineData("reserves_per_stratum", "between 0 (meaning 5) and 1000", "Reserves per stratum must be between 0 and 1000")]
    [InlineData("figures.total_staff_fte", "must be from 0 to 10,000 full-time equivalents (1E+308 was given)", "Total staff in post must be from 0 to 10,000 full-time equivalents")]
    [InlineData("eligibility.windows[1].last_day", "2021-11-01 is before the first day 2021-11-30", "Window 2 last day must be on or after window 2 first day")]
    [InlineData("agreeing", "cannot be negative", "Respondents agreeing cannot be negative")]
    [InlineData("summary", "longer than 4000 characters", "What the evidence shows must be 4000 characters or fewer")]
    [InlineData("region", "required for a provider of type pdu", "Enter region for a probation delivery unit")]
    [InlineData("lead_inspector", "is required", "Enter lead inspector")]
    public void A_violation_reads_in_the_form_s_words(string field, string description, string expected) =>
        Assert.Equal(expected, FieldLabels.Message(field, description));

    [Theory]
    [InlineData("quotas[0].values[1]", "Quota 1 values")]
    [InlineData("fixed_split.groups[2].weight", "Group 3 weight")]
    [InlineData("calculated_size.margin_of_error", "Margin of error")]
    [InlineData("some_new_field", "Some new field")]
    public void A_field_path_reads_as_its_label_and_an_unlisted_one_is_never_a_code(string field, string label) =>
        Assert.Equal(label, FieldLabels.For(field));

    [Fact]
    public void A_message_about_no_one_field_names_attributes_in_words() =>
        Assert.Equal("Quota 1 (risk of serious harm level in very high, high) needs 50 cases but only 12 eligible cases match.",
            FieldLabels.Words("Quota 1 (rosh_level in very_high, high) needs 50 cases but only 12 eligible cases match."));
}
