using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Inspection.Scoring.V1;
using Inspection.Testing;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Inspection.EndToEnd.Tests;

/// <summary>
/// The four services with the demo data, the admin with a system registered on its Integrators page (whose client id
/// and secret the examples exchange for a token themselves), and the examples' clients installed.
/// </summary>
public sealed class IntegratorSystem : IAsyncLifetime
{
    public static readonly string Examples = Path.Combine(ServiceProcess.RepositoryRoot, "protos", "examples");
    private readonly List<ServiceProcess> _services = [];

    public ServiceProcess Tracking => _services[0];
    public ServiceProcess Sampling => _services[1];
    public ServiceProcess Scoring => _services[3];
    private ServiceProcess? _admin;

    /// <summary>The registration the examples are given, as an integrator is given it.</summary>
    public Dictionary<string, string> Registration { get; private set; } = [];

    public async Task InitializeAsync()
    {
        (string AppId, string Project, bool Demo)[] apps =
        [
            ("recommendation-tracking", Apps.RecommendationTracking, true),
            ("case-sampling", "services/Sampling/Inspection.Sampling", false),
            ("organisational-evidence", "services/Evidence/Inspection.Evidence", true),
            ("assessment-scoring", "services/Scoring/Inspection.Scoring", true),
        ];
        var ports = apps.ToDictionary(a => a.AppId, _ => LoopbackPort.Free());
        var clients = ports.ToDictionary(p => $"Services__{p.Key}__GrpcUrl", p => (string?)$"http://127.0.0.1:{p.Value}");
        foreach (var (appId, project, demo) in apps)
        {
            var environment = new Dictionary<string, string?>(clients)
            {
                ["ConnectionStrings__Default"] = await PostgresServer.Shared.CreateDatabaseAsync("examples_" + appId.Replace('-', '_')),
                ["DemoData__Load"] = demo ? "true" : "false",
            };
            _services.Add(ServiceProcess.Start(appId, project, environment, grpcPort: ports[appId]));
        }
        const string password = "examples-Password-1";
        _admin = ServiceProcess.Start("admin", Apps.Admin, new Dictionary<string, string?>(clients)
        {
            ["ConnectionStrings__Default"] = await PostgresServer.Shared.CreateDatabaseAsync("examples_admin"),
            ["Admin__InitialPassword"] = password,
        });
        var installing = InstallClientsAsync();
        foreach (var service in _services) await service.WaitForAsync(ServingStatus.Serving, TimeSpan.FromSeconds(180));
        var (clientId, secret) = await RegisterSystemAsync(_admin, password, "populations.write", "ratings.read", "recommendations.read", "register.read");
        Registration = new Dictionary<string, string>
        {
            ["INSPECTION_TOKEN_URL"] = _admin.HttpAddress + "/connect/token",
            ["INSPECTION_CLIENT_ID"] = clientId,
            ["INSPECTION_CLIENT_SECRET"] = secret,
        };
        await installing;
    }

    public async Task DisposeAsync()
    {
        foreach (var service in _services) await service.DisposeAsync();
        if (_admin is not null) await _admin.DisposeAsync();
    }

