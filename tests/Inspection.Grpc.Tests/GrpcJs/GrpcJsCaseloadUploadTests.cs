using System.Text;
using System.Text.Json;
using Grpc.Health.V1;
using Inspection.Testing;

namespace Inspection.Grpc.Tests.GrpcJs;

/// <summary>
/// An integrator's caseload upload from grpc-js (tests/interop/upload-caseload.js) to the case sampling host over the
/// real contract: the client-streaming UploadCaseload imports a good file, answers a bad one row by row, and names the
/// header field it lacks, as it does for the admin.
/// </summary>
public sealed class GrpcJsCaseloadUploadTests : IAsyncLifetime
{
    private const string Columns = "case_reference,sentence_type,start_date,gender,ethnic_group,rosh_level\n";

    private ServiceProcess? _recommendations;
    private ServiceProcess? _sampling;
    private string _provider = "";
    private readonly string _files = Directory.CreateTempSubdirectory("caseload-upload-").FullName;

    public async Task InitializeAsync()
    {
        await NodePeer.EnsureInstalledAsync();
        // Case sampling checks the provider of every caseload with recommendation tracking, its owner.
        _recommendations = ServiceProcess.Start("recommendation-tracking", "services/Recommendations/Inspection.Recommendations", new Dictionary<string, string?>
        {
            ["ConnectionStrings__Default"] = await PostgresServer.Shared.CreateDatabaseAsync("reco_for_grpc_js"),
        });
        _sampling = ServiceProcess.Start("case-sampling", "services/Sampling/Inspection.Sampling", new Dictionary<string, string?>
        {
            ["ConnectionStrings__Default"] = await PostgresServer.Shared.CreateDatabaseAsync("sampling_grpc_js"),
            ["Services__recommendation-tracking__GrpcUrl"] = _recommendations.GrpcAddress,
        });
        await _recommendations.WaitForAsync(HealthCheckResponse.Types.ServingStatus.Serving, TimeSpan.FromSeconds(60));
        await _sampling.WaitForAsync(HealthCheckResponse.Types.ServingStatus.Serving, TimeSpan.FromSeconds(60));
        var provider = await new Inspection.Recommendations.V1.RecommendationTracking.RecommendationTrackingClient(_recommendations.Channel)
            .CreateProviderAsync(new Inspection.Recommendations.V1.CreateProviderRequest
            {
                RequestId = Guid.NewGuid().ToString(), Name = "grpc-js PDU", Type = "pdu", Region = "London", ActiveFrom = "2021-06-26", CreatedBy = "grpc-js-tests",
            });
        _provider = provider.ProviderId;
    }

    public async Task DisposeAsync()
    {
        if (_sampling is not null) await _sampling.DisposeAsync();
        if (_recommendations is not null) await _recommendations.DisposeAsync();
        Directory.Delete(_files, recursive: true);
    }

    private async Task<JsonElement> UploadAsync(string requestId, string csv)
    {
        var file = Path.Combine(_files, $"{Guid.NewGuid()}.csv");
        await File.WriteAllTextAsync(file, csv, new UTF8Encoding(false));
        var (exit, stdout, stderr) = await NodePeer.RunScriptAsync("upload-caseload.js",
            [$"127.0.0.1:{_sampling!.GrpcPort}", _sampling.AuthorizationHeader, _provider, requestId, file], TimeSpan.FromSeconds(60));
        Assert.True(exit == 0, $"upload-caseload.js exited {exit}: {stderr}");
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    [Fact]
    public async Task A_grpc_js_client_uploads_a_caseload_and_reads_row_errors_and_field_violations()
    {
        // 3,000 cases: a file of several 64 KiB chunks.
        var rows = string.Concat(Enumerable.Range(0, 3_000).Select(i => $"JS{i:D5},licence,2021-11-{1 + i % 28:D2},male,white,medium\n"));
        var imported = await UploadAsync(Guid.NewGuid().ToString(), Columns + rows);
        Assert.Equal(0, imported.GetProperty("code").GetInt32());
        var snapshot = imported.GetProperty("reply").GetProperty("imported");
        Assert.Equal(("complete", 3_000), (snapshot.GetProperty("status").GetString(), snapshot.GetProperty("case_count").GetInt32()));
        Assert.Equal("imported", imported.GetProperty("reply").GetProperty("outcome").GetString());

        var refused = await UploadAsync(Guid.NewGuid().ToString(), Columns + "JS1,licence,2021-02-30,male,white,medium\n");
        Assert.Equal(0, refused.GetProperty("code").GetInt32());
        var error = Assert.Single(refused.GetProperty("reply").GetProperty("refused").GetProperty("errors").EnumerateArray());
        Assert.Equal((2, "start_date"), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()));

        var headerless = await UploadAsync("", Columns + rows);
        Assert.Equal((int)StatusCode.InvalidArgument, headerless.GetProperty("code").GetInt32());
        Assert.Contains("header.request_id", headerless.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("field").GetString()));
    }
}
