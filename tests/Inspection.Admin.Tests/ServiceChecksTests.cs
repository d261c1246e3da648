using Grpc.Core;
using Inspection.Admin.Forms;
using Inspection.Contracts;
using Inspection.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Inspection.Admin.Tests;

/// <summary>
/// The service's checks beside the form's own (issue 22), without a browser: what the service says of a field the form
/// already marked is not said twice, whether as a violation on that field or as a state that names it.
/// </summary>
public sealed class ServiceChecksTests
{
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["correction_reason"] = "Input.CorrectionReason", ["findings"] = "Input.Findings", ["reason"] = "Input.Reason",
    };

    private static Func<Task> Refusing(StatusCode code, IReadOnlyList<FieldViolation> violations, params string[] states) =>
        () => throw RichErrors.WithViolations(code, "refused", violations, states);

    private static List<(string Key, string Message)> Errors(ModelStateDictionary state) =>
        state.SelectMany(e => e.Value!.Errors.Select(x => (e.Key, x.ErrorMessage))).ToList();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_publication_lock_naming_the_reason_the_form_asked_for_is_not_said_again(bool asState)
    {
        const string locked = "Inspection 1 was published on 2022-09-01: a progress judgement at it changes its published annex, so it can be made only "
                              + "as a correction; give correction_reason (why the published report changes).";
        var state = new ModelStateDictionary();
        state.AddModelError("Input.CorrectionReason", CorrectionReason.Missing);
        // One state in the way travels as the status's message alone; several as google.rpc.PreconditionFailure.
        await state.AddServiceChecksAsync(asState ? Refusing(StatusCode.FailedPrecondition, [], locked) : (Func<Task>)(() => throw new RpcException(new Grpc.Core.Status(StatusCode.FailedPrecondition, locked))),
            "Recommendation tracking", Fields);

        Assert.Equal([("Input.CorrectionReason", CorrectionReason.Missing)], Errors(state));
    }

    [Fact]
    public async Task The_same_lock_is_told_when_the_form_did_not_ask_for_the_reason()
    {
        var state = new ModelStateDictionary();
        state.AddModelError("Input.Findings", "Enter the inspection's findings");
        await state.AddServiceChecksAsync(Refusing(StatusCode.FailedPrecondition, [],
            "Inspection 1 was published on 2022-09-01: give correction_reason (why the published report changes)."), "Recommendation tracking", Fields);

        var errors = Errors(state);
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Key == "" && e.Message.Contains("the reason for the correction", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_state_that_uses_a_field_name_as_a_plain_word_is_still_told_and_other_fields_are_added()
    {
        var state = new ModelStateDictionary();
        state.AddModelError("Input.Reason", "Enter why the caseload snapshot is withdrawn");
        await state.AddServiceChecksAsync(Refusing(StatusCode.InvalidArgument,
                [new FieldViolation("reason", "is required"), new FieldViolation("findings", "is required")],
                "A sample was drawn from this snapshot, which is the reason it stays"),
            "Case sampling", Fields);

        var errors = Errors(state);
        Assert.Equal(3, errors.Count);
        Assert.Single(errors, e => e.Key == "Input.Reason");
        Assert.Contains(errors, e => e.Key == "Input.Findings");
        Assert.Contains(errors, e => e.Key == "" && e.Message.StartsWith("A sample was drawn", StringComparison.Ordinal));
    }
}