    /// <summary>
    /// What an administrator does for a provider's system: signs in to the admin (setting a password of their own at
    /// the first sign-in), registers the system with its scopes, and reads the client id and the secret shown once.
    /// </summary>
    private static async Task<(string ClientId, string Secret)> RegisterSystemAsync(ServiceProcess admin, string password, params string[] scopes)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(admin.HttpAddress) };
        var until = DateTime.UtcNow.AddSeconds(180);
        while (!await ReadyAsync(http))
        {
            if (admin.HasExited || DateTime.UtcNow > until) throw new InvalidOperationException("the admin did not get ready:\n" + admin.Output);
            await Task.Delay(200);
        }
        await PostAsync(http, "/sign-in", ("Input.Email", "admin@inspection.local"), ("Input.Password", password));
        var changed = password + "-own";
        await PostAsync(http, "/account/change-password",
            ("Input.CurrentPassword", password), ("Input.NewPassword", changed), ("Input.ConfirmPassword", changed));
        var registered = await PostAsync(http, "/integrators/new", [("Input.Name", "Examples system"), .. scopes.Select(s => ("Input.Scopes", s))]);
        string Code(string id) => Regex.Match(registered, $"<code id=\"{id}\">([^<]+)</code>").Groups[1].Value;
        var (clientId, secret) = (Code("client-id"), WebUtility.HtmlDecode(Code("client-secret")));
        Assert.True(clientId.Length > 0 && secret.Length > 0, "no client id and secret on the integrators page:\n" + registered);
        return (clientId, secret);
    }

    private static async Task<bool> ReadyAsync(HttpClient http)
    {
        try
        {
            return (await http.GetAsync("/health/ready")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    // Posts a form with the antiforgery token the page served, and answers the page it ends on.
    private static async Task<string> PostAsync(HttpClient http, string path, params (string Name, string Value)[] fields)
    {
        var form = await http.GetStringAsync(path);
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        Assert.True(token.Length > 0, $"no form on {path}:\n{form}");
        var reply = await http.PostAsync(path, new FormUrlEncodedContent(
            fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token))));
        Assert.True(reply.IsSuccessStatusCode, $"{path} answered {(int)reply.StatusCode}");
        return await reply.Content.ReadAsStringAsync();
    }

    // What an integrator does once: npm ci for the Node examples, the Python stubs from the contracts.
    private static async Task InstallClientsAsync()
    {
        var node = Path.Combine(Examples, "node");
        if (!File.Exists(Path.Combine(node, "node_modules", "@grpc", "grpc-js", "package.json")))
            Succeeded(await ToolProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], node, TimeSpan.FromMinutes(5)), "npm ci");
        Succeeded(await ToolProcess.RunAsync("bash", ["generate.sh"], Path.Combine(Examples, "python"), TimeSpan.FromMinutes(1)), "generate.sh");
    }

    private static void Succeeded((int ExitCode, string StdOut, string StdErr) run, string what) =>
        Assert.True(run.ExitCode == 0, $"{what} exited {run.ExitCode}:\n{run.StdOut}\n{run.StdErr}");
}

/// <summary>
/// The integrator examples of protos/examples (issue 26), run as an integrator runs them: Node (grpc-js), Python
/// (Debian's python3-grpcio with stubs from Debian's protoc) and .NET, each as its own process with an integrator's
/// token, against the four services started with the demo data. Each journey must give the same lines in every
/// language and agree with what the services answer, so a broken example fails the test command.
/// </summary>
public sealed class IntegratorExamplesTests(IntegratorSystem system) : IClassFixture<IntegratorSystem>, IDisposable
{
    private static readonly string Examples = IntegratorSystem.Examples;
    private readonly string _files = Directory.CreateTempSubdirectory("integrator-examples-").FullName;

    private ServiceProcess Tracking => system.Tracking;
    private ServiceProcess Sampling => system.Sampling;
    private ServiceProcess Scoring => system.Scoring;

    public void Dispose() => Directory.Delete(_files, recursive: true);

