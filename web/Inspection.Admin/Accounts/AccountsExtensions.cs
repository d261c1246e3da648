using Inspection.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Inspection.ServiceDefaults;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Npgsql;

namespace Inspection.Admin.Accounts;

public static class AccountsExtensions
{
    /// <summary>
    /// Local accounts in the admin's own PostgreSQL database (ConnectionStrings:Default): migrations, the first
    /// administrator, cookie sign-in, and a policy per role. Every page needs a signed-in account unless it says not.
    /// </summary>
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set: the admin keeps its accounts in its own database");
        var services = builder.Services;
        var budget = ConnectionBudgets.For(builder.Configuration, AppTopology.Get("admin"));
        var direct = ConnectionBudgets.DirectConnectionString(builder.Configuration);
        services.AddSingleton(_ => DataSources.Pooled(connectionString, budget));
        services.AddSingleton(_ => DataSources.Direct(connectionString, direct, budget));
        services.AddSingleton(sp => new Database(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new DatabaseReadiness(
            sp.GetRequiredService<NpgsqlDataSource>(), typeof(AdminStore).Assembly, sp.GetRequiredService<ILogger<DatabaseReadiness>>(),
            sp.GetRequiredService<DirectDataSource>()));
        builder.AddSharedKeyRing();
        services.AddSingleton<AdminStore>();
        services.AddScoped<StaffNames>();
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddSingleton<IPasswordHasher<Integrator>, PasswordHasher<Integrator>>();
        services.AddSingleton(Inspection.Security.RpcPolicy.Embedded);
        services.AddSingleton<IntegratorRegistration>();
        services.Configure<SignInRules>(builder.Configuration.GetSection("SignIn"));
        services.AddSingleton<AccountSignIn>();
        services.AddSingleton<FirstAdministrator>();
        services.AddSingleton<AdminDatabaseStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<AdminDatabaseStartup>());

        // Every page: an account signed in with a password someone else gave is sent to choose its own first.
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(mvc => mvc.Filters.Add(new PasswordChangeRequiredFilter()));

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = "inspection-admin";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/sign-in";
            cookie.LogoutPath = "/sign-out";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                // A 403 with the GOV.UK "no permission" page, not a redirect to a page that would answer 200.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            cookie.Events.OnValidatePrincipal = ValidateAccountAsync;
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Record, policy => policy.RequireRole(RoleNames.AtLeast(Role.Inspector)))
            .AddPolicy(Policies.Lead, policy => policy.RequireRole(RoleNames.AtLeast(Role.LeadInspector)))
            .AddPolicy(Policies.Administer, policy => policy.RequireRole(RoleNames.AtLeast(Role.Administrator)));
        // Data protection's own start-up read of the key ring runs before the migrations (an error logged on a new
        // database) and would race the copies making the first key: AdminDatabaseStartup loads the ring instead, once
        // its key is made. Each AddDataProtection (cookies', antiforgery's) adds that read again, so this comes last.
        foreach (var warmUp in services.Where(d => d.ServiceType == typeof(IHostedService)
                     && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList())
            services.Remove(warmUp);
        return builder;
    }

    /// <summary>
    /// The data-protection key ring (sign-in cookies, antiforgery tokens) in the admin's database, encrypted at rest with
    /// the data-protection key of Auth:KeysDirectory: every copy of the admin reads what any other wrote, before and after
    /// a restart. A missing protection key stops the host, as a missing token key does.
    /// </summary>
    private static void AddSharedKeyRing(this WebApplicationBuilder builder)
    {
        var directory = builder.Configuration["Auth:KeysDirectory"]
            ?? throw new InvalidOperationException("Auth:KeysDirectory is not set: the admin's key ring is protected with a key from it");
        builder.Services.AddSingleton(new KeyRingProtectionKeys(directory));
        builder.Services.AddDataProtection().SetApplicationName("inspection-admin");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, sp) =>
        {
            options.XmlRepository = new KeyRingStore(sp.GetRequiredService<Database>());
            options.XmlEncryptor = new KeyRingEncryptor(sp.GetRequiredService<KeyRingProtectionKeys>());
            options.AutoGenerateKeys = false;   // AdminDatabaseStartup makes and renews the shared key, one copy at a time
        });
    }

    // A session ends when its account is disabled, removed or changed (role, password) since it signed in.
    private static async Task ValidateAccountAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.AccountId() is not { } accountId)
        {
            await Reject(context);
            return;
        }
        var store = context.HttpContext.RequestServices.GetRequiredService<AdminStore>();
        var account = await store.GetAsync(accountId, context.HttpContext.RequestAborted);
        if (account is null || account.Disabled || account.Version != context.Principal.Version()) await Reject(context);
    }

    private static async Task Reject(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
