using Inspection.Contracts.Vocabularies;
using Inspection.Domain.Vocabularies;
using Grpc.Core;
using Inspection.Domain;
using Inspection.Sampling.Data;
using Inspection.Sampling.Domain;
using Inspection.ServiceDefaults;
using Inspection.Sampling.Domain.Drawing;
using Inspection.Sampling.Domain.Eligibility;
using Inspection.Sampling.Domain.Membership;

namespace Inspection.Sampling.Tests;

/// <summary>Draws, reads, substitutes and checks samples through the use cases against a real PostgreSQL.</summary>
public sealed class SampleLifeTests(SamplingDatabase db) : IClassFixture<SamplingDatabase>, IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly List<CaseRecord> Caseload = GeneratedCaseload.Create(4_000, seed: 21);
    private StoredSnapshot _snapshot = null!;

    public async Task InitializeAsync()
    {
        var existing = await db.SnapshotStore.ListSnapshotsAsync(Snapshots.Provider("pdu-life"), includeWithdrawn: false, None);
        _snapshot = existing.Count > 0 ? existing[0] : await Snapshots.ImportAsync(db.Snapshots(), "pdu-life", Caseload);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private DrawRequest Request(string requestId, string inspection = "insp-life", ulong seed = 99) =>
        Draws.Request(stratifyBy: ["gender", "sentence_type", "rosh_level"], seed: seed, windows: [new("2021-10-01", "2021-12-31")]) with
        {
            RequestId = requestId, InspectionId = inspection, SnapshotId = _snapshot.SnapshotId.ToString(),
        };

    [Fact]
    public async Task A_stored_draw_is_the_draw_of_the_domain_and_keeps_everything_needed_to_defend_it()
    {
        var request = Request("draw-stored");
        var sample = await db.Samples("insp-life").DrawAsync(request, "fp-stored", None);
        var expected = Draws.Draw(Caseload, request);

        Assert.Equal(expected.Cases.Select(c => c.Case.CaseReference), sample.ActiveCases.Select(c => c.Case.CaseReference));
        Assert.Equal(expected.Cases.Select(c => c.Case), sample.ActiveCases.Select(c => c.Case));
        Assert.Equal(expected.Strata.Select(s => s.Key), sample.Strata.Select(s => s.Key));
        Assert.Equal(expected.Strata.SelectMany(s => s.Reserves.Select(r => r.Case.CaseReference)),
            sample.Cases.Where(c => c.Role == SampleMember.Reserve).OrderBy(c => c.Stratum, StringComparer.Ordinal).ThenBy(c => c.ReserveRank).Select(c => c.Case.CaseReference));
        Assert.Equal(SamplingJson.Write(request), SamplingJson.Write(sample.Request));
        Assert.Equal(CaseSampler.AlgorithmVersion, sample.AlgorithmVersion);
        Assert.Equal(_snapshot.Digest, sample.SnapshotDigest);
        Assert.Equal(expected.Size, sample.Size);
        Assert.Equal(expected.Exclusions, sample.Exclusions);
        Assert.Equal(4_000, sample.PopulationSize);
        Assert.Equal(expected.EligibleSize, sample.EligibleSize);
        Assert.True(sample.Current);
    }

    [Fact]
    public async Task A_draw_from_the_snapshot_in_memory_equals_a_draw_after_a_restart()
    {
        Assert.True(db.Cache.Contains(_snapshot.SnapshotId));
        var cached = await db.Samples("insp-cache").DrawAsync(Request("draw-cached", "insp-cache", seed: 314), "fp-cached", None);
        var restarted = await db.RestartedSamples("insp-cache").DrawAsync(Request("draw-restarted", "insp-cache", seed: 314), "fp-restarted", None);
        Assert.Equal(cached.Cases.Select(c => (c.Case, c.Stratum, c.Role, c.DrawPosition)), restarted.Cases.Select(c => (c.Case, c.Stratum, c.Role, c.DrawPosition)));
    }

    [Fact]
    public void The_cache_keeps_at_most_its_capacity_dropping_the_least_recently_used()
    {
        var cache = new PopulationCache(5_000);
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        cache.Put(a, GeneratedCaseload.Create(3_000, prefix: "A"));
        cache.Put(b, GeneratedCaseload.Create(3_000, prefix: "B"));
        Assert.False(cache.Contains(a));
        Assert.True(cache.Contains(b));
    }

    [Fact]
    public async Task A_retried_draw_returns_the_first_sample_and_a_reused_request_id_is_refused()
    {
        var samples = db.Samples("insp-retry");
        var first = await samples.DrawAsync(Request("draw-retry", "insp-retry"), "fp-retry", None);
        var again = await samples.DrawAsync(Request("draw-retry", "insp-retry"), "fp-retry", None);
        Assert.Equal(first.SampleId, again.SampleId);
        await Assert.ThrowsAsync<AlreadyExistsException>(() => samples.DrawAsync(Request("draw-retry", "insp-retry", seed: 5), "fp-other", None));

        // A redraw is a new sample, and becomes the inspection's current one.
        var redraw = await samples.DrawAsync(Request("draw-retry-2", "insp-retry", seed: 5), "fp-retry-2", None);
        Assert.NotEqual(first.SampleId, redraw.SampleId);
        Assert.Equal(redraw.SampleId, (await samples.SampleOfAsync("insp-retry", "", None)).SampleId);
        Assert.False((await samples.GetSampleAsync(first.SampleId.ToString(), None)).Current);
        Assert.Equal([false, true], (await db.SampleStore.ListSamplesAsync("insp-retry", null, None)).Select(s => s.Current));
    }

    [Fact]
    public async Task An_unknown_inspection_or_an_open_snapshot_cannot_be_sampled()
    {
        // As the register's client raises it: mapped once at the boundary to FAILED_PRECONDITION naming the app.
        var unknown = await Assert.ThrowsAsync<UpstreamException>(() => db.Samples("insp-life").DrawAsync(Request("draw-unknown", "insp-nobody"), "fp", None));
        Assert.Equal(("recommendation-tracking", StatusCode.NotFound), (unknown.AppId, unknown.StatusCode));

        var open = await db.Snapshots().StartImportAsync("open-snapshot", "fp", Snapshots.Provider("pdu-open"), "2022-05-01", "", None);
        var error = await Assert.ThrowsAsync<PreconditionFailedException>(() => db.Samples("insp-life")
            .DrawAsync(Request("draw-open") with { SnapshotId = open.SnapshotId.ToString() }, "fp", None));
        Assert.Contains("still importing", error.Message);
    }

    [Fact]
    public async Task Substitution_takes_the_next_reserve_of_the_same_stratum_and_keeps_the_history()
    {
        var samples = db.Samples("insp-substitute");
        var sample = await samples.DrawAsync(Request("draw-substitute", "insp-substitute"), "fp", None);
        var leaving = sample.ActiveCases.First(c => sample.Cases.Count(r => r.Stratum == c.Stratum && r.Role == SampleMember.Reserve) >= 2);
        var reserves = sample.Cases.Where(c => c.Stratum == leaving.Stratum && c.Role == SampleMember.Reserve).OrderBy(c => c.ReserveRank).ToList();

        var first = await samples.SubstituteAsync("sub-1", "fp-1", sample.SampleId.ToString(), leaving.Case.CaseReference, "transferred out", "inspector a", None);
        var retried = await samples.SubstituteAsync("sub-1", "fp-1", sample.SampleId.ToString(), leaving.Case.CaseReference, "transferred out", "inspector a", None);
        Assert.Equal(first.SubstitutionId, retried.SubstitutionId);
        Assert.Equal(reserves[0].Case.CaseReference, first.Substitution.AddedCaseReference);
        Assert.Equal(leaving.Stratum, first.Substitution.Stratum);

        // The substitute leaves too: the next reserve of the same stratum comes in.
        var second = await samples.SubstituteAsync("sub-2", "fp-2", sample.SampleId.ToString(), reserves[0].Case.CaseReference, "died", "inspector b", None);
        Assert.Equal(reserves[1].Case.CaseReference, second.Substitution.AddedCaseReference);

        var after = await samples.GetSampleAsync(sample.SampleId.ToString(), None);
        Assert.Equal(sample.ActiveCases.Count(), after.ActiveCases.Count());
        Assert.Equal(sample.ActiveCases.Count(c => c.Stratum == leaving.Stratum), after.ActiveCases.Count(c => c.Stratum == leaving.Stratum));
        Assert.Contains(after.ActiveCases, c => c.Case.CaseReference == reserves[1].Case.CaseReference && c.SelectedBy == SelectedBy.Substitute.Word() && c.Replaces == reserves[0].Case.CaseReference);
        var gone = after.Cases.Single(c => c.Case.CaseReference == leaving.Case.CaseReference);
        Assert.Equal((SampleMember.Replaced, reserves[0].Case.CaseReference), (gone.Status, gone.ReplacedBy));
        Assert.Equal([(1, "transferred out", "inspector a"), (2, "died", "inspector b")],
            after.Substitutions.Select(s => (s.Substitution.Sequence, s.Substitution.Reason, s.Substitution.SubstitutedBy)));
        await Assert.ThrowsAsync<PreconditionFailedException>(() =>
            samples.SubstituteAsync("sub-3", "fp-3", sample.SampleId.ToString(), leaving.Case.CaseReference, "again", "inspector a", None));
    }

    [Fact]
    public async Task The_composition_and_the_population_listing_explain_the_sample()
    {
        var samples = db.Samples("insp-composition");
        var sample = await samples.DrawAsync(Request("draw-composition", "insp-composition"), "fp", None);
        var (_, report) = await samples.CompositionAsync(sample.SampleId.ToString(), [], None);
        Assert.Equal(["gender", "sentence_type", "rosh_level", "ethnic_group"], report.Attributes.Select(a => a.Attribute));
        Assert.Equal(sample.EligibleSize, report.EligiblePopulation);
        Assert.All(report.Attributes.Take(3), a => Assert.True(a.PValue > 0.9, $"{a.Attribute}: p = {a.PValue}"));

        var listed = new List<(CaseRecord Case, Exclusion? Exclusion, string Role)>();
        await foreach (var row in samples.PopulationAsync(_snapshot.SnapshotId.ToString(), sample.SampleId.ToString(), false, None)) listed.Add(row);
        Assert.Equal(4_000, listed.Count);
        Assert.Equal(sample.EligibleSize, listed.Count(r => r.Exclusion is null));
        Assert.Equal(sample.Exclusions.Single(e => e.Reason == Exclusion.OutsideWindows).Cases, listed.Count(r => r.Exclusion?.Category == Exclusion.OutsideWindows));
        Assert.Equal(sample.ActiveCases.Count(), listed.Count(r => r.Role == SampleMember.Sampled));
        Assert.All(listed.Where(r => r.Role != ""), r => Assert.Null(r.Exclusion));
    }
}