    /// <summary>One journey in the three languages: (language, exit code, the lines printed).</summary>
    private async Task<IReadOnlyList<(string Language, int ExitCode, string[] Lines)>> RunEverywhereAsync(string journey, params string[] arguments)
    {
        var dotnet = Path.Combine(Examples, "dotnet", "bin", Configuration, "net10.0", "IntegratorExamples.dll");
        Assert.True(File.Exists(dotnet), $"the .NET example is not built ({dotnet})");
        var python = journey.Replace('-', '_') + ".py";
        (string Language, string Program, string[] Arguments, string Folder)[] runs =
        [
            ("node", "node", [journey + ".js", .. arguments], "node"),
            ("python", "/usr/bin/python3", [python, .. arguments], "python"),
            ("dotnet", "dotnet", [dotnet, journey, .. arguments], "dotnet"),
        ];
        var results = new List<(string, int, string[])>();
        foreach (var (language, program, args, folder) in runs)
        {
            var (exit, stdout, stderr) = await ToolProcess.RunAsync(program, args, Path.Combine(Examples, folder), TimeSpan.FromMinutes(2), system.Registration);
            Assert.True(exit is 0 or 1, $"{language} {journey} exited {exit}:\n{stdout}\n{stderr}");   // 1: a refusal, explained
            Assert.True(exit == 0 || stdout.Length > 0, $"{language} {journey} exited {exit} without explaining:\n{stderr}");
            results.Add((language, exit, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        }
        return results;
    }

    private static string Configuration =>
        typeof(IntegratorExamplesTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;

    private static void AllAlike(IReadOnlyList<(string Language, int ExitCode, string[] Lines)> runs, Func<string, string>? normalise = null)
    {
        normalise ??= line => line;
        var first = runs[0];
        foreach (var other in runs.Skip(1))
            Assert.True(first.Lines.Select(normalise).SequenceEqual(other.Lines.Select(normalise)),
                $"{first.Language} printed:\n{string.Join('\n', first.Lines)}\n\n{other.Language} printed:\n{string.Join('\n', other.Lines)}");
    }

    [Fact]
    public async Task Sending_a_caseload_works_and_a_bad_row_is_explained_in_every_language()
    {
        var register = new RecommendationTracking.RecommendationTrackingClient(Tracking.Channel);
        var provider = await register.CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = "Examples PDU", Type = "pdu", Region = "Wales", ActiveFrom = "2021-06-26", CreatedBy = "examples-tests",
        });
        var good = Path.Combine(_files, "caseload.csv");
        await File.WriteAllTextAsync(good, "case_reference,sentence_type,start_date,gender,ethnic_group,rosh_level,disability,mappa_level\n"
            + string.Concat(Enumerable.Range(1, 1_500).Select(i => $"EX{i:D5},licence,2021-11-{1 + i % 28:D2},male,white,medium,{(i % 2 == 0 ? "true" : "false")},{i % 4}\n")));

        var sent = await RunEverywhereAsync("send-caseload", $"127.0.0.1:{Sampling.GrpcPort}", provider.ProviderId, "2022-05-01", good);
        var sampling = new CaseSampling.CaseSamplingClient(Sampling.Channel);
        foreach (var (language, exit, lines) in sent)
        {
            Assert.True(exit == 0, $"{language}: {string.Join('\n', lines)}");
            Assert.Equal(["rows 2-1001: 1000 received, 1000 inserted, 0 already present", "rows 1002-1501: 500 received, 500 inserted, 0 already present"], lines[1..3]);
            var id = Regex.Match(lines[^1], "^snapshot (\\S+) complete: 1500 cases, digest [0-9a-f]{64}$").Groups[1].Value;
            var stored = await sampling.GetSnapshotAsync(new GetSnapshotRequest { SnapshotId = id });
            Assert.Equal(("complete", 1_500L, provider.ProviderId), (stored.Status, stored.CaseCount, stored.ProviderId));
        }
        // The same cases each time: the same population, so the same digest.
        Assert.Single(sent.Select(s => s.Lines[^1].Split(' ')[^1]).Distinct());

        var bad = Path.Combine(_files, "bad.csv");
        await File.WriteAllTextAsync(bad, "case_reference,sentence_type,start_date,gender,ethnic_group,rosh_level\n"
            + "BAD1,licence,2021-11-01,male,white,medium\nBAD2,licence,2021-02-30,male,white,medium\nBAD3,community_order,2021-11-01,male,white,extreme\n");
        var refused = await RunEverywhereAsync("send-caseload", $"127.0.0.1:{Sampling.GrpcPort}", provider.ProviderId, "2022-05-01", bad);
        // Alike but for the snapshot each opened (its id and the provider's next version).
        AllAlike(refused, line => Regex.Replace(Regex.Replace(line, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>"), "version \\d+", "version <n>"));
        var (_, code, explained) = refused[0];
        Assert.Equal(1, code);
        Assert.StartsWith("refused: INVALID_ARGUMENT: ", explained[1]);
        Assert.Equal("  reason inspection FIELD_INVALID", explained[^1]);
        // Each bad row named by its field and its file row (the header is row 1).
        Assert.Contains(explained, l => l.StartsWith("  cases[1].start_date: row 3", StringComparison.Ordinal));
        Assert.Contains(explained, l => l.StartsWith("  cases[2].rosh_level: row 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reading_ratings_gives_the_services_figures_in_every_language()
    {
        var register = new RecommendationTracking.RecommendationTrackingClient(Tracking.Channel);
        var scoring = new AssessmentScoring.AssessmentScoringClient(Scoring.Channel);
        var published = (await register.ListInspectionsAsync(new ListInspectionsRequest { Status = "published", PageSize = 50 })).Inspections;
        InspectionRatings? ratings = null;
        foreach (var inspection in published)
        {
            var candidate = await scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = inspection.InspectionId });
            if (candidate.Overall is { Rating.Length: > 0 }) { ratings = candidate; break; }
        }
        Assert.NotNull(ratings);

        var read = await RunEverywhereAsync("read-ratings", $"127.0.0.1:{Scoring.GrpcPort}", ratings.InspectionId);
        AllAlike(read);
        var lines = read[0].Lines;
        Assert.Equal(0, read[0].ExitCode);
        Assert.Equal($"inspection {ratings.InspectionId} ({ratings.FrameworkId}), ratings from {ratings.Source}", lines[0]);
        Assert.Equal($"overall: {ratings.Overall.Rating} ({ratings.Overall.Score} of {ratings.Overall.MaxScore})", lines[^1]);
        foreach (var standard in ratings.Standards)
            Assert.Contains($"{standard.StandardId} {standard.Name}: {(standard.FinalRating.Length > 0 ? standard.FinalRating : "not rated")}", lines);
        var figures = ratings.Standards.SelectMany(s => s.KeyQuestions).Where(k => k.HasPct).ToList();
        Assert.NotEmpty(figures);
        Assert.All(figures, k => Assert.Contains($"  {k.QuestionId}: {k.Pct}%", lines));
    }

    [Fact]
    public async Task Reading_the_register_pages_through_it_and_follows_its_changes_in_every_language()
    {
        var register = new RecommendationTracking.RecommendationTrackingClient(Tracking.Channel);
        // The reference provider with the most recommendations, so the examples read several pages of five.
        var providers = (await register.ListProvidersAsync(new ListProvidersRequest { PageSize = 200 })).Providers;
        var counts = new List<(Provider Provider, int Total)>();
        foreach (var p in providers)
            counts.Add((p, (await register.ListRecommendationsAsync(new ListRecommendationsRequest { ProviderId = p.ProviderId, PageSize = 1 })).Total));
        var (provider, total) = counts.MaxBy(c => c.Total);
        Assert.True(total > 5, $"the demo data has no provider with more than a page of recommendations ({total})");
        var all = (await register.ListRecommendationsAsync(new ListRecommendationsRequest { ProviderId = provider.ProviderId, PageSize = 500 })).Recommendations;

        var read = await RunEverywhereAsync("read-register", $"127.0.0.1:{Tracking.GrpcPort}", provider.ProviderId, "0", "3");
        AllAlike(read);
        var lines = read[0].Lines;
        Assert.Equal(0, read[0].ExitCode);
        Assert.Equal($"recommendations to provider {provider.ProviderId}: {total}", lines[0]);
        Assert.Equal(all.Select(r => $"{r.InspectionId} #{r.Number} {r.AddresseeGroup} {(r.Open ? "open" : "closed")} ({r.LatestJudgement?.Judgement ?? "not judged"}): {r.Text}"),
            lines[1..(1 + total)]);
        // The demo data's changes from the start of the feed: the marker, three changes numbered 1 to 3, the cursor.
        Assert.Equal("watching changes after 0", lines[1 + total]);
        var changes = lines[(2 + total)..^1];
        Assert.Equal(["1", "2", "3"], changes.Select(c => c.Split(' ')[0]));
        Assert.All(changes, c => Assert.Matches("^\\d+ (inspection_published|progress_judgement_recorded) inspection \\S+ provider \\S+", c));
        Assert.Equal("resume with after_sequence 3", lines[^1]);
    }

    [Fact]
    public void The_dotnet_example_names_the_package_versions_the_repository_uses()
    {
        var central = XDocument.Load(Path.Combine(ServiceProcess.RepositoryRoot, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(p => p.Attribute("Include")!.Value, p => p.Attribute("Version")!.Value);
        var example = XDocument.Load(Path.Combine(Examples, "dotnet", "IntegratorExamples.csproj")).Descendants("PackageReference").ToList();
        Assert.NotEmpty(example);
        Assert.All(example, p => Assert.Equal(central[p.Attribute("Include")!.Value], p.Attribute("Version")!.Value));
    }
}
