using Grpc.Core;
using Inspection.Sampling.Grpc;
using Inspection.Sampling.V1;

namespace Inspection.Sampling.Tests;

/// <summary>
/// Withdrawing a mistaken caseload snapshot (issue 22), over gRPC to the real host: kept and readable, left out of
/// lists unless asked for, never drawn from or added to; a snapshot a sample was drawn from is refused with the reason.
/// </summary>
public sealed class SnapshotWithdrawalTests(SamplingHostFixture host) : IClassFixture<SamplingHostFixture>
{
    private const int Cases = 200;
    private readonly CaseSampling.CaseSamplingClient _client = host.Client;
    private string? _provider;

    /// <summary>A provider of this test's own, registered on first use.</summary>
    private async Task<string> ProviderAsync() => _provider ??= await host.NewProviderAsync("withdrawal");

    private async Task<Snapshot> OpenAsync() =>
        await _client.StartPopulationImportAsync(new StartPopulationImportRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = await ProviderAsync(), TakenOn = "2022-05-01", Description = "caseload",
        });

    private async Task<Snapshot> CompleteAsync()
    {
        var snapshot = await OpenAsync();
        var batch = new ImportPopulationRequest { SnapshotId = snapshot.SnapshotId, FirstRowNumber = 2 };
        batch.Cases.AddRange(SamplingHostFixture.Caseload.Take(Cases).Select(c => c.ToMessage()));
        await _client.ImportPopulationAsync(batch);
        return await _client.CompletePopulationImportAsync(new CompletePopulationImportRequest { SnapshotId = snapshot.SnapshotId, ExpectedCaseCount = Cases });
    }

    private Task<Snapshot> WithdrawAsync(string snapshotId, string reason = "the extract was of the wrong PDU", string requestId = "") =>
        _client.WithdrawSnapshotAsync(new WithdrawSnapshotRequest
        {
            RequestId = requestId.Length > 0 ? requestId : Guid.NewGuid().ToString(), SnapshotId = snapshotId, Reason = reason, WithdrawnBy = "lead inspector",
        }).ResponseAsync;

    private async Task<DrawSampleRequest> DrawAsync(Snapshot snapshot)
    {
        var request = new DrawSampleRequest
        {
            RequestId = Guid.NewGuid().ToString(), InspectionId = await host.NewInspectionAsync(), SnapshotId = snapshot.SnapshotId,
            Eligibility = new Eligibility(), FixedSize = 10, Seed = 5, DrawnBy = "lead inspector",
        };
        request.Eligibility.Windows.Add(new DateWindow { FirstDay = "2000-01-01", LastDay = "2022-05-01" });
        return request;
    }

    private async Task<IReadOnlyList<int>> ListedAsync(bool includeWithdrawn = false) =>
        (await _client.ListSnapshotsAsync(new ListSnapshotsRequest { ProviderId = await ProviderAsync(), IncludeWithdrawn = includeWithdrawn })).Snapshots.Select(s => s.Version).ToList();

    [Fact]
    public async Task A_snapshot_no_sample_uses_is_withdrawn_kept_and_left_out_of_the_list()
    {
        var mistaken = await CompleteAsync();
        var right = await CompleteAsync();

        var withdrawn = await WithdrawAsync(mistaken.SnapshotId, "  the extract was of the wrong PDU ");

        Assert.Equal((true, "the extract was of the wrong PDU", "lead inspector", "complete"),
            (withdrawn.Withdrawn, withdrawn.WithdrawnReason, withdrawn.WithdrawnBy, withdrawn.Status));
        Assert.NotNull(withdrawn.WithdrawnAt);
        Assert.Equal([right.Version], await ListedAsync());
        Assert.Equal([mistaken.Version, right.Version], await ListedAsync(includeWithdrawn: true));
        Assert.Equal(withdrawn, await _client.GetSnapshotAsync(new GetSnapshotRequest { SnapshotId = mistaken.SnapshotId }));
        // The other snapshot is untouched and still drawn from.
        Assert.False((await _client.GetSnapshotAsync(new GetSnapshotRequest { SnapshotId = right.SnapshotId })).Withdrawn);
        Assert.Equal(10, (await _client.DrawSampleAsync(await DrawAsync(right))).Cases.Count);
    }

    [Fact]
    public async Task A_withdrawn_snapshot_is_not_drawn_from_added_to_or_withdrawn_again()
    {
        var complete = await CompleteAsync();
        var importing = await OpenAsync();
        await WithdrawAsync(complete.SnapshotId);
        await WithdrawAsync(importing.SnapshotId, "started by mistake");

        var draw = await Assert.ThrowsAsync<RpcException>(async () => await _client.DrawSampleAsync(await DrawAsync(complete)));
        var batch = new ImportPopulationRequest { SnapshotId = importing.SnapshotId, FirstRowNumber = 2 };
        batch.Cases.Add(SamplingHostFixture.Caseload[0].ToMessage());
        var added = await Assert.ThrowsAsync<RpcException>(async () => await _client.ImportPopulationAsync(batch));
        var again = await Assert.ThrowsAsync<RpcException>(() => WithdrawAsync(complete.SnapshotId));

        Assert.Equal((StatusCode.FailedPrecondition, StatusCode.FailedPrecondition, StatusCode.FailedPrecondition), (draw.StatusCode, added.StatusCode, again.StatusCode));
        Assert.Contains("was withdrawn: draw from another snapshot", draw.Status.Detail);
        Assert.Contains("was withdrawn and can no longer change", added.Status.Detail);
        Assert.Contains("was withdrawn already (the extract was of the wrong PDU)", again.Status.Detail);
        Assert.Empty((await _client.ListSamplesAsync(new ListSamplesRequest { SnapshotId = complete.SnapshotId })).Samples);
    }

    [Fact]
    public async Task A_snapshot_a_sample_was_drawn_from_is_refused_with_the_reason()
    {
        var used = await CompleteAsync();
        await _client.DrawSampleAsync(await DrawAsync(used));

        var refused = await Assert.ThrowsAsync<RpcException>(() => WithdrawAsync(used.SnapshotId));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains($"Snapshot {used.Version} of this provider cannot be withdrawn: a sample was drawn from it", refused.Status.Detail);
        Assert.Equal([used.Version], await ListedAsync());
        Assert.False((await _client.GetSnapshotAsync(new GetSnapshotRequest { SnapshotId = used.SnapshotId })).Withdrawn);
    }

    [Fact]
    public async Task A_withdrawal_without_a_reason_an_id_or_a_request_id_is_refused_naming_the_field_and_an_unknown_snapshot_is_not_found()
    {
        var snapshot = await CompleteAsync();

        var noReason = await Assert.ThrowsAsync<RpcException>(() => WithdrawAsync(snapshot.SnapshotId, " "));
        var badId = await Assert.ThrowsAsync<RpcException>(() => WithdrawAsync("snapshot-one"));
        var noRequestId = await Assert.ThrowsAsync<RpcException>(() => _client.WithdrawSnapshotAsync(new WithdrawSnapshotRequest
        {
            SnapshotId = snapshot.SnapshotId, Reason = "wrong PDU", WithdrawnBy = "lead inspector",
        }).ResponseAsync);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => WithdrawAsync(Guid.NewGuid().ToString()));

        Assert.Equal((StatusCode.InvalidArgument, "reason"), (noReason.StatusCode, Assert.Single(noReason.FieldViolations).Field));
        Assert.Equal((StatusCode.InvalidArgument, "snapshot_id"), (badId.StatusCode, Assert.Single(badId.FieldViolations).Field));
        Assert.Equal((StatusCode.InvalidArgument, "request_id"), (noRequestId.StatusCode, Assert.Single(noRequestId.FieldViolations).Field));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.False((await _client.GetSnapshotAsync(new GetSnapshotRequest { SnapshotId = snapshot.SnapshotId })).Withdrawn);
    }
}
