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
    [InlineData("rows[3].response", "'Maybe' is not a response (expected one of Agreed, Partly agreed, Not agreed)", "Response must be Agreed, Partly agreed or Not agreed")]
    [InlineData("rows[3].owner_role", "required: the owner's role or name", "Enter the owner's role or name")]
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

    [Theory]
    [InlineData("Inspection 01a23b15-8048-7e44-916b-32196d0a4377 is published: the judgement of standard 1.1 can change only as a correction; give correction_reason (why the published report changes)",
        "The inspection is published: the judgement of standard 1.1 can change only as a correction; give the reason for the correction")]
    [InlineData("Evidence 907ac1c1-23d0-49aa-91c1-e60b439e60a9 was withdrawn and can no longer be changed", "The evidence was withdrawn and can no longer be changed")]
    [InlineData("Snapshot 907ac1c1-23d0-49aa-91c1-e60b439e60a9 is still importing: complete it before drawing from it.",
        "The caseload snapshot is still importing: complete it before drawing from it.")]
    [InlineData("Request id 'a1b2' was already used for a different AddEvidence request; use a new request id for a new request.",
        "This form was already sent with other details, so nothing was saved. Open the page again and start from there.")]
    [InlineData("Request 'x-1' already drew sample 907ac1c1-23d0-49aa-91c1-e60b439e60a9 with other parameters.",
        "This form was already sent with other details, so nothing was saved. Open the page again and start from there.")]
    [InlineData("inspection 01a23b15-8048-7e44-916b-32196d0a4377 is recorded from its published results: there are no cases to break down",
        "The inspection is recorded from its published results: there are no cases to break down")]
    public void A_refusal_names_no_internal_id_and_no_field_code(string detail, string expected) =>
        Assert.Equal(expected, FieldLabels.Words(detail));

    [Theory]
    [InlineData(Grpc.Core.StatusCode.PermissionDenied, "caller inspector may not call RecordJudgement", "Your account is not allowed to do this. Nothing was saved.")]
    [InlineData(Grpc.Core.StatusCode.Internal, "An internal error occurred; trace id 4bf92f3577b34da6a3ce929d0e0e4736",
        "Recommendation tracking could not do this because of a fault. Nothing was saved. If it happens again, tell the service desk and give them the reference 4bf92f3577b34da6a3ce929d0e0e4736.")]
    [InlineData(Grpc.Core.StatusCode.FailedPrecondition, "", "Recommendation tracking could not do this. Nothing was saved.")]
    [InlineData(Grpc.Core.StatusCode.Aborted, "Inspection 01a23b15-8048-7e44-916b-32196d0a4377 is at version 4, not 3: someone else changed it; read it again and retry.",
        "Someone else changed this since you opened it. Nothing was saved. Check the latest details and try again.")]
    public void A_refusal_by_status_reads_as_what_happened_and_what_to_do(Grpc.Core.StatusCode code, string detail, string expected)
    {
        var state = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        state.AddServiceError(new Grpc.Core.RpcException(new Grpc.Core.Status(code, detail)), "Recommendation tracking");
        Assert.Equal([expected], state[""]!.Errors.Select(e => e.ErrorMessage));
    }
}
