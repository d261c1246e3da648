using Inspection.Domain;
using Inspection.Evidence.Application;
using Inspection.Evidence.Tests.Support;
using Xunit;
using Inspection.Evidence.Domain.Judgements;

namespace Inspection.Evidence.Tests.Store;

public sealed class JudgementStoreTests(EvidenceDatabase db) : IClassFixture<EvidenceDatabase>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private Task<Judgement> RecordAsync(string inspectionId, string standard, string rating, string state = JudgementState.Final,
        bool departure = false, string? agreedBy = null, long? expected = null, string rationale = "On the evidence") =>
        db.Judgements.RecordAsync(new RecordJudgement(Guid.NewGuid().ToString(), inspectionId,
            new JudgementInput(standard, rating, rationale, departure, agreedBy, state, "lead inspector", "lead_inspector", expected)), Ct);

    [Fact]
    public async Task GetJudgements_returns_the_current_judgement_of_each_standard_in_standard_order()
    {
        var inspectionId = db.Inspections.Register("pdu-2021-2023");
        await RecordAsync(inspectionId, "1.3", "Good", JudgementState.Draft);
        await RecordAsync(inspectionId, "1.1", "Inadequate", departure: true, agreedBy: "Chief Inspector of Probation", rationale: "Panel view");
        await RecordAsync(inspectionId, "1.3", "Requires improvement", expected: 1);

        var judgements = await db.Judgements.GetCurrentAsync(inspectionId, Ct);

        Assert.Equal([("1.1", "Inadequate", 1L), ("1.3", "Requires improvement", 2L)], judgements.Select(j => (j.StandardId, j.Rating, j.Version)));
        var leadership = judgements[0];
        Assert.Equal((true, "Chief Inspector of Probation", "Panel view", JudgementState.Final, "lead_inspector"),
            (leadership.PanelDeparture, leadership.AgreedBy, leadership.Rationale, leadership.State, leadership.RecordedByRole));
        Assert.Equal(["Good", "Requires improvement"], (await db.Judgements.GetHistoryAsync(inspectionId, "1.3", Ct)).Select(j => j.Rating));
    }

    [Fact]
    public async Task A_final_judgement_does_not_return_to_draft_and_a_stale_version_conflicts()
    {
        var inspectionId = db.Inspections.Register("pdu-2024");
        await RecordAsync(inspectionId, "P1.2", "Good");

        await Assert.ThrowsAsync<PreconditionFailedException>(() => RecordAsync(inspectionId, "P1.2", "Good", JudgementState.Draft));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => RecordAsync(inspectionId, "P1.2", "Outstanding", expected: 0));
        Assert.Single(await db.Judgements.GetHistoryAsync(inspectionId, "P1.2", Ct));
    }

    [Fact]
    public async Task An_inspection_without_judgements_has_none()
    {
        Assert.Empty(await db.Judgements.GetCurrentAsync(Guid.NewGuid().ToString(), Ct));
    }
}
