using Inspection.Admin.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

[Collection(AdminCollection.Name)]
public sealed class SignInTests(AdminFixture admin)
{
    [Fact]
    public async Task The_sign_in_page_is_a_GOV_UK_form_and_a_correct_password_signs_in()
    {
        var page = await admin.AnonymousPageAsync();
        await page.GotoAsync("/sign-in");
        Assert.Equal("Sign in – Inspection admin – HM Inspectorate of Probation", await page.TitleAsync());
        Assert.Equal(1, await page.Locator("header.moj-header").CountAsync());
        Assert.Contains("Alpha", await page.Locator(".govuk-phase-banner").InnerTextAsync());
        Assert.Equal(1, await page.Locator("footer.govuk-footer").CountAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "sign-in");

        await admin.SignInAsync(page, AdminFixture.EmailFor(Role.Inspector), AdminFixture.Password);

        Assert.Equal(admin.BaseUrl + "/", page.Url);
        Assert.Equal("Test Inspector (Inspector)", (await page.GetByTestId("signed-in-user").InnerTextAsync()).Trim());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "home");
    }

    [Fact]
    public async Task The_first_administrator_was_created_at_start_up_with_the_configured_password_and_must_change_it()
    {
        var page = await admin.AnonymousPageAsync();
        await admin.SignInAsync(page, FirstAdministrator.DefaultEmail, AdminFixture.InitialAdministratorPassword);
        Assert.Contains("/account/change-password", page.Url);
        Assert.Contains("(Administrator)", await page.GetByTestId("signed-in-user").InnerTextAsync());
        Assert.Equal(1, await page.GetByTestId("password-change-required").CountAsync());
        // No other page until it is changed.
        await page.GotoAsync("/accounts");
        Assert.Contains("/account/change-password", page.Url);
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "change-password-required");

        await page.GetByLabel("Current password").FillAsync(AdminFixture.InitialAdministratorPassword);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("the administrator's own password");
        await page.GetByLabel("Confirm new password").FillAsync("the administrator's own password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        Assert.EndsWith("/accounts", page.Url);
        Assert.Equal("Accounts", (await page.Locator("h1").InnerTextAsync()).Trim());
        // The page it goes on to confirms the change, once.
        Assert.Equal("Your password has been changed", (await page.GetByTestId("notice").InnerTextAsync()).Trim());
        await AxeCore.AssertAccessibleAsync(page);
        await page.ReloadAsync();
        Assert.Equal(0, await page.GetByTestId("notice").CountAsync());

        // The old password no longer signs in; the new one does, straight to the home page.
        var again = await admin.AnonymousPageAsync();
        await admin.SignInAsync(again, FirstAdministrator.DefaultEmail, AdminFixture.InitialAdministratorPassword);
        Assert.Contains("/sign-in", again.Url);
        await admin.SignInAsync(again, FirstAdministrator.DefaultEmail, "the administrator's own password");
        Assert.Equal(admin.BaseUrl + "/", again.Url);
    }

    [Fact]
    public async Task Empty_fields_and_a_wrong_password_are_shown_in_the_error_summary()
    {
        var page = await admin.AnonymousPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        Assert.StartsWith("Error: ", await page.TitleAsync());
        var summary = page.Locator(".govuk-error-summary");
        Assert.Equal(["Enter your email address", "Enter your password"], await summary.Locator("li").AllInnerTextsAsync());
        Assert.Equal("#Input_Email", await summary.Locator("a").First.GetAttributeAsync("href"));
        Assert.Equal(1, await page.Locator("#Input_Email.govuk-input--error").CountAsync());
        Assert.Equal("Input_Email-error", await page.Locator("#Input_Email").GetAttributeAsync("aria-describedby"));
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "sign-in-errors");

        await admin.SignInAsync(page, AdminFixture.EmailFor(Role.Viewer), "not the password");
        Assert.Contains("/sign-in", page.Url);
        Assert.Equal(["Enter a correct email address and password"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());

        await admin.SignInAsync(page, "nobody@inspection.test", AdminFixture.Password);
        Assert.Equal(["Enter a correct email address and password"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_against_the_right_password()
    {
        var store = admin.Services.GetRequiredService<AdminStore>();
        var hasher = admin.Services.GetRequiredService<IPasswordHasher<Account>>();
        const string email = "lockout@inspection.test";
        await store.CreateAsync(new NewAccount(email, "Lockout test", Role.Viewer), hasher.HashPassword(null!, AdminFixture.Password), "test", default);
        var page = await admin.AnonymousPageAsync();

        // The fixture sets SignIn:MaxFailedAttempts to 3.
        await admin.SignInAsync(page, email, "wrong 1");
        await admin.SignInAsync(page, email, "wrong 2");
        Assert.Equal(["Enter a correct email address and password"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        await admin.SignInAsync(page, email, "wrong 3");
        Assert.Contains("This account is locked", await page.Locator(".govuk-error-summary").InnerTextAsync());

        await admin.SignInAsync(page, email, AdminFixture.Password);
        Assert.Contains("/sign-in", page.Url);
        Assert.Contains("This account is locked", await page.Locator(".govuk-error-summary").InnerTextAsync());
        var account = await store.FindByEmailAsync(email, default);
        Assert.True(account!.LockedUntil > DateTimeOffset.UtcNow.AddMinutes(14));
        await admin.ScreenshotAsync(page, "sign-in-locked");
    }

    [Fact]
    public async Task Pages_need_a_signed_in_account_and_signing_out_ends_the_session()
    {
        var anonymous = await admin.AnonymousPageAsync();
        await anonymous.GotoAsync("/providers");
        Assert.Equal(admin.BaseUrl + "/sign-in?ReturnUrl=%2Fproviders", anonymous.Url);

        await anonymous.GetByLabel("Email address").FillAsync(AdminFixture.EmailFor(Role.Viewer));
        await anonymous.GetByLabel("Password").FillAsync(AdminFixture.Password);
        await anonymous.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Back where the person was going.
        Assert.Equal(admin.BaseUrl + "/providers", anonymous.Url);

        await anonymous.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        Assert.Equal("You have signed out", (await anonymous.Locator("h1").InnerTextAsync()).Trim());
        await anonymous.GotoAsync("/");
        Assert.Contains("/sign-in", anonymous.Url);
    }
}
