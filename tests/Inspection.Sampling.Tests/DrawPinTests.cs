using Inspection.Contracts.Vocabularies;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Inspection.Sampling.Domain;
using Inspection.Sampling.Domain.Allocation;
using Inspection.Sampling.Domain.Drawing;
using Inspection.Sampling.Domain.Sizing;

namespace Inspection.Sampling.Tests;

/// <summary>
/// What algorithm version 1 draws, pinned: each case below is a SHA-256 of a whole outcome (counts, size
/// working, strata with shares and reserves, quotas, every drawn case with its record, stratum, position and
/// reason), recorded from the record-by-record implementation before the draw was moved to columns. A change
/// to any of them means a seed no longer draws what it drew: a new algorithm version, never a silent change.
/// </summary>
public sealed class DrawPinTests
{
    private static readonly List<CaseRecord> Caseload = GeneratedCaseload.Create(20_000, seed: 11);

    // Out of canonical order, some cases unallocated (empty office), an office named like a stratum key part.
    private static readonly List<CaseRecord> Untidy = GeneratedCaseload.Create(6_000, seed: 12, prefix: "U")
        .Select((c, i) => i % 7 == 0 ? c with { AllocatedOffice = "" } : i % 11 == 0 ? c with { AllocatedOffice = "Aston Annex" } : c)
        .Reverse().ToList();

    public static TheoryData<string, string> Pins => new()
    {
        { "strata", "c8db810f" },
        { "fixed-size-windows-types", "b434a3ce" },
        { "quotas", "91833e55" },
        { "split-2008", "19ef14d0" },
        { "open-attributes", "cc7d67c7" },
        { "open-split-excludes", "59568d1d" },
        { "untidy-population", "a30e4cdf" },
        { "calculated-80", "089d4eb0" },
    };

    [Theory]
    [MemberData(nameof(Pins))]
    public void A_seed_draws_what_algorithm_version_1_drew(string name, string expected)
    {
        var (population, request) = Case(name);
        Assert.Equal(expected, Fingerprint(Draws.Draw(population, request)));
    }

    private static (List<CaseRecord>, DrawRequest) Case(string name) => name switch
    {
        "strata" => (Caseload, Draws.Request(stratifyBy: ["gender", "sentence_type", "rosh_level"], seed: 1)),
        "fixed-size-windows-types" => (Caseload, Draws.Request(size: SizeRule.Fixed(500), seed: 2,
            windows: [new("2021-06-10", "2021-07-31"), new("2021-10-01", "2021-11-15")], sentenceTypes: ["licence", "community_order"])),
        "quotas" => (Caseload, Draws.Request(stratifyBy: ["sentence_type"], seed: 3, reserves: 3, quotas:
        [
            new Quota("rosh_level", ["high", "very_high"], 60),
            new Quota("prolific_priority_offender", ["yes"], 20),
            new Quota("ethnic_group", ["black", "asian", "mixed"], 40),
        ])),
        "split-2008" => (Caseload, Draws.Request(size: SizeRule.Fixed(163), split: FixedSplit.Omi2008, stratifyBy: ["gender"], seed: 4)),
        "open-attributes" => (Caseload, Draws.Request(stratifyBy: ["allocated_office", "allocated_team"], seed: 5,
            quotas: [new Quota("allocated_office", ["Aston"], 30)])),
        "open-split-excludes" => (Caseload, Draws.Request(size: SizeRule.Fixed(120), seed: 6, stratifyBy: ["disability", "mappa_level"],
            split: new FixedSplit("allocated_office", [new SplitGroup("north", ["Aston", "Erdington"], 2), new SplitGroup("south", ["Solihull"], 1)]))),
        "untidy-population" => (Untidy, Draws.Request(stratifyBy: ["allocated_office", "court_report_type"], seed: 7, reserves: 10,
            quotas: [new Quota("allocated_office", ["unallocated"], 25)])),
        "calculated-80" => (Caseload, Draws.Request(size: SizeRule.For(new SizeForConfidence(80, 4, 30)), seed: ulong.MaxValue,
            stratifyBy: ["unpaid_work_requirement", "statutory_victim_contact", "approved_premises_resident", "ethnic_group"])),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>Every figure of an outcome, as text in a fixed form, hashed (the first 8 hex digits shown).</summary>
    public static string Fingerprint(DrawOutcome outcome)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Line($"{outcome.AlgorithmVersion}|{outcome.PopulationSize}|{outcome.EligibleSize}");
        foreach (var e in outcome.Exclusions) Line($"exclusion|{e.Reason}|{e.Cases}");
        var s = outcome.Size;
        Line($"size|{s.Mode}|{s.PopulationSize}|{s.ConfidenceLevel:R}|{s.MarginOfError:R}|{s.ExpectedProportion:R}|{s.Z:R}|{s.N0:R}|{s.NUnrounded:R}|{s.N}|{s.Explanation}");
        foreach (var stratum in outcome.Strata)
        {
            Line($"stratum|{stratum.Key}|{stratum.Population}|{stratum.ProportionalShare:R}|{stratum.QuotaFloor}|{stratum.Allocated}");
            foreach (var r in stratum.Reserves) Line($"reserve|{r.Case}|{r.Stratum}|{r.Position}|{r.SelectedBy?.Word()}");
        }
        foreach (var q in outcome.Quotas) Line($"quota|{q.Quota}|{q.Eligible}|{q.Sampled}");
        foreach (var c in outcome.Cases) Line($"case|{c.Case}|{c.Stratum}|{c.Position}|{c.SelectedBy?.Word()}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..8];
    }
}
