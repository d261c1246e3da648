using Inspection.Admin.Accounts;
using Inspection.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

/// <summary>
/// One admin for the whole test run: its own PostgreSQL database from the harness, real Kestrel on a free loopback
/// port, service hosts for recommendation tracking and case sampling (the other two are left unstarted, so the
/// status page shows both cases), an account per role, and Debian's chromium through Playwright.
/// </summary>
public sealed class AdminFixture : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";
    public const string InitialAdministratorPassword = "first administrator password";

    private readonly List<HealthOnlyServiceHost> _services = [];
    private readonly Dictionary<Role, string> _signedIn = [];
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public string ConnectionString { get; private set; } = "";
    public IServiceProvider Services => _factory!.Services;
    public IReadOnlySet<string> StartedServices => _services.Select(s => s.AppId).ToHashSet();
    public string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static string EmailFor(Role role) => $"{RoleNames.Code(role).Replace('_', '-')}@inspection.test";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        ConnectionString = await PostgresServer.Shared.CreateDatabaseAsync("admin");
        _services.Add(await HealthOnlyServiceHost.StartAsync("recommendation-tracking"));
        _services.Add(await HealthOnlyServiceHost.StartAsync("case-sampling"));

        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = ConnectionString,
            ["Admin:InitialPassword"] = InitialAdministratorPassword,
            ["SignIn:MaxFailedAttempts"] = "3",
        };
        foreach (var service in _services) settings[$"Services:{service.AppId}:GrpcUrl"] = service.GrpcAddress;
        // Nothing listens on these: the status page must say so rather than fail.
        settings["Services:assessment-scoring:GrpcUrl"] = $"http://127.0.0.1:{ServiceTestHost<Program>.FreePort()}";
        settings["Services:organisational-evidence:GrpcUrl"] = $"http://127.0.0.1:{ServiceTestHost<Program>.FreePort()}";

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

    /// <summary>Starts an admin on a free port with these settings and waits until it is ready to sign people in.</summary>
    public static async Task<(WebApplicationFactory<Program> Factory, string BaseUrl)> StartAdminAsync(IReadOnlyDictionary<string, string?> settings, bool waitUntilReady = true)
    {
        var port = ServiceTestHost<Program>.FreePort();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("Ports:Http", port.ToString());
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
        foreach (var service in _services) await service.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AdminCollection : ICollectionFixture<AdminFixture>
{
    public const string Name = "admin";
}
