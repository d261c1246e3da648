using System.Security.Cryptography;
using Inspection.Domain;
using Grpc.Core;
using Inspection.Sampling.Domain;
using Inspection.Sampling.V1;

namespace Inspection.Sampling;

/// <summary>inspection.sampling.v1.CaseSampling: maps messages to the workflow and the domain core, nothing more.</summary>
public sealed class CaseSamplingService(SamplingWorkflow workflow, SamplingStore store) : V1.CaseSampling.CaseSamplingBase
{
    public override async Task<Snapshot> StartPopulationImport(StartPopulationImportRequest request, ServerCallContext context)
        => SamplingMessages.ToSnapshot(await workflow.StartImportAsync(request.RequestId, SamplingMessages.Fingerprint(request),
            request.ProviderId, request.TakenOn, request.Description, context.CancellationToken));

    public override async Task<ImportPopulationResponse> ImportPopulation(ImportPopulationRequest request, ServerCallContext context)
    {
        var result = await workflow.ImportAsync(request.SnapshotId, request.Cases.Select(SamplingMessages.ToRow).ToList(),
            request.FirstRowNumber, context.CancellationToken);
        return new ImportPopulationResponse
        {
            SnapshotId = request.SnapshotId, Received = result.Received, Inserted = result.Inserted,
            AlreadyPresent = result.AlreadyPresent, CaseCount = result.CaseCount,
        };
    }

    public override async Task<Snapshot> CompletePopulationImport(CompletePopulationImportRequest request, ServerCallContext context)
        => SamplingMessages.ToSnapshot(await workflow.CompleteImportAsync(request.SnapshotId, request.ExpectedCaseCount, context.CancellationToken));

    public override async Task<Snapshot> GetSnapshot(GetSnapshotRequest request, ServerCallContext context)
        => SamplingMessages.ToSnapshot(await store.GetSnapshotAsync(SamplingMessages.Id(request.SnapshotId, "snapshot_id"), context.CancellationToken));

    public override async Task<ListSnapshotsResponse> ListSnapshots(ListSnapshotsRequest request, ServerCallContext context)
    {
        var response = new ListSnapshotsResponse();
        var snapshots = await store.ListSnapshotsAsync(string.IsNullOrWhiteSpace(request.ProviderId) ? null : request.ProviderId.Trim(), context.CancellationToken);
        response.Snapshots.AddRange(snapshots.Select(SamplingMessages.ToSnapshot));
        return response;
    }

    public override async Task ListPopulation(ListPopulationRequest request, IServerStreamWriter<PopulationCase> responseStream, ServerCallContext context)
    {
        await foreach (var (c, exclusion, role) in workflow.PopulationAsync(request.SnapshotId, request.SampleId, request.EligibleOnly, context.CancellationToken))
        {
            var message = SamplingMessages.ToPopulationCase(c);
            if (request.SampleId.Length > 0)
            {
                message.Eligible = exclusion is null;
                message.ExclusionReason = exclusion?.ToString() ?? "";
                message.SampleRole = role;
            }
            await responseStream.WriteAsync(message, context.CancellationToken);
        }
    }

    public override Task<V1.SampleSize> CalculateSampleSize(CalculateSampleSizeRequest request, ServerCallContext context)
    {
        var size = request.RuleCase switch
        {
            CalculateSampleSizeRequest.RuleOneofCase.CalculatedSize =>
                SampleSizeCalculator.Calculate(request.PopulationSize, SamplingMessages.ToSizeForConfidence(request.CalculatedSize)),
            CalculateSampleSizeRequest.RuleOneofCase.FixedSize => FixedSize(request.PopulationSize, request.FixedSize),
            _ => throw new ValidationException("calculated_size", "a rule is required: calculated_size or fixed_size"),
        };
        return Task.FromResult(SamplingMessages.ToSampleSize(size));
    }

    public override async Task<Sample> DrawSample(DrawSampleRequest request, ServerCallContext context)
    {
        DrawRequestLimits.Check(request);
        // Without a seed the service chooses one; it is stored and returned like any other.
        var seed = request.HasSeed ? request.Seed : BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        var drawn = await workflow.DrawAsync(SamplingMessages.ToDrawRequest(request, seed), SamplingMessages.Fingerprint(request), context.CancellationToken);
        return SamplingMessages.ToSample(drawn);
    }

    public override async Task<Sample> GetSample(GetSampleRequest request, ServerCallContext context)
        => SamplingMessages.ToSample(await workflow.GetSampleAsync(request.SampleId, context.CancellationToken));

    public override async Task<ListSamplesResponse> ListSamples(ListSamplesRequest request, ServerCallContext context)
    {
        Guid? snapshotId = string.IsNullOrWhiteSpace(request.SnapshotId) ? null : SamplingMessages.Id(request.SnapshotId, "snapshot_id");
        var samples = await store.ListSamplesAsync(string.IsNullOrWhiteSpace(request.InspectionId) ? null : request.InspectionId.Trim(), snapshotId, context.CancellationToken);
        var response = new ListSamplesResponse();
        response.Samples.AddRange(samples.Select(SamplingMessages.ToSummary));
        return response;
    }

    public override async Task ListSampleCases(ListSampleCasesRequest request, IServerStreamWriter<SampledCase> responseStream, ServerCallContext context)
    {
        var sample = await workflow.SampleOfAsync(request.InspectionId, request.SampleId, context.CancellationToken);
        var cases = request.IncludeReplaced
            ? sample.Cases.Where(c => c.Role == SampleMember.Sampled)
            : sample.ActiveCases;
        foreach (var c in cases)
        {
            await responseStream.WriteAsync(SamplingMessages.ToSampledCase(c, sample.SampleId), context.CancellationToken);
        }
    }

    public override async Task<Substitution> SubstituteCase(SubstituteCaseRequest request, ServerCallContext context)
        => SamplingMessages.ToSubstitution(await workflow.SubstituteAsync(request.RequestId, SamplingMessages.Fingerprint(request),
            request.SampleId, request.CaseReference, request.Reason, request.SubstitutedBy, context.CancellationToken));

    public override Task<SubSample> ListCourtReportCases(GetSubSampleRequest request, ServerCallContext context)
        => SubSampleOf(request, SubSampleRule.CourtReports, context);

    public override Task<SubSample> ListStatutoryVictimContactCases(GetSubSampleRequest request, ServerCallContext context)
        => SubSampleOf(request, SubSampleRule.StatutoryVictimContact, context);

    public override Task<SubSample> ListRoshRelevantCases(GetSubSampleRequest request, ServerCallContext context)
        => SubSampleOf(request, SubSampleRule.RoshRelevant, context);

    public override async Task<Composition> GetComposition(GetCompositionRequest request, ServerCallContext context)
    {
        var (sample, report) = await workflow.CompositionAsync(request.SampleId, request.Attributes.ToList(), context.CancellationToken);
        return SamplingMessages.ToComposition(sample.SampleId, report);
    }

    private async Task<SubSample> SubSampleOf(GetSubSampleRequest request, SubSampleRule rule, ServerCallContext context)
        => SamplingMessages.ToSubSample(await workflow.GetSampleAsync(request.SampleId, context.CancellationToken), rule);

    private static Domain.SampleSize FixedSize(long population, int size)
    {
        if (population <= 0) throw new ValidationException("population_size", "the population size must be at least 1");
        var fixedSize = SampleSizeCalculator.Fixed(population, size);
        if (fixedSize.N > population)
            throw new PreconditionFailedException($"A fixed size of {size} is larger than the population of {population} cases.");
        return fixedSize;
    }
}
