using Inspection.Sampling.Domain;
using Inspection.Sampling.Domain.Allocation;
using Inspection.Sampling.Domain.Drawing;
using Inspection.Sampling.Domain.Eligibility;
using Inspection.Sampling.Domain.Sizing;

namespace Inspection.Sampling.Tests;

/// <summary>Draw requests for tests: the whole generated period eligible, all sentence types, 95% / 5 points.</summary>
public static class Draws
{
    public static readonly WindowText WholePeriod = new("2021-06-01", "2021-12-31");

    public static DrawRequest Request(
        SizeRule? size = null,
        IReadOnlyList<string>? stratifyBy = null,
        IReadOnlyList<Quota>? quotas = null,
        FixedSplit? split = null,
        ulong seed = 20221101,
        IReadOnlyList<WindowText>? windows = null,
        IReadOnlyList<string>? sentenceTypes = null,
        int reserves = 0)
        => new(
            RequestId: "req-" + seed,
            InspectionId: "insp-1",
            SnapshotId: "snap-1",
            Windows: windows ?? [WholePeriod],
            SentenceTypes: sentenceTypes ?? [],
            Size: size ?? SizeRule.For(new SizeForConfidence(95, 5)),
            StratifyBy: stratifyBy ?? [],
            Quotas: quotas ?? [],
            Split: split,
            Seed: seed,
            ReservesPerStratum: reserves,
            DrawnBy: "lead inspector");

    public static DrawOutcome Draw(IReadOnlyList<CaseRecord> population, DrawRequest request)
        => CaseSampler.Draw(population, DrawPlan.From(request));
}
