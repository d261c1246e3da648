using Google.Protobuf;
using Inspection.Sampling.Grpc;
using Inspection.Sampling.V1;
using Inspection.Testing;

namespace Inspection.Sampling.Tests;

/// <summary>
/// Every write RPC of the case sampling contract, found from its descriptor, is safe to retry (RetriedWrites): a retry
/// with the same request id writes once and returns the first answer, calls at once with one id write once, and the
/// id reused for another request is ALREADY_EXISTS. A write RPC added to the contract fails here until it is given a
/// request below.
/// </summary>
public sealed class RetrySafetyTests(SamplingHostFixture host) : IClassFixture<SamplingHostFixture>
{
    public static TheoryData<string> WriteRpcs => RetriedWrites.WriteRpcNames(CaseSampling.Descriptor);

    [Theory]
    [MemberData(nameof(WriteRpcs))]
    public async Task A_retry_with_the_same_request_id_writes_once_and_returns_the_first_answer(string rpc)
    {
        var check = new RetriedWrites(CaseSampling.Descriptor, host.Host.Channel.CreateCallInvoker(), host.Database);
        await check.CheckStreamAsync(rpc, Requests);
    }

    [Fact]
    public void Every_write_rpc_of_the_contract_is_checked_and_no_read()
    {
        RetriedWrites.AssertEveryWriteRequested(CaseSampling.Descriptor, Requests.Keys, 7);   // the three import RPCs, UploadCaseload, DrawSample, SubstituteCase, WithdrawSnapshot: no read slipped in unmarked
    }

    /// <summary>
    /// A valid request per write RPC for a request id, as the messages it sends (one for a unary RPC); each creates what
    /// it refers to, so two requests differ.
    /// </summary>
    private IReadOnlyDictionary<string, Func<string, Task<IReadOnlyList<IMessage>>>> Requests => new Dictionary<string, Func<string, Task<IReadOnlyList<IMessage>>>>
    {
        ["StartPopulationImport"] = async id => [await StartAsync(id)],
        ["ImportPopulation"] = async id => [Batch(id, (await host.Client.StartPopulationImportAsync(await StartAsync(Guid.NewGuid().ToString()))).SnapshotId)],
        ["CompletePopulationImport"] = async id =>
        {
            var snapshot = await host.Client.StartPopulationImportAsync(await StartAsync(Guid.NewGuid().ToString()));
            await host.Client.ImportPopulationAsync(Batch(Guid.NewGuid().ToString(), snapshot.SnapshotId));
            return [new CompletePopulationImportRequest { RequestId = id, SnapshotId = snapshot.SnapshotId, ExpectedCaseCount = BatchSize }];
        },
        // The header, then the file in two chunks; a provider of its own each time, so the two requests for one id differ.
        ["UploadCaseload"] = async id => CaseloadFiles.Upload(new UploadCaseloadHeader
        {
            RequestId = id, ProviderId = await host.NewProviderAsync("retry"), TakenOn = "2022-05-01", FileName = "caseload.csv",
        }, CaseloadFiles.Csv(SamplingHostFixture.Caseload.Take(BatchSize)), chunkBytes: 2_048),
        ["DrawSample"] = async id => [await Draw(id)],
        ["SubstituteCase"] = async id =>
        {
            var sample = await host.Client.DrawSampleAsync(await Draw(Guid.NewGuid().ToString()));
            return [new SubstituteCaseRequest
            {
                RequestId = id, SampleId = sample.SampleId, CaseReference = sample.Cases[0].CaseReference, Reason = "transferred out",
                SubstitutedBy = "inspector a",
            }];
        },
        // A complete snapshot of its own each time, which no sample uses.
        ["WithdrawSnapshot"] = async id =>
        {
            var snapshot = await host.Client.StartPopulationImportAsync(await StartAsync(Guid.NewGuid().ToString()));
            await host.Client.ImportPopulationAsync(Batch(Guid.NewGuid().ToString(), snapshot.SnapshotId));
            await host.Client.CompletePopulationImportAsync(new CompletePopulationImportRequest { SnapshotId = snapshot.SnapshotId, ExpectedCaseCount = BatchSize });
            return [new WithdrawSnapshotRequest { RequestId = id, SnapshotId = snapshot.SnapshotId, Reason = "the wrong extract", WithdrawnBy = "lead inspector" }];
        },
    };

    private const int BatchSize = 40;

    // Each start is for a provider of its own, so its version is 1 whichever test ran before.
    private async Task<StartPopulationImportRequest> StartAsync(string requestId) => new()
    {
        RequestId = requestId, ProviderId = await host.NewProviderAsync("retry"), TakenOn = "2022-05-01", Description = "retried import",
    };

    private static ImportPopulationRequest Batch(string requestId, string snapshotId)
    {
        var batch = new ImportPopulationRequest { RequestId = requestId, SnapshotId = snapshotId, FirstRowNumber = 2 };
        batch.Cases.AddRange(SamplingHostFixture.Caseload.Take(BatchSize).Select(c => c.ToMessage()));
        return batch;
    }

    // Each draw is for an inspection of its own, so no later draw makes it stop being the inspection's current sample.
    private async Task<DrawSampleRequest> Draw(string requestId)
    {
        var request = new DrawSampleRequest
        {
            RequestId = requestId, InspectionId = await host.NewInspectionAsync(), SnapshotId = host.Snapshot.SnapshotId,
            Eligibility = new Eligibility(), FixedSize = 20, Seed = 11, DrawnBy = "lead inspector",
        };
        request.Eligibility.Windows.Add(new DateWindow { FirstDay = "2021-01-01", LastDay = "2021-12-31" });
        return request;
    }
}
