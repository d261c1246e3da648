using Inspection.Evidence.Application;
using Inspection.Evidence.Demo;
using Inspection.Evidence.Tests.Support;
using Xunit;
using Inspection.Evidence.Domain.Frameworks;
using Inspection.Evidence.Domain.Items;
using Inspection.Evidence.Domain.Judgements;

namespace Inspection.Evidence.Tests.Store;

public sealed class SummaryAndDemoDataTests(EvidenceDatabase db) : IClassFixture<EvidenceDatabase>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task The_summary_reads_stored_evidence_and_the_current_judgement()
    {
        var inspectionId = db.Inspections.Register("pdu-2021-2023");
        foreach (var (kq, finding, source, text) in new[]
                 {
                     ("1.2.3", Finding.Strength, EvidenceSource.ManagerMeeting, "oversight"),
                     ("1.2.1", Finding.AreaForImprovement, EvidenceSource.DataReturn, "vacancies"),
                     ("1.2.1", Finding.Strength, EvidenceSource.FocusGroup, "recruitment"),
                 })
            await db.Evidence.AddAsync(new AddEvidence(Guid.NewGuid().ToString(), inspectionId,
                new EvidenceInput("1.2", kq, source, "2022-06-07", text, finding, [], "inspector", null)), Ct);
        await db.Judgements.RecordAsync(new RecordJudgement(Guid.NewGuid().ToString(), inspectionId,
            new JudgementInput("1.2", "Requires improvement", "Workloads", false, null, JudgementState.Draft, "lead", null, null)), Ct);

        var summary = await db.Summaries.GetAsync(inspectionId, "1.2", Ct);

        Assert.Equal(["recruitment", "oversight"], summary.Strengths.Select(e => e.Content.Summary));
        Assert.Equal(["vacancies"], summary.AreasForImprovement.Select(e => e.Content.Summary));
        Assert.Equal(["1.2.1", "1.2.2", "1.2.3", "1.2.4"], summary.KeyQuestions.Select(g => g.KeyQuestion!.Id));
        Assert.Equal("Requires improvement", summary.Judgement!.Rating);
        Assert.Equal(3, summary.CountsBySource.Sum(c => c.Count));
    }

    [Fact]
    public async Task Demo_data_loads_the_reference_inspections_once()
    {
        var birmingham = db.Inspections.Register(ReferenceData.FrameworkOf(ReferenceData.Birmingham2022), ReferenceData.Birmingham2022);
        var lewisham = db.Inspections.Register(ReferenceData.FrameworkOf(ReferenceData.Lewisham2022), ReferenceData.Lewisham2022);
        var westMidlands = db.Inspections.Register(ReferenceData.FrameworkOf(ReferenceData.WestMidlands2008), ReferenceData.WestMidlands2008);
        var demo = new DemoData(db.Staffing, db.Characteristics, db.Judgements, db.Inspections, FrameworkCatalogue.Default);

        var firstRun = await demo.LoadAsync(new Dictionary<string, string>(), Ct);
        var secondRun = await demo.LoadAsync(new Dictionary<string, string>(), Ct);

        Assert.Equal(firstRun, secondRun);
        Assert.Equal(ReferenceData.StaffingAndWorkload(ReferenceData.Birmingham2022).Count,
            (await db.Staffing.GetAsync(birmingham, null, Ct)).Figures.Count);
        Assert.Equal(1, (await db.Characteristics.GetAsync(birmingham, null, Ct)).Version);

        foreach (var (inspectionId, provider) in new[] { (birmingham, ReferenceData.Birmingham2022), (lewisham, ReferenceData.Lewisham2022) })
        {
            var published = ReferenceData.Ratings(provider).Where(r => r.Key.StartsWith("1.", StringComparison.Ordinal));
            var judgements = await db.Judgements.GetCurrentAsync(inspectionId, Ct);
            Assert.Equal(published.Select(r => (r.Key, r.Value)), judgements.Select(j => (j.StandardId, j.Rating)));
            Assert.All(judgements, j => Assert.Equal((JudgementState.Final, 1L), (j.State, j.Version)));
        }
        Assert.Equal(ReferenceData.Section4(ReferenceData.WestMidlands2008).Select(r => (r.Key, r.Value)),
            (await db.Judgements.GetCurrentAsync(westMidlands, Ct)).Select(j => (j.StandardId, j.Rating)));

        // The published rationale of Lewisham's departure from the default is kept with its judgement.
        var lewishamLeadership = (await db.Judgements.GetCurrentAsync(lewisham, Ct)).Single(j => j.StandardId == "1.1");
        Assert.Contains("overridden to Requires improvement", lewishamLeadership.Rationale);
    }
}
