using Grpc.Core;
using Inspection.Sampling.V1;

namespace Inspection.Sampling.Tests;

/// <summary>
/// Issue 26, checked references: a caseload snapshot is opened only for a provider recommendation tracking (its owner)
/// knows, however it is opened. An id that cannot be one is the caller's INVALID_ARGUMENT naming the field; a
/// well-formed id the register does not know (the nil UUID included) is FAILED_PRECONDITION naming the app, as the
/// README's status table has it; nothing is written either way.
/// </summary>
public sealed class ProviderReferenceTests(SamplingHostFixture host) : IClassFixture<SamplingHostFixture>
{
    private CaseSampling.CaseSamplingClient Client => host.Client;

    private async Task<int> SnapshotCountAsync(string provider) =>
        (await Client.ListSnapshotsAsync(new ListSnapshotsRequest { ProviderId = provider, IncludeWithdrawn = true })).Snapshots.Count;

    private Task<Snapshot> StartAsync(string provider) => Client.StartPopulationImportAsync(new StartPopulationImportRequest
    {
        RequestId = Guid.NewGuid().ToString(), ProviderId = provider, TakenOn = "2022-05-01",
    }).ResponseAsync;

    private Task<UploadCaseloadResponse> UploadAsync(string provider) => CaseloadFiles.SendAsync(Client, CaseloadFiles.Upload(new UploadCaseloadHeader
    {
        RequestId = Guid.NewGuid().ToString(), ProviderId = provider, TakenOn = "2022-05-01", FileName = "caseload.csv",
    }, CaseloadFiles.Csv(SamplingHostFixture.Caseload.Take(5))));

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("pdu-1")]
    public async Task A_provider_id_that_cannot_be_one_is_refused_naming_the_field(string provider)
    {
        var started = await Assert.ThrowsAsync<RpcException>(() => StartAsync(provider));
        var uploaded = await Assert.ThrowsAsync<RpcException>(() => UploadAsync(provider));

        Assert.Equal((StatusCode.InvalidArgument, "provider_id"), (started.StatusCode, Assert.Single(started.FieldViolations).Field));
        Assert.Contains($"'{provider}' is not a provider id", started.FieldViolations[0].Description);
        Assert.Equal((StatusCode.InvalidArgument, "header.provider_id"), (uploaded.StatusCode, Assert.Single(uploaded.FieldViolations).Field));
        Assert.Equal(0, await SnapshotCountAsync(provider));
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("6f9619ff-8b86-4d01-b42d-00c04fc964ff")]
    public async Task A_provider_the_register_does_not_know_is_a_failed_precondition_naming_its_owner(string provider)
    {
        var started = await Assert.ThrowsAsync<RpcException>(() => StartAsync(provider));
        var uploaded = await Assert.ThrowsAsync<RpcException>(() => UploadAsync(provider));

        foreach (var refused in new[] { started, uploaded })
        {
            Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
            Assert.StartsWith("recommendation-tracking: ", refused.Status.Detail);
        }
        Assert.Equal(0, await SnapshotCountAsync(provider));
    }

    [Fact]
    public async Task A_registered_provider_gets_its_snapshot()
    {
        var provider = await host.NewProviderAsync("checked");

        var started = await StartAsync(provider);
        var uploaded = await UploadAsync(provider);

        Assert.Equal(provider, started.ProviderId);
        Assert.Equal(provider, uploaded.Imported.ProviderId);
        Assert.Equal(2, await SnapshotCountAsync(provider));
    }
}
