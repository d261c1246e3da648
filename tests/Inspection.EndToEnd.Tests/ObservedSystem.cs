using System.Net;
using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Net.Client;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Inspection.Scoring.V1;
using Inspection.Testing;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Inspection.EndToEnd.Tests;

/// <summary>
/// The four services and the admin as processes, exporting traces and logs to an OTLP receiver and scraped every second
/// by a real Prometheus (Debian's) with the repository's rules; then the calls an operator would want to see: admin pages,
/// a caseload import, a draw, ratings computed, refusals (a malformed id, a call with no token, a caseload batch with a
/// case attribute no vocabulary knows). The secrets those calls carry are kept so the tests can look for them in the logs.
/// </summary>
public sealed class ObservedSystem : IAsyncLifetime
{
    public const string Password = "observed-Password-1";
    public const string ChangedPassword = Password + "-changed";
    public const string AdminEmail = "admin@inspection.local";
    /// <summary>A case attribute value (an ethnic group no vocabulary has): a refusal must name the field, never log the value.</summary>
    public const string SecretAttribute = "Ethnicity-Secret-7f3a";
    public const string CaseReferencePrefix = "OBSCASE";

    private readonly List<ServiceProcess> _processes = [];

    public OtlpCollector Collector { get; private set; } = null!;
    public PrometheusServer Prometheus { get; private set; } = null!;
    public ServiceProcess Tracking => _processes[0];
    public ServiceProcess Admin => _processes[^1];
    public string TrackingConnectionString { get; private set; } = "";
    public string Bearer { get; } = TestKeys.BearerFor();
    public HttpClient Browser { get; private set; } = null!;
    public IReadOnlyList<ServiceProcess> Processes => _processes;

