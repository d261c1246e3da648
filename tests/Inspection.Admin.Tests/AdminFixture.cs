using Inspection.Admin.Accounts;
using Inspection.Evidence.Grpc;
using Inspection.Recommendations.Grpc;
using Inspection.Sampling.Grpc;
using Inspection.Scoring.Grpc;
using Inspection.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

/// <summary>
/// One admin for the whole test run: its own PostgreSQL database from the harness, real Kestrel on a free loopback
/// port, the real hosts of the four services, each on its own database, with the reference inspections loaded by
/// their own demo data loaders (as the run command does), an account per role, and Debian's chromium through Playwright.
/// The admin is hosted by WebApplicationFactory&lt;AdminStore&gt;: any type of the admin's assembly names it, and the
/// services' own Program classes would make "Program" ambiguous here.
/// </summary>
public sealed class AdminFixture : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";
    public const string InitialAdministratorPassword = "first administrator password";

    private readonly List<IAsyncDisposable> _hosts = [];
    private readonly Dictionary<string, string> _started = [];
    private readonly Dictionary<Role, string> _signedIn = [];
    private WebApplicationFactory<AdminStore>? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public string ConnectionString { get; private set; } = "";
    public IServiceProvider Services => _factory!.Services;
    public IReadOnlySet<string> StartedServices => _started.Keys.ToHashSet();
    public ServiceTestHost<RecommendationTrackingService> Tracking { get; private set; } = null!;
    public ServiceTestHost<CaseSamplingService> Sampling { get; private set; } = null!;
    public ServiceTestHost<OrganisationalEvidenceService> Evidence { get; private set; } = null!;
    public ServiceTestHost<AssessmentScoringService> Scoring { get; private set; } = null!;
    public string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static string EmailFor(Role role) => $"{RoleNames.Code(role).Replace('_', '-')}@inspection.test";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        ConnectionString = await PostgresServer.Shared.CreateDatabaseAsync("admin");
        await StartServicesAsync();
        // A cause for concern left open, so every page that shows one (and the page that closes it) is there to visit.
        await CausesForConcernTests.PriorityNotAgreedAsync(this, "Open concern");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = ConnectionString,
            ["Admin:InitialPassword"] = InitialAdministratorPassword,
            ["SignIn:MaxFailedAttempts"] = "3",
        };
        foreach (var (appId, address) in _started) settings[$"Services:{appId}:GrpcUrl"] = address;
        (_factory, BaseUrl) = await StartAdminAsync(settings);
        await CreateRoleAccountsAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    private async Task StartServicesAsync()
    {
        Tracking = await ServiceTestHost<RecommendationTrackingService>.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = await PostgresServer.Shared.CreateDatabaseAsync("admin_reco"),
        });
        _hosts.Add(Tracking);
        _started["recommendation-tracking"] = Tracking.GrpcAddress;
        await Tracking.Services.GetRequiredService<Inspection.Recommendations.Demo.DemoData>().LoadAsync(default);
        // The fictional example of plans, updates and reminders, as the run command loads it after the reference inspections.
        await Tracking.Services.GetRequiredService<Inspection.Recommendations.Demo.ExampleInspection>().LoadAsync(default);

        Sampling = await ServiceTestHost<CaseSamplingService>.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = await PostgresServer.Shared.CreateDatabaseAsync("admin_sampling"),
            ["Services:recommendation-tracking:GrpcUrl"] = Tracking.GrpcAddress,
        });
        _hosts.Add(Sampling);
        _started["case-sampling"] = Sampling.GrpcAddress;

        Evidence = await ServiceTestHost<OrganisationalEvidenceService>.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = await PostgresServer.Shared.CreateDatabaseAsync("admin_evidence"),
            ["Services:recommendation-tracking:GrpcUrl"] = Tracking.GrpcAddress,
            ["Services:case-sampling:GrpcUrl"] = Sampling.GrpcAddress,
        });
        _hosts.Add(Evidence);
        _started["organisational-evidence"] = Evidence.GrpcAddress;
        await Evidence.Services.GetRequiredService<Inspection.Evidence.Demo.DemoData>().LoadAsync(new Dictionary<string, string>(), default);

        Scoring = await ServiceTestHost<AssessmentScoringService>.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = await PostgresServer.Shared.CreateDatabaseAsync("admin_scoring"),
            ["Services:recommendation-tracking:GrpcUrl"] = Tracking.GrpcAddress,
            ["Services:case-sampling:GrpcUrl"] = Sampling.GrpcAddress,
            ["Services:organisational-evidence:GrpcUrl"] = Evidence.GrpcAddress,
        });
        _hosts.Add(Scoring);
        _started["assessment-scoring"] = Scoring.GrpcAddress;
        // Recommendation tracking asks scoring before it publishes (issue 14); scoring's address is known only now.
        Tracking.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Services:assessment-scoring:GrpcUrl"] = Scoring.GrpcAddress;
        await Scoring.Services.GetRequiredService<Inspection.Scoring.Demo.DemoData>().LoadAsync(default);
    }

    public const string Bnes = "Birmingham North, East and Solihull PDU";

    /// <summary>The reference inspection of a provider, as recommendation tracking registered it.</summary>
    public async Task<Inspection.Recommendations.V1.Inspection> InspectionOfAsync(string providerName)
    {
        var client = Tracking.CreateClient<Inspection.Recommendations.V1.RecommendationTracking.RecommendationTrackingClient>();
        var provider = (await client.ListProvidersAsync(new Inspection.Recommendations.V1.ListProvidersRequest { NameContains = providerName })).Providers.Single(p => p.Name == providerName);
        return (await client.ListInspectionsAsync(new Inspection.Recommendations.V1.ListInspectionsRequest { ProviderId = provider.ProviderId })).Inspections.Single();
    }

    /// <summary>The settings of this run's admin, for a second admin over the same database.</summary>
    public IReadOnlyDictionary<string, string?> AdminSettings => new Dictionary<string, string?> { ["ConnectionStrings:Default"] = ConnectionString };

    public static int FreePort() => ServiceTestHost<AdminStore>.FreePort();

    /// <summary>Starts an admin on a free port with these settings and waits until it is ready to sign people in.</summary>
    public static async Task<(WebApplicationFactory<AdminStore> Factory, string BaseUrl)> StartAdminAsync(IReadOnlyDictionary<string, string?> settings, bool waitUntilReady = true)
    {
        var port = FreePort();
        var factory = new WebApplicationFactory<AdminStore>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("Ports:Http", port.ToString());
            web.UseSetting("Ports:Metrics", FreePort().ToString());   // not the fixed 5200: admins run side by side here
            web.UseSetting("Auth:KeysDirectory", TestKeys.Directory);   // the admin signs staff tokens for the services
            foreach (var (key, value) in settings) web.UseSetting(key, value);
        });
        factory.UseKestrel();
        factory.StartServer();
        var baseUrl = $"http://127.0.0.1:{port}";
        if (waitUntilReady) await WaitUntilReadyAsync(baseUrl);
        return (factory, baseUrl);
    }

    private static async Task WaitUntilReadyAsync(string baseUrl)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < until)
            {
            }
            if (DateTime.UtcNow > until) throw new TimeoutException("The admin was not ready within 60 s");
            await Task.Delay(100);
        }
    }

    private async Task CreateRoleAccountsAsync()
    {
        var store = Services.GetRequiredService<AdminStore>();
        var hasher = Services.GetRequiredService<IPasswordHasher<Account>>();
        foreach (var role in Enum.GetValues<Role>())
            await store.CreateAsync(new NewAccount(EmailFor(role), $"Test {RoleNames.Display(role)}", role), hasher.HashPassword(null!, Password), "test fixture", default);
    }

    /// <summary>A new browser page signed in with the role's account (signed in through the page once, then reused).</summary>
    public async Task<IPage> PageAsAsync(Role role)
    {
        if (!_signedIn.TryGetValue(role, out var state))
        {
            var context = await NewContextAsync();
            var page = await context.NewPageAsync();
            await SignInAsync(page, EmailFor(role), Password);
            Assert.EndsWith("/", page.Url);
            state = await context.StorageStateAsync();
            await context.CloseAsync();
            _signedIn[role] = state;
        }
        var signedIn = await NewContextAsync(state);
        return await signedIn.NewPageAsync();
    }

    public async Task<IPage> AnonymousPageAsync() => await (await NewContextAsync()).NewPageAsync();

    public async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync(BaseUrl + "/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>A full-page screenshot under the test output's screenshots folder.</summary>
    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    private Task<IBrowserContext> NewContextAsync(string? storageState = null) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            StorageState = storageState,
            // axe-core is injected as an inline script, which the admin's content security policy rightly refuses.
            BypassCSP = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        foreach (var host in _hosts) await host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AdminCollection : ICollectionFixture<AdminFixture>
{
    public const string Name = "admin";
}
