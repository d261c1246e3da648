using Grpc.Core;
using Inspection.Sampling.V1;
using Npgsql;

namespace Inspection.Sampling.Tests;

/// <summary>
/// Issue 22, every error of a form at once: a caseload upload whose header asks validate_only reads and checks the
/// whole file and writes nothing (no snapshot, no audit event); a date taken to come and a missing file are told
/// together; a file that would import is answered OK with nothing imported.
/// </summary>
public sealed class ValidateOnlyTests(SamplingHostFixture host) : IClassFixture<SamplingHostFixture>
{
    private CaseSampling.CaseSamplingClient Client => host.Client;

    private async Task<long> AuditEventsAsync()
    {
        await using var connection = new NpgsqlConnection(host.Database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from audit.events", connection);
        return Convert.ToInt64(await count.ExecuteScalarAsync());
    }

    private async Task<int> SnapshotCountAsync(string provider) =>
        (await Client.ListSnapshotsAsync(new ListSnapshotsRequest { ProviderId = provider })).Snapshots.Count;

    private static UploadCaseloadHeader Header(string provider, string takenOn) => new()
    {
        RequestId = Guid.NewGuid().ToString(), ProviderId = provider, TakenOn = takenOn, Description = "checked only", FileName = "caseload.csv",
        ValidateOnly = true,
    };

    [Fact]
    public async Task A_date_to_come_and_an_empty_file_are_told_together_and_nothing_is_written()
    {
        var provider = await host.NewProviderAsync("validate");
        var before = await AuditEventsAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() => CaseloadFiles.SendAsync(Client, [new UploadCaseloadChunk { Header = Header(provider, "2099-01-01") }]));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["data", "header.taken_on"], refused.FieldViolations.Select(v => v.Field).Order().ToArray());
        Assert.Equal(0, await SnapshotCountAsync(provider));
        Assert.Equal(before, await AuditEventsAsync());
    }

    [Fact]
    public async Task A_file_that_would_import_is_answered_ok_with_nothing_imported()
    {
        var provider = await host.NewProviderAsync("validate");
        var before = await AuditEventsAsync();

        var answer = await CaseloadFiles.SendAsync(Client, CaseloadFiles.Upload(Header(provider, "2022-01-10"), CaseloadFiles.Csv(SamplingHostFixture.Caseload.Take(20))));

        Assert.Equal(UploadCaseloadResponse.OutcomeOneofCase.None, answer.OutcomeCase);
        Assert.Equal(0, await SnapshotCountAsync(provider));
        Assert.Equal(before, await AuditEventsAsync());
    }
}
