using Grpc.Core;
using Inspection.Domain.Dates;
using Inspection.Sampling.V1;

namespace Inspection.Sampling.Tests;

/// <summary>
/// Issue 22: a caseload cannot have been taken after today in England, however its snapshot is made (started for
/// batches, or uploaded as a file); refused naming the field, in words, with nothing written. The host keeps the system
/// clock (its tokens follow it), so the future is tomorrow in England.
/// </summary>
public sealed class CaseloadDateTakenTests(SamplingHostFixture host) : IClassFixture<SamplingHostFixture>
{
    private CaseSampling.CaseSamplingClient Client => host.Client;

    private static string Tomorrow => CalendarDate.ToText(EnglandCalendar.Today(TimeProvider.System).AddDays(1));

    private const string Refusal = "The date the caseload was taken cannot be after today (";

    private async Task<int> SnapshotCountAsync(string provider) =>
        (await Client.ListSnapshotsAsync(new ListSnapshotsRequest { ProviderId = provider })).Snapshots.Count;

    [Fact]
    public async Task A_snapshot_started_for_batches_cannot_be_dated_after_today()
    {
        var provider = await host.NewProviderAsync("taken");

        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.StartPopulationImportAsync(new StartPopulationImportRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = provider, TakenOn = Tomorrow,
        }).ResponseAsync);
        var today = await Client.StartPopulationImportAsync(new StartPopulationImportRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = provider, TakenOn = CalendarDate.ToText(EnglandCalendar.Today(TimeProvider.System)),
        });

        Assert.Equal((StatusCode.InvalidArgument, "taken_on"), (refused.StatusCode, Assert.Single(refused.FieldViolations).Field));
        Assert.StartsWith(Refusal, refused.FieldViolations[0].Description);
        Assert.Equal(1, await SnapshotCountAsync(provider));
        Assert.NotEmpty(today.SnapshotId);
    }

    [Fact]
    public async Task An_uploaded_caseload_cannot_be_dated_after_today()
    {
        var provider = await host.NewProviderAsync("taken");
        var header = new UploadCaseloadHeader
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = provider, TakenOn = "2099-01-01", Description = "dated to come", FileName = "caseload.csv",
        };

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            CaseloadFiles.SendAsync(Client, CaseloadFiles.Upload(header, CaseloadFiles.Csv(SamplingHostFixture.Caseload.Take(5)))));

        Assert.Equal((StatusCode.InvalidArgument, "header.taken_on"), (refused.StatusCode, Assert.Single(refused.FieldViolations).Field));
        Assert.StartsWith(Refusal, refused.FieldViolations[0].Description);
        Assert.Equal(0, await SnapshotCountAsync(provider));
    }
}
