using Inspection.ServiceDefaults;
using Inspection.Domain;
using Inspection.Evidence.Application;
using Inspection.Evidence.Tests.Support;
using Npgsql;
using Xunit;
using Inspection.Evidence.Domain.Items;

namespace Inspection.Evidence.Tests.Store;

public sealed class EvidenceHistoryTests(EvidenceDatabase db) : IClassFixture<EvidenceDatabase>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static EvidenceInput Input(string summary, string keyQuestion = "1.2.1", string finding = Finding.AreaForImprovement,
        string source = EvidenceSource.FocusGroup, string standard = "1.2", string[]? cases = null) =>
        new(standard, keyQuestion, source, "2022-06-07", summary, finding, cases ?? [], "inspector a", null);

    private Task<EvidenceItem> AddAsync(string inspectionId, EvidenceInput input) =>
        db.Evidence.AddAsync(new AddEvidence(Guid.NewGuid().ToString(), inspectionId, input), Ct);

    [Fact]
    public async Task Updates_and_the_withdrawal_are_versions_kept_in_history()
    {
        var inspectionId = db.Inspections.Register("pdu-2021-2023");
        var added = await AddAsync(inspectionId, Input("Caseloads are too high"));

        var updated = await db.Evidence.UpdateAsync(new UpdateEvidence("u-" + added.EvidenceId, added.EvidenceId.ToString(), 1,
            Input("Caseloads of probation officers are too high") with { RecordedBy = "inspector b" }), Ct);
        var withdrawn = await db.Evidence.WithdrawAsync(new WithdrawEvidence("w-" + added.EvidenceId, added.EvidenceId.ToString(), 2,
            "Recorded against the wrong PDU", "inspector b"), Ct);

        var history = await db.Evidence.GetHistoryAsync(added.EvidenceId.ToString(), Ct);
        Assert.Equal([1L, 2L, 3L], history.Select(v => v.Version));
        Assert.Equal(["Caseloads are too high", "Caseloads of probation officers are too high", "Caseloads of probation officers are too high"],
            history.Select(v => v.Content.Summary));
        Assert.Equal([false, false, true], history.Select(v => v.Withdrawn));
        Assert.Equal(["inspector a", "inspector b", "inspector b"], history.Select(v => v.RecordedBy));
        Assert.Equal("Recorded against the wrong PDU", history[2].WithdrawalReason);
        Assert.All(history, v => Assert.Equal(added.AddedAt, v.AddedAt));
        Assert.Equal((updated.Version, updated.RecordedAt), (history[1].Version, history[1].RecordedAt));
        Assert.Equal(withdrawn.Version, (await db.Evidence.GetAsync(added.EvidenceId.ToString(), Ct)).Version);
    }

    [Fact]
    public async Task Withdrawn_evidence_leaves_lists_unless_asked_for()
    {
        var inspectionId = db.Inspections.Register("pdu-2021-2023");
        var kept = await AddAsync(inspectionId, Input("kept"));
        var gone = await AddAsync(inspectionId, Input("gone"));
        await db.Evidence.WithdrawAsync(new WithdrawEvidence("w-" + gone.EvidenceId, gone.EvidenceId.ToString(), 1, "duplicate", "inspector"), Ct);

        Assert.Equal([kept.EvidenceId], (await db.Evidence.ListAsync(new EvidenceFilter(inspectionId), Ct)).Select(e => e.EvidenceId));
        Assert.Equal([kept.EvidenceId, gone.EvidenceId],
            (await db.Evidence.ListAsync(new EvidenceFilter(inspectionId, IncludeWithdrawn: true), Ct)).Select(e => e.EvidenceId));
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_conflict_and_changes_nothing()
    {
        var inspectionId = db.Inspections.Register("pdu-2021-2023");
        var added = await AddAsync(inspectionId, Input("first"));
        await db.Evidence.UpdateAsync(new UpdateEvidence("a-" + added.EvidenceId, added.EvidenceId.ToString(), 1, Input("second")), Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            db.Evidence.UpdateAsync(new UpdateEvidence("b-" + added.EvidenceId, added.EvidenceId.ToString(), 1, Input("stale")), Ct));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            db.Evidence.WithdrawAsync(new WithdrawEvidence("c-" + added.EvidenceId, added.EvidenceId.ToString(), 1, "stale", "inspector"), Ct));

        var history = await db.Evidence.GetHistoryAsync(added.EvidenceId.ToString(), Ct);
        Assert.Equal(["first", "second"], history.Select(v => v.Content.Summary));
        Assert.False(await db.LedgerHoldsAsync("b-" + added.EvidenceId));   // a refused write leaves no claim
    }

    [Fact]
    public async Task Two_writers_racing_from_the_same_version_one_wins_one_conflicts()
    {
        var inspectionId = db.Inspections.Register("pdu-2021-2023");
        var added = await AddAsync(inspectionId, Input("original"));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            try
            {
                await db.Evidence.UpdateAsync(new UpdateEvidence($"race-{i}-{added.EvidenceId}", added.EvidenceId.ToString(), 1, Input($"writer {i}")), Ct);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }));

        Assert.Equal(1, results.Count(won => won));
        Assert.Equal([1L, 2L], (await db.Evidence.GetHistoryAsync(added.EvidenceId.ToString(), Ct)).Select(v => v.Version));
    }

    [Fact]
    public async Task History_rows_cannot_be_changed_or_deleted_even_in_sql()
    {
        var inspectionId = db.Inspections.Register("pdu-2021-2023");
        var added = await AddAsync(inspectionId, Input("permanent"));

        await using var connection = await db.Database.OpenAsync(Ct);
        await using var delete = new NpgsqlCommand("delete from evidence_versions where evidence_id = @id", connection);
        delete.Parameters.AddWithValue("id", added.EvidenceId);
        var e = await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync(Ct));
        Assert.Contains("never changed or deleted", e.MessageText);
    }

    [Fact]
    public async Task Lists_filter_by_standard_key_question_source_and_finding()
    {
        var inspectionId = db.Inspections.Register("pdu-2021-2023");
        var a = await AddAsync(inspectionId, Input("a", keyQuestion: "1.2.1", source: EvidenceSource.StaffSurvey, finding: Finding.Strength));
        var b = await AddAsync(inspectionId, Input("b", keyQuestion: "1.2.2", source: EvidenceSource.StaffSurvey));
        var c = await AddAsync(inspectionId, Input("c", standard: "1.4", keyQuestion: "1.4.3", source: EvidenceSource.Document));
        await AddAsync(db.Inspections.Register("pdu-2021-2023"), Input("other inspection"));

        async Task<IEnumerable<Guid>> List(EvidenceFilter f) => (await db.Evidence.ListAsync(f, Ct)).Select(e => e.EvidenceId);
        Assert.Equal([a.EvidenceId, b.EvidenceId, c.EvidenceId], await List(new EvidenceFilter(inspectionId)));
        Assert.Equal([a.EvidenceId, b.EvidenceId], await List(new EvidenceFilter(inspectionId, StandardId: "1.2")));
        Assert.Equal([b.EvidenceId], await List(new EvidenceFilter(inspectionId, KeyQuestionId: "1.2.2")));
        Assert.Equal([c.EvidenceId], await List(new EvidenceFilter(inspectionId, Source: EvidenceSource.Document)));
        Assert.Equal([a.EvidenceId], await List(new EvidenceFilter(inspectionId, Finding: Finding.Strength)));

        var e = await Assert.ThrowsAsync<ValidationException>(() => db.Evidence.ListAsync(new EvidenceFilter(inspectionId, Source: "gossip"), Ct));
        Assert.Equal("source", Assert.Single(e.Violations).Field);
    }

    [Fact]
    public async Task Case_references_must_be_cases_of_the_current_sample()
    {
        var inspectionId = db.Inspections.Register("pdu-2021-2023");
        db.Samples.Set(inspectionId, [FixedSamples.Case("X100"), FixedSamples.Case("X101")]);

        var added = await AddAsync(inspectionId, Input("cited", cases: ["X101", "X100"]));
        Assert.Equal(["X101", "X100"], (await db.Evidence.GetAsync(added.EvidenceId.ToString(), Ct)).Content.CaseReferences);

        var e = await Assert.ThrowsAsync<ValidationException>(() => AddAsync(inspectionId, Input("not sampled", cases: ["X100", "Y999"])));
        Assert.Equal("case_references[1]", Assert.Single(e.Violations).Field);
    }

    [Fact]
    public async Task Evidence_for_an_inspection_the_register_does_not_know_is_refused_as_the_register_refused_it()
    {
        // #20: the register's refusal reaches the boundary as it came (mapped there to FAILED_PRECONDITION), not as this
        // service's NOT_FOUND
        var refused = await Assert.ThrowsAsync<UpstreamException>(() => AddAsync(Guid.NewGuid().ToString(), Input("orphan")));
        Assert.Equal(global::Grpc.Core.StatusCode.NotFound, refused.StatusCode);
        await Assert.ThrowsAsync<NotFoundException>(() => db.Evidence.GetAsync(Guid.NewGuid().ToString(), Ct));
    }
}
