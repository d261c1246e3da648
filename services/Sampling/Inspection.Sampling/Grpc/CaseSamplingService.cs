using System.Security.Cryptography;
using Grpc.Core;
using Inspection.Sampling.V1;

namespace Inspection.Sampling.Grpc;

/// <summary>inspection.sampling.v1.CaseSampling: maps each message to a use case and back, nothing more.</summary>
public sealed class CaseSamplingService(PopulationSnapshots snapshots, Samples samples) : CaseSampling.CaseSamplingBase
{
    public override async Task<Snapshot> StartPopulationImport(StartPopulationImportRequest request, ServerCallContext context)
        => (await snapshots.StartImportAsync(request.RequestId, request.Fingerprint(), request.ProviderId, request.TakenOn, request.Description,
            context.CancellationToken)).ToMessage();

    public override async Task<ImportPopulationResponse> ImportPopulation(ImportPopulationRequest request, ServerCallContext context)
    {
        var result = await snapshots.ImportAsync(request.RequestId, request.Fingerprint(), request.SnapshotId,
            request.Cases.Select(c => c.ToInput()).ToList(), request.FirstRowNumber, context.CancellationToken);
        return new ImportPopulationResponse
        {
            SnapshotId = request.SnapshotId, Received = result.Received, Inserted = result.Inserted,
            AlreadyPresent = result.AlreadyPresent, CaseCount = result.CaseCount,
        };
    }

    public override async Task<Snapshot> CompletePopulationImport(CompletePopulationImportRequest request, ServerCallContext context)
        => (await snapshots.CompleteImportAsync(request.RequestId, request.Fingerprint(), request.SnapshotId, request.ExpectedCaseCount,
            context.CancellationToken)).ToMessage();

    public override async Task<UploadCaseloadResponse> UploadCaseload(IAsyncStreamReader<UploadCaseloadChunk> requestStream, ServerCallContext context)
    {
        var file = await CaseloadStream.ReadAsync(requestStream, context.CancellationToken);
        return (await snapshots.UploadAsync(file, context.CancellationToken)).ToMessage();
    }

    public override Task<CaseloadFileFormat> DescribeCaseloadFile(DescribeCaseloadFileRequest request, ServerCallContext context)
        => Task.FromResult(SamplingMessages.CaseloadFileFormat(CaseloadStream.MaxBytes, CaseloadStream.RecommendedChunkBytes));

    public override async Task<Snapshot> GetSnapshot(GetSnapshotRequest request, ServerCallContext context)
        => (await snapshots.GetAsync(request.SnapshotId, context.CancellationToken)).ToMessage();

    public override async Task<ListSnapshotsResponse> ListSnapshots(ListSnapshotsRequest request, ServerCallContext context)
        => new() { Snapshots = { (await snapshots.ListAsync(request.ProviderId, request.IncludeWithdrawn, context.CancellationToken)).Select(s => s.ToMessage()) } };

    public override async Task ListPopulation(ListPopulationRequest request, IServerStreamWriter<PopulationCase> responseStream, ServerCallContext context)
    {
        await foreach (var (c, exclusion, role) in samples.PopulationAsync(request.SnapshotId, request.SampleId, request.EligibleOnly, context.CancellationToken))
        {
            var message = c.ToMessage();
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
                SampleSizeCalculator.Calculate(request.PopulationSize, request.CalculatedSize.ToInput()),
            CalculateSampleSizeRequest.RuleOneofCase.FixedSize => FixedSize(request.PopulationSize, request.FixedSize),
            _ => throw new ValidationException("calculated_size", "a rule is required: calculated_size or fixed_size"),
        };
        return Task.FromResult(size.ToMessage());
    }

    public override async Task<Sample> DrawSample(DrawSampleRequest request, ServerCallContext context)
    {
        DrawRequestLimits.Check(request);
        // Without a seed the service chooses one; it is stored and returned like any other.
        var seed = request.HasSeed ? request.Seed : BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        return (await samples.DrawAsync(request.ToInput(seed), request.Fingerprint(), context.CancellationToken)).ToMessage();
    }

    public override async Task<Sample> GetSample(GetSampleRequest request, ServerCallContext context)
        => (await samples.GetSampleAsync(request.SampleId, context.CancellationToken)).ToMessage();

    public override async Task<ListSamplesResponse> ListSamples(ListSamplesRequest request, ServerCallContext context)
        => new() { Samples = { (await samples.ListAsync(request.InspectionId, request.SnapshotId, context.CancellationToken)).Select(s => s.ToMessage()) } };

    public override async Task ListSampleCases(ListSampleCasesRequest request, IServerStreamWriter<SampledCase> responseStream, ServerCallContext context)
    {
        var sample = await samples.SampleOfAsync(request.InspectionId, request.SampleId, context.CancellationToken);
        var cases = request.IncludeReplaced
            ? sample.Cases.Where(c => c.Role == SampleMember.Sampled)
            : sample.ActiveCases;
        foreach (var c in cases)
        {
            await responseStream.WriteAsync(c.ToMessage(sample.SampleId), context.CancellationToken);
        }
    }

    public override async Task<Substitution> SubstituteCase(SubstituteCaseRequest request, ServerCallContext context)
        => (await samples.SubstituteAsync(request.RequestId, request.Fingerprint(), request.SampleId, request.CaseReference, request.Reason,
            request.SubstitutedBy, context.CancellationToken)).ToMessage();

    public override Task<SubSample> ListCourtReportCases(GetSubSampleRequest request, ServerCallContext context)
        => SubSampleOf(request, SubSampleRule.CourtReports, context);

    public override Task<SubSample> ListStatutoryVictimContactCases(GetSubSampleRequest request, ServerCallContext context)
        => SubSampleOf(request, SubSampleRule.StatutoryVictimContact, context);

    public override Task<SubSample> ListRoshRelevantCases(GetSubSampleRequest request, ServerCallContext context)
        => SubSampleOf(request, SubSampleRule.RoshRelevant, context);

    public override async Task<Composition> GetComposition(GetCompositionRequest request, ServerCallContext context)
    {
        var (sample, report) = await samples.CompositionAsync(request.SampleId, request.Attributes.ToList(), context.CancellationToken);
        return report.ToMessage(sample.SampleId);
    }

    private async Task<SubSample> SubSampleOf(GetSubSampleRequest request, SubSampleRule rule, ServerCallContext context)
        => (await samples.GetSampleAsync(request.SampleId, context.CancellationToken)).ToSubSample(rule);

    private static Domain.Sizing.SampleSize FixedSize(long population, int size)
    {
        if (population <= 0) throw new ValidationException("population_size", "the population size must be at least 1");
        var fixedSize = SampleSizeCalculator.Fixed(population, size);
        if (fixedSize.N > population)
            throw new PreconditionFailedException($"A fixed size of {size} is larger than the population of {population} cases.");
        return fixedSize;
    }

    public override async Task<Snapshot> WithdrawSnapshot(WithdrawSnapshotRequest request, ServerCallContext context)
        => (await snapshots.WithdrawAsync(request.RequestId, request.Fingerprint(), SnapshotWithdrawal.Create(request.SnapshotId, request.Reason, request.WithdrawnBy),
            context.CancellationToken)).ToMessage();
}
