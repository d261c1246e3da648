using Inspection.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
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
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.AddSingleton(sp => new Database(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(sp => new DatabaseReadiness(
            sp.GetRequiredService<NpgsqlDataSource>(), typeof(AdminStore).Assembly, sp.GetRequiredService<ILogger<DatabaseReadiness>>()));
        services.AddSingleton<AdminStore>();
        services.AddScoped<StaffNames>();
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddSingleton<IPasswordHasher<Integrator>, PasswordHasher<Integrator>>();
        services.AddSingleton(Inspection.Security.RpcPolicy.Embedded);
        services.AddSingleton<IntegratorRegistration>();
        services.AddSingleton(TimeProvider.System);
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
        return builder;
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
