using Inspection.Sampling.Application;
using Inspection.Sampling.Grpc;
using Grpc.Core;
using Inspection.Sampling.V1;

namespace Inspection.Sampling.Tests;

/// <summary>The proof over gRPC on real sockets, with recommendation tracking checking the inspection ids.</summary>
public sealed class GrpcProofs(SamplingHostFixture host) : IClassFixture<SamplingHostFixture>
{
    private CaseSampling.CaseSamplingClient Client => host.Client;

    private DrawSampleRequest Draw(string requestId, ulong seed = 7, params string[] stratifyBy)
    {
        var request = new DrawSampleRequest
        {
            RequestId = requestId,
            InspectionId = host.InspectionId,
            SnapshotId = host.Snapshot.SnapshotId,
            Eligibility = new Eligibility(),
            CalculatedSize = new SizeForConfidence { ConfidenceLevel = 95, MarginOfError = 5 },
            Seed = seed,
            DrawnBy = "lead inspector",
        };
        request.Eligibility.Windows.Add(new DateWindow { FirstDay = "2021-09-01", LastDay = "2021-12-31" });
        request.StratifyBy.AddRange(stratifyBy);
        return request;
    }

    private static async Task<List<T>> All<T>(IAsyncEnumerable<T> stream)
    {
        var items = new List<T>();
        await foreach (var item in stream) items.Add(item);
        return items;
    }

    [Fact]
    public async Task The_snapshot_imported_over_grpc_is_complete_and_listed()
    {
        Assert.Equal("complete", host.Snapshot.Status);
        Assert.Equal(SamplingHostFixture.CaseloadSize, host.Snapshot.CaseCount);
        Assert.Equal(1, host.Snapshot.Version);
        var listed = await All(Client.ListPopulation(new ListPopulationRequest { SnapshotId = host.Snapshot.SnapshotId }).ResponseStream.ReadAllAsync());
        Assert.Equal(SamplingHostFixture.Caseload.Select(c => c.CaseReference).Order(StringComparer.Ordinal), listed.Select(c => c.CaseReference));
    }

