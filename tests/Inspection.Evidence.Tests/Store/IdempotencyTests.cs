using Inspection.Domain;
using Inspection.Evidence.Application;
using Inspection.Evidence.Tests.Support;
using Xunit;
using Inspection.Evidence.Domain.Items;
using Inspection.Evidence.Domain.Judgements;
using Inspection.Evidence.Domain.Surveys;

namespace Inspection.Evidence.Tests.Store;

public sealed class IdempotencyTests(EvidenceDatabase db) : IClassFixture<EvidenceDatabase>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static EvidenceInput Input(string summary) =>
        new("1.1", "1.1.2", EvidenceSource.ManagerMeeting, "2022-06-08", summary, Finding.Strength, [], "inspector", null);

    [Fact]
    public async Task A_retry_returns_the_first_result_and_stores_nothing_more()
    {
        var inspectionId = db.Inspections.Register("pdu-2021-2023");
        var command = new AddEvidence("retry-" + inspectionId, inspectionId, Input("Risks are planned for"));

        var first = await db.Evidence.AddAsync(command, Ct);
        var again = await db.Evidence.AddAsync(command, Ct);

        Assert.Equal((first.EvidenceId, first.Version, first.RecordedAt), (again.EvidenceId, again.Version, again.RecordedAt));
        Assert.Single(await db.Evidence.ListAsync(new EvidenceFilter(inspectionId), Ct));
    }

    [Fact]
    public async Task A_retry_after_later_changes_still_returns_the_first_result()
    {
        var inspectionId = db.Inspections.Register("pdu-2021-2023");
        var command = new AddEvidence("first-" + inspectionId, inspectionId, Input("as first recorded"));
        var first = await db.Evidence.AddAsync(command, Ct);
        await db.Evidence.UpdateAsync(new UpdateEvidence("later-" + inspectionId, first.EvidenceId.ToString(), 1, Input("changed later")), Ct);

        var retried = await db.Evidence.AddAsync(command, Ct);
        Assert.Equal((1L, "as first recorded"), (retried.Version, retried.Content.Summary));
    }

    [Fact]
    public async Task Concurrent_retries_of_one_request_record_it_once()
    {
        var inspectionId = db.Inspections.Register("pdu-2021-2023");
        var command = new RecordJudgement("concurrent-" + inspectionId, inspectionId,
            new JudgementInput("1.1", "Good", "Clear vision", false, null, JudgementState.Draft, "lead", null, null));

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => db.Judgements.RecordAsync(command, Ct)));

        Assert.All(results, r => Assert.Equal((1L, results[0].RecordedAt), (r.Version, r.RecordedAt)));
        Assert.Single(await db.Judgements.GetHistoryAsync(inspectionId, "1.1", Ct));
    }

    [Fact]
    public async Task The_same_id_with_different_content_is_refused()
    {
        var inspectionId = db.Inspections.Register("pdu-2021-2023");
        await db.Evidence.AddAsync(new AddEvidence("reused-" + inspectionId, inspectionId, Input("one")), Ct);

        await Assert.ThrowsAsync<AlreadyExistsException>(() =>
            db.Evidence.AddAsync(new AddEvidence("reused-" + inspectionId, inspectionId, Input("two")), Ct));
        await Assert.ThrowsAsync<AlreadyExistsException>(() =>
            db.Surveys.RecordAsync(new RecordSurveyResult("reused-" + inspectionId, inspectionId,
                new SurveyResultInput(Survey.Staff, "q", 10, 5, null, null, "inspector")), Ct));
    }

    [Fact]
    public async Task A_request_without_an_id_is_refused()
    {
        var inspectionId = db.Inspections.Register("pdu-2021-2023");
        var e = await Assert.ThrowsAsync<ValidationException>(() => db.Evidence.AddAsync(new AddEvidence(" ", inspectionId, Input("x")), Ct));
        Assert.Equal("request_id", Assert.Single(e.Violations).Field);
    }
}