    public async Task InitializeAsync()
    {
        Collector = await OtlpCollector.StartAsync();
        var postgres = PostgresServer.Shared;
        (string AppId, string Project, string Database)[] services =
        [
            ("recommendation-tracking", Apps.RecommendationTracking, "obs_reco"),
            ("case-sampling", "services/Sampling/Inspection.Sampling", "obs_sampling"),
            ("organisational-evidence", "services/Evidence/Inspection.Evidence", "obs_evidence"),
            ("assessment-scoring", "services/Scoring/Inspection.Scoring", "obs_scoring"),
        ];
        var grpcPorts = services.ToDictionary(s => s.AppId, _ => LoopbackPort.Free());
        var clients = grpcPorts.ToDictionary(p => $"Services__{p.Key}__GrpcUrl", p => (string?)$"http://127.0.0.1:{p.Value}");
        foreach (var (appId, project, database) in services)
        {
            var environment = new Dictionary<string, string?>(clients)
            {
                ["ConnectionStrings__Default"] = await postgres.CreateDatabaseAsync(database),
                ["Logging__Console__FormatterName"] = "json",
            };
            foreach (var (key, value) in Collector.ExportEnvironment(appId)) environment[key] = value;
            if (appId == "recommendation-tracking")
            {
                environment["DemoData__Load"] = "true";   // the reference inspections: progress judgements, earlier publications
                TrackingConnectionString = environment["ConnectionStrings__Default"]!;
            }
            _processes.Add(ServiceProcess.Start(appId, project, environment, grpcPort: grpcPorts[appId]));
        }
        foreach (var service in _processes) await service.WaitForAsync(ServingStatus.Serving, TimeSpan.FromSeconds(120));

        var metricsPort = LoopbackPort.Free();
        var adminEnvironment = new Dictionary<string, string?>(clients)
        {
            ["ConnectionStrings__Default"] = await postgres.CreateDatabaseAsync("obs_admin"),
            ["Admin__InitialPassword"] = Password,
            ["Ports__Metrics"] = metricsPort.ToString(),
            ["Logging__Console__FormatterName"] = "json",
        };
        foreach (var (key, value) in Collector.ExportEnvironment("admin")) adminEnvironment[key] = value;
        _processes.Add(ServiceProcess.Start("admin", Apps.Admin, adminEnvironment));

        var targets = _processes.Take(4).ToDictionary(p => p.AppId, p => $"127.0.0.1:{p.HttpPort}");
        targets["admin"] = $"127.0.0.1:{metricsPort}";
        Prometheus = await PrometheusServer.StartAsync(targets);

        var cookies = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        Browser = new HttpClient(cookies) { BaseAddress = new Uri(Admin.HttpAddress) };
        await SignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await Browser.GetAsync("/providers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Browser.GetAsync("/")).StatusCode);
        await MakeCallsAsync();
    }

    private async Task SignInAsync()
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (Admin.HasExited) throw new InvalidOperationException("admin exited:\n" + Admin.Output);
            try
            {
                if ((await Browser.GetAsync("/health/ready")).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException)
            {
            }
            if (DateTime.UtcNow > until) throw new TimeoutException("admin not ready:\n" + Admin.Output);
            await Task.Delay(200);
        }
        var signIn = await Browser.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = AdminEmail, ["Input.Password"] = Password, ["__RequestVerificationToken"] = await AntiforgeryAsync("/sign-in"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var changed = await Browser.PostAsync("/account/change-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Password, ["Input.NewPassword"] = ChangedPassword, ["Input.ConfirmPassword"] = ChangedPassword,
            ["__RequestVerificationToken"] = await AntiforgeryAsync("/account/change-password"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
    }

    private async Task<string> AntiforgeryAsync(string page)
    {
        var form = await Browser.GetStringAsync(page);
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        return token;
    }

    private async Task MakeCallsAsync()
    {
        var tracking = new RecommendationTracking.RecommendationTrackingClient(Tracking.Channel);
        var sampling = new CaseSampling.CaseSamplingClient(_processes[1].Channel);
        var scoring = new AssessmentScoring.AssessmentScoringClient(_processes[3].Channel);
        await tracking.ListProvidersAsync(new ListProvidersRequest());
        var malformed = await Assert.ThrowsAsync<RpcException>(() => tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = "not-an-id" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        using (var anonymous = GrpcChannel.ForAddress(Tracking.GrpcAddress))
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() =>
                new RecommendationTracking.RecommendationTrackingClient(anonymous).ListProvidersAsync(new ListProvidersRequest()).ResponseAsync);
            Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        }

        var unique = Guid.NewGuid().ToString("N")[..8];
        var provider = await tracking.CreateProviderAsync(new CreateProviderRequest { RequestId = "p-" + unique, Name = $"Observed PDU {unique}", Type = "pdu", Region = "Wales", CreatedBy = "observability-tests" });
        var inspection = await tracking.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = "i-" + unique, ProviderId = provider.ProviderId, FrameworkId = "pdu-2021-2023", FieldworkStart = "2022-06-06", CreatedBy = "observability-tests",
        });
        var snapshot = await sampling.StartPopulationImportAsync(new StartPopulationImportRequest { RequestId = "s-" + unique, ProviderId = provider.ProviderId, TakenOn = "2021-12-01" });
        var bad = new ImportPopulationRequest { SnapshotId = snapshot.SnapshotId, FirstRowNumber = 2 };
        bad.Cases.Add(new PopulationCase
        {
            CaseReference = CaseReferencePrefix + "-BAD", SentenceType = "licence", StartDate = "2021-11-02", Gender = "female", EthnicGroup = SecretAttribute, RoshLevel = "high",
        });
        var refusedBatch = await Assert.ThrowsAsync<RpcException>(() => sampling.ImportPopulationAsync(bad).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refusedBatch.StatusCode);

        var batch = new ImportPopulationRequest { SnapshotId = snapshot.SnapshotId, FirstRowNumber = 2 };
        string[] sentences = ["community_order", "licence", "suspended_sentence_order"];
        for (var i = 0; i < 30; i++)
            batch.Cases.Add(new PopulationCase
            {
                CaseReference = $"{CaseReferencePrefix}{i:000}", SentenceType = sentences[i % 3], StartDate = $"2021-11-{1 + i % 20:00}",
                Gender = i % 5 == 0 ? "female" : "male", EthnicGroup = "white", RoshLevel = i % 2 == 0 ? "low" : "high",
            });
        await sampling.ImportPopulationAsync(batch);
        await sampling.CompletePopulationImportAsync(new CompletePopulationImportRequest { SnapshotId = snapshot.SnapshotId, ExpectedCaseCount = 30 });
        var draw = new DrawSampleRequest { RequestId = "d-" + unique, InspectionId = inspection.InspectionId, SnapshotId = snapshot.SnapshotId, FixedSize = 6, Seed = 7, DrawnBy = "observability-tests", Eligibility = new Eligibility() };
        draw.Eligibility.Windows.Add(new DateWindow { FirstDay = "2021-11-01", LastDay = "2021-11-30" });
        await sampling.DrawSampleAsync(draw);
        await scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = inspection.InspectionId });
    }

    /// <summary>Everything every process wrote: console output and exported log records.</summary>
    public string AllLogText() =>
        string.Join("\n", _processes.Select(p => p.Output)) + "\n" + string.Join("\n", Collector.Logs.Select(l => l.AllText));

    public async Task DisposeAsync()
    {
        Browser?.Dispose();
        if (Prometheus is not null) await Prometheus.DisposeAsync();
        foreach (var process in _processes) await process.DisposeAsync();
        if (Collector is not null) await Collector.DisposeAsync();
    }
}