    [Fact]
    public async Task Resending_a_batch_is_harmless_and_a_bad_batch_names_each_row()
    {
        var snapshot = await Client.StartPopulationImportAsync(new StartPopulationImportRequest { RequestId = "grpc-resend", ProviderId = await host.NewProviderAsync("grpc"), TakenOn = "2022-05-01" });
        var batch = new ImportPopulationRequest { SnapshotId = snapshot.SnapshotId };
        batch.Cases.AddRange(SamplingHostFixture.Caseload.Take(20).Select(c => c.ToMessage()));
        var first = await Client.ImportPopulationAsync(batch);
        var again = await Client.ImportPopulationAsync(batch);
        Assert.Equal((20, 0, 20L), (first.Inserted, first.AlreadyPresent, first.CaseCount));
        Assert.Equal((0, 20, 20L), (again.Inserted, again.AlreadyPresent, again.CaseCount));

        var bad = new ImportPopulationRequest { SnapshotId = snapshot.SnapshotId, FirstRowNumber = 2 };
        bad.Cases.AddRange(SamplingHostFixture.Caseload.Skip(20).Take(5).Select(c => c.ToMessage()));
        bad.Cases[1].SentenceType = "fine";
        bad.Cases[3].StartDate = "1/11/2021";
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ImportPopulationAsync(bad).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["cases[1].sentence_type", "cases[3].start_date"], error.FieldViolations.Select(v => v.Field));
        Assert.Contains("row 3", error.FieldViolations[0].Description);
        var after = await Client.GetSnapshotAsync(new GetSnapshotRequest { SnapshotId = snapshot.SnapshotId });
        Assert.Equal(20, after.CaseCount);
    }

    [Fact]
    public async Task The_largest_batch_fits_in_one_message_and_a_larger_one_is_refused()
    {
        var snapshot = await Client.StartPopulationImportAsync(new StartPopulationImportRequest { RequestId = "grpc-largest", ProviderId = await host.NewProviderAsync("largest"), TakenOn = "2022-05-01" });
        var largest = new ImportPopulationRequest { SnapshotId = snapshot.SnapshotId };
        largest.Cases.AddRange(GeneratedCaseload.Create(PopulationSnapshots.MaxBatchSize + 1, seed: 8, prefix: "LARGE-CASE-REF-").Select(c => c.ToMessage()));
        var tooMany = await Assert.ThrowsAsync<RpcException>(() => Client.ImportPopulationAsync(largest).ResponseAsync);
        Assert.Equal("cases", Assert.Single(tooMany.FieldViolations).Field);

        largest.Cases.RemoveAt(largest.Cases.Count - 1);
        var imported = await Client.ImportPopulationAsync(largest);
        Assert.Equal(PopulationSnapshots.MaxBatchSize, imported.Inserted);
    }

    [Theory]
    [InlineData(100, 80)]
    [InlineData(500, 218)]
    [InlineData(1_000, 278)]
    [InlineData(10_000, 370)]
    [InlineData(1_000_000_000, 385)]
    public async Task Sample_size_agrees_with_the_published_tables(long population, int expected)
    {
        var size = await Client.CalculateSampleSizeAsync(new CalculateSampleSizeRequest
        {
            PopulationSize = population, CalculatedSize = new SizeForConfidence { ConfidenceLevel = 95, MarginOfError = 5 },
        });
        Assert.Equal(expected, size.N);
        Assert.Equal(384.146, size.N0, 3);
        Assert.True(size.NUnrounded <= size.N && size.N - size.NUnrounded < 1);
    }

    [Fact]
    public async Task A_size_planned_for_part_of_the_sample_says_how_many_applicable_cases_it_holds()
    {
        var size = await Client.CalculateSampleSizeAsync(new CalculateSampleSizeRequest
        {
            PopulationSize = 1_000, CalculatedSize = new SizeForConfidence { ConfidenceLevel = 95, MarginOfError = 5, ApplicableShare = 40 },
        });
        Assert.Equal((40.0, 197, 493), (size.ApplicableShare, size.ApplicableN, size.N));
        var whole = await Client.CalculateSampleSizeAsync(new CalculateSampleSizeRequest
        {
            PopulationSize = 1_000, CalculatedSize = new SizeForConfidence { ConfidenceLevel = 95, MarginOfError = 5 },
        });
        Assert.Equal((100.0, 278), (whole.ApplicableShare, whole.N));
    }

    [Theory]
    [InlineData(95, -5, "calculated_size.margin_of_error")]
    [InlineData(100, 5, "calculated_size.confidence_level")]
    [InlineData(95, 5, "calculated_size.applicable_share")]
    public async Task Bad_size_figures_are_invalid_arguments(double confidence, double margin, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CalculateSampleSizeAsync(new CalculateSampleSizeRequest
        {
            PopulationSize = 500, CalculatedSize = Size(confidence, margin, field),
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, Assert.Single(error.FieldViolations).Field);

        var draw = Draw("bad-size-" + field);
        draw.CalculatedSize = Size(confidence, margin, field);
        var drawError = await Assert.ThrowsAsync<RpcException>(() => Client.DrawSampleAsync(draw).ResponseAsync);
        Assert.Equal(field, Assert.Single(drawError.FieldViolations).Field);
    }

    /// <summary>The figures, with a share of 0 (given, so refused) when the share is the field under test.</summary>
    private static SizeForConfidence Size(double confidence, double margin, string field)
    {
        var size = new SizeForConfidence { ConfidenceLevel = confidence, MarginOfError = margin };
        if (field.EndsWith("applicable_share", StringComparison.Ordinal)) size.ApplicableShare = 0;
        return size;
    }

    [Fact]
    public async Task A_draw_request_with_absurdly_long_lists_is_refused_before_any_work_on_them()
    {
        // Found by fuzzing: half a million tiny quota values fit in 4 MiB and took seconds to validate one by one.
        var draw = Draw("absurd-lists", 11, "gender");
        var quota = new Quota { Attribute = "gender", Minimum = 1 };
        quota.Values.AddRange(Enumerable.Range(0, 300_000).Select(i => "v" + i));
        draw.Quotas.Add(quota);
        draw.StratifyBy.AddRange(Enumerable.Repeat("gender", 20));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.DrawSampleAsync(draw).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["stratify_by", "quotas[0].values"], error.FieldViolations.Select(v => v.Field));
        Assert.Contains("at most 200", error.FieldViolations[1].Description);
    }

    [Fact]
    public async Task A_stratified_draw_matches_the_eligible_population_per_stratum_within_one_case()
    {
        var sample = await Client.DrawSampleAsync(Draw("grpc-proportional", 11, "gender", "sentence_type", "rosh_level"));
        var n = sample.Size.N;
        Assert.Equal(n, sample.Cases.Count);
        Assert.Equal(sample.EligibleSize, sample.Strata.Sum(s => s.Population));
        foreach (var stratum in sample.Strata)
        {
            var exact = (double)n * stratum.Population / sample.EligibleSize;
            Assert.Equal(exact, stratum.ProportionalShare, 9);
            var drawn = sample.Cases.Count(c => c.Stratum == stratum.Key);
            Assert.Equal(stratum.Allocated, drawn);
            Assert.True(Math.Abs(drawn - exact) < 1, $"{stratum.Key}: {drawn} against {exact:F2}");
        }
        Assert.Equal(host.Snapshot.Digest, sample.SnapshotDigest);
        Assert.Equal("lead inspector", sample.DrawnBy);
        Assert.Equal(11UL, sample.Seed);
        Assert.False(string.IsNullOrEmpty(sample.AlgorithmVersion));
    }

    [Fact]
    public async Task The_same_seed_draws_the_same_cases_and_a_different_seed_does_not()
    {
        var first = await Client.DrawSampleAsync(Draw("grpc-seed-a", 123, "gender", "sentence_type"));
        var retried = await Client.DrawSampleAsync(Draw("grpc-seed-a", 123, "gender", "sentence_type"));
        var rerun = await Client.DrawSampleAsync(Draw("grpc-seed-b", 123, "gender", "sentence_type"));
        var other = await Client.DrawSampleAsync(Draw("grpc-seed-c", 124, "gender", "sentence_type"));

        Assert.Equal(first.SampleId, retried.SampleId);
        Assert.NotEqual(first.SampleId, rerun.SampleId);
        Assert.Equal(first.Cases.Select(c => c.CaseReference), rerun.Cases.Select(c => c.CaseReference));
        Assert.Equal(first.Strata.Select(s => string.Join(",", s.Reserves)), rerun.Strata.Select(s => string.Join(",", s.Reserves)));
        Assert.NotEqual(first.Cases.Select(c => c.CaseReference).Order(), other.Cases.Select(c => c.CaseReference).Order());

        var reused = await Assert.ThrowsAsync<RpcException>(() => Client.DrawSampleAsync(Draw("grpc-seed-a", 999, "gender")).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, reused.StatusCode);
    }

    [Fact]
    public async Task Minimum_quotas_hold()
    {
        var request = Draw("grpc-quotas", 5, "sentence_type");
        request.ClearSizeRule();
        request.FixedSize = 60;
        request.Quotas.Add(Quota("rosh_level", 25, "high", "very_high"));
        request.Quotas.Add(Quota("statutory_victim_contact", 10, "yes"));
        request.Quotas.Add(Quota("ethnic_group", 20, "black", "asian", "mixed", "other"));
        var sample = await Client.DrawSampleAsync(request);

        Assert.Equal(60, sample.Cases.Count);
        Assert.True(sample.Cases.Count(c => c.RoshLevel is "high" or "very_high") >= 25);
        Assert.True(sample.Cases.Count(c => c.StatutoryVictimContact) >= 10);
        Assert.True(sample.Cases.Count(c => c.EthnicGroup is "black" or "asian" or "mixed" or "other") >= 20);
        Assert.All(sample.Quotas, q => Assert.True(q.Sampled >= q.Minimum));
    }

    [Fact]
    public async Task The_2008_fixed_split_holds_40_60_10()
    {
        var request = Draw("grpc-split", 2008);
        request.ClearSizeRule();
        request.FixedSize = 110;
        request.Eligibility.Windows[0].FirstDay = "2021-06-01";
        request.FixedSplit = new FixedSplit { Attribute = "sentence_type" };
        request.FixedSplit.Groups.Add(Group("licence", 40, "licence"));
        request.FixedSplit.Groups.Add(Group("community", 60, "community_order", "suspended_sentence_order"));
        request.FixedSplit.Groups.Add(Group("custody", 10, "custody"));
        var sample = await Client.DrawSampleAsync(request);

        Assert.Equal(40, sample.Cases.Count(c => c.SentenceType == "licence"));
        Assert.Equal(60, sample.Cases.Count(c => c.SentenceType is "community_order" or "suspended_sentence_order"));
        Assert.Equal(10, sample.Cases.Count(c => c.SentenceType == "custody"));
    }

    [Fact]
    public async Task Substitution_keeps_the_stratum_and_the_inspections_cases_stream_shows_it()
    {
        // A dedicated inspection-less read: the current sample is the newest draw, so read this one by id.
        var sample = await Client.DrawSampleAsync(Draw("grpc-substitute", 77, "sentence_type", "gender"));
        var leaving = sample.Cases.First(c => sample.Strata.Single(s => s.Key == c.Stratum).Reserves.Count > 0);
        var reserve = sample.Strata.Single(s => s.Key == leaving.Stratum).Reserves[0];

        var substitution = await Client.SubstituteCaseAsync(new SubstituteCaseRequest
        {
            RequestId = "grpc-sub-1", SampleId = sample.SampleId, CaseReference = leaving.CaseReference, Reason = "transferred out", SubstitutedBy = "inspector",
        });
        Assert.Equal((leaving.Stratum, reserve, 1), (substitution.Stratum, substitution.AddedCaseReference, substitution.Sequence));

        var cases = await All(Client.ListSampleCases(new ListSampleCasesRequest { SampleId = sample.SampleId }).ResponseStream.ReadAllAsync());
        Assert.Equal(sample.Cases.Count, cases.Count);
        Assert.DoesNotContain(cases, c => c.CaseReference == leaving.CaseReference);
        var added = Assert.Single(cases, c => c.CaseReference == reserve);
        Assert.Equal((leaving.Stratum, "substitute", leaving.CaseReference), (added.Stratum, added.SelectedBy, added.Replaces));
        Assert.Equal(sample.Cases.Count(c => c.Stratum == leaving.Stratum), cases.Count(c => c.Stratum == leaving.Stratum));

        var withReplaced = await All(Client.ListSampleCases(new ListSampleCasesRequest { SampleId = sample.SampleId, IncludeReplaced = true }).ResponseStream.ReadAllAsync());
        Assert.Equal("replaced", Assert.Single(withReplaced, c => c.CaseReference == leaving.CaseReference).Status);
        var read = await Client.GetSampleAsync(new GetSampleRequest { SampleId = sample.SampleId });
        Assert.Equal("transferred out", Assert.Single(read.Substitutions).Reason);
        Assert.DoesNotContain(reserve, read.Strata.Single(s => s.Key == leaving.Stratum).Reserves);
    }

    [Fact]
    public async Task The_inspections_current_sample_streams_to_other_services()
    {
        var latest = await Client.DrawSampleAsync(Draw("grpc-current", 4242, "rosh_level"));
        var streamed = await All(Client.ListSampleCases(new ListSampleCasesRequest { InspectionId = host.InspectionId }).ResponseStream.ReadAllAsync());
        Assert.Equal(latest.Cases.Select(c => c.CaseReference), streamed.Select(c => c.CaseReference));
        Assert.All(streamed, c => Assert.Contains(c.SentenceType, new[] { "community_order", "suspended_sentence_order", "licence", "custody" }));
        Assert.All(streamed, c => Assert.Contains(c.RoshLevel, new[] { "low", "medium", "high", "very_high" }));

        var listed = await Client.ListSamplesAsync(new ListSamplesRequest { InspectionId = host.InspectionId });
        Assert.Equal(latest.SampleId, Assert.Single(listed.Samples, s => s.Current).SampleId);
    }

    [Fact]
    public async Task Sub_samples_and_composition_describe_the_sample()
    {
        var sample = await Client.DrawSampleAsync(Draw("grpc-subsamples", 8, "gender", "sentence_type", "rosh_level"));
        var court = await Client.ListCourtReportCasesAsync(new GetSubSampleRequest { SampleId = sample.SampleId });
        var victims = await Client.ListStatutoryVictimContactCasesAsync(new GetSubSampleRequest { SampleId = sample.SampleId });
        var rosh = await Client.ListRoshRelevantCasesAsync(new GetSubSampleRequest { SampleId = sample.SampleId });
        Assert.Equal(sample.Cases.Where(c => c.CourtReport).Select(c => c.CaseReference), court.Cases.Select(c => c.CaseReference));
        Assert.Equal(sample.Cases.Where(c => c.StatutoryVictimContact).Select(c => c.CaseReference), victims.Cases.Select(c => c.CaseReference));
        Assert.Equal(sample.Cases.Where(c => c.RoshRelevant).Select(c => c.CaseReference), rosh.Cases.Select(c => c.CaseReference));
        Assert.All(rosh.Cases, c => Assert.True(c.RoshLevel != "low" || c.MappaLevel > 0));
        Assert.NotEmpty(court.Cases);

        var composition = await Client.GetCompositionAsync(new GetCompositionRequest { SampleId = sample.SampleId });
        Assert.Equal(["gender", "sentence_type", "rosh_level", "ethnic_group"], composition.Attributes.Select(a => a.Attribute));
        var gender = composition.Attributes[0];
        Assert.Equal(sample.EligibleSize, gender.Rows.Sum(r => r.Population));
        Assert.Equal(sample.Cases.Count, gender.Rows.Sum(r => r.Sample));
        Assert.True(gender.HasPValue);
        Assert.InRange(gender.PValue, 0, 1);
        Assert.Equal(gender.Rows.Where(r => r.Population > 0).Sum(r => (r.Sample - r.Expected) * (r.Sample - r.Expected) / r.Expected), gender.ChiSquare, 9);
        Assert.Equal(gender.Rows.Count(r => r.Population > 0) - 1, gender.DegreesOfFreedom);
        // The sample was stratified on gender: shown, not tested. Ethnic group was not: tested with the finite
        // population correction on the same statistic, the p-value from the upper tail.
        Assert.Contains("stratified on it", gender.FixedByAllocation);
        Assert.False(gender.HasDesignPValue);
        var ethnicity = composition.Attributes.Single(a => a.Attribute == "ethnic_group");
        Assert.Equal("", ethnicity.FixedByAllocation);
        var eligibleCount = (double)sample.EligibleSize;
        Assert.Equal(ethnicity.ChiSquare * (eligibleCount - 1) / (eligibleCount - sample.Cases.Count), ethnicity.CorrectedChiSquare, 9);
        Assert.True(ethnicity.HasDesignPValue);
        Assert.InRange(ethnicity.DesignPValue, double.Epsilon, 1);
        Assert.Contains(ethnicity.DesignPValueMethod, new[] { "chi_square", "exact", "simulated" });

        var unknown = await Assert.ThrowsAsync<RpcException>(() => Client.GetCompositionAsync(new GetCompositionRequest { SampleId = sample.SampleId, Attributes = { "height" } }).ResponseAsync);
        Assert.Equal("attributes[0]", Assert.Single(unknown.FieldViolations).Field);

        var population = await All(Client.ListPopulation(new ListPopulationRequest { SnapshotId = host.Snapshot.SnapshotId, SampleId = sample.SampleId }).ResponseStream.ReadAllAsync());
        Assert.Equal(sample.EligibleSize, population.Count(c => c.Eligible));
        Assert.All(population.Where(c => !c.Eligible), c => Assert.StartsWith("start date outside the eligibility windows", c.ExclusionReason));
        Assert.Equal(sample.Cases.Count, population.Count(c => c.SampleRole == "sampled"));
    }

    [Fact]
    public async Task Bad_draw_input_is_invalid_argument_naming_the_field()
    {
        var unknownAttribute = Draw("grpc-bad-attribute", 1, "shoe_size");
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.DrawSampleAsync(unknownAttribute).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("stratify_by[0]", Assert.Single(error.FieldViolations).Field);

        var missingValue = Draw("grpc-bad-quota");
        missingValue.Quotas.Add(Quota("rosh_level", 2, "extreme"));
        error = await Assert.ThrowsAsync<RpcException>(() => Client.DrawSampleAsync(missingValue).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("quotas[0].values[0]", Assert.Single(error.FieldViolations).Field);

        var noOffice = Draw("grpc-bad-office");
        noOffice.Quotas.Add(Quota("allocated_office", 2, "Atlantis"));
        error = await Assert.ThrowsAsync<RpcException>(() => Client.DrawSampleAsync(noOffice).ResponseAsync);
        Assert.Equal("quotas[0].values[0]", Assert.Single(error.FieldViolations).Field);
    }

    [Fact]
    public async Task Impossible_draws_fail_with_failed_precondition_saying_which()
    {
        var quota = Draw("grpc-impossible-quota");
        quota.Quotas.Add(Quota("mappa_level", 500, "3"));
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.DrawSampleAsync(quota).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("Quota 1 (mappa_level in (3) at least 500)", error.Status.Detail);

        var tooBig = Draw("grpc-impossible-size");
        tooBig.ClearSizeRule();
        tooBig.FixedSize = 5_000;
        error = await Assert.ThrowsAsync<RpcException>(() => Client.DrawSampleAsync(tooBig).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("larger than the eligible population", error.Status.Detail);

        var empty = Draw("grpc-impossible-window");
        empty.Eligibility.Windows[0] = new DateWindow { FirstDay = "2019-01-01", LastDay = "2019-01-31" };
        error = await Assert.ThrowsAsync<RpcException>(() => Client.DrawSampleAsync(empty).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("window 1 (2019-01-01 to 2019-01-31)", error.Status.Detail);
    }

    [Fact]
    public async Task An_inspection_recommendation_tracking_does_not_know_cannot_be_sampled()
    {
        var request = Draw("grpc-unknown-inspection");
        request.InspectionId = Guid.NewGuid().ToString();
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.DrawSampleAsync(request).ResponseAsync);
        // The status table: an id of another service it does not know is FAILED_PRECONDITION naming the app (was NOT_FOUND).
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("recommendation-tracking", error.Status.Detail);
        Assert.Contains(request.InspectionId, error.Status.Detail);
    }

    private static Quota Quota(string attribute, int minimum, params string[] values)
    {
        var quota = new Quota { Attribute = attribute, Minimum = minimum };
        quota.Values.AddRange(values);
        return quota;
    }

    private static SplitGroup Group(string name, int weight, params string[] values)
    {
        var group = new SplitGroup { Name = name, Weight = weight };
        group.Values.AddRange(values);
        return group;
    }
}
