using Inspection.Admin.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

[Collection(AdminCollection.Name)]
public sealed class AccountsTests(AdminFixture admin)
{
    [Fact]
    public async Task An_administrator_adds_an_account_that_can_then_sign_in_and_changing_its_role_ends_its_session()
    {
        var page = await admin.PageAsAsync(Role.Administrator);
        await page.GotoAsync("/accounts/new");
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "accounts-new");

        // Wrong first: short password, no role.
        await page.GetByLabel("Full name").FillAsync("Ada Inspector");
        await page.GetByLabel("Email address").FillAsync("ada@inspection.test");
        await page.GetByLabel("Password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add account" }).ClickAsync();
        Assert.Equal(["Select a role", "Password must be 12 characters or more"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        Assert.Equal("ada@inspection.test", await page.GetByLabel("Email address").InputValueAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "accounts-new-errors");

        await page.GetByLabel("Inspector", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Password").FillAsync("ada's long password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add account" }).ClickAsync();
        Assert.EndsWith("/accounts", page.Url);
        Assert.Contains("Account added for Ada Inspector", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "accounts");

        // The same email again is refused on the field.
        await page.GotoAsync("/accounts/new");
        await page.GetByLabel("Full name").FillAsync("Ada Again");
        await page.GetByLabel("Email address").FillAsync("ADA@inspection.test");
        await page.GetByLabel("Viewer").CheckAsync();
        await page.GetByLabel("Password").FillAsync("another long password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add account" }).ClickAsync();
        Assert.Contains("already exists", await page.Locator("#Input_Email-error").InnerTextAsync());

        var ada = await admin.AnonymousPageAsync();
        await admin.SignInAsync(ada, "ada@inspection.test", "ada's long password");
        Assert.Contains("Ada Inspector (Inspector)", await ada.GetByTestId("signed-in-user").InnerTextAsync());
        // An administrator chose her password: she must choose her own before anything else.
        Assert.Contains("/account/change-password", ada.Url);
        await ada.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        Assert.Equal(["Enter your current password", "Enter a new password"], await ada.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        await ada.GetByLabel("Current password").FillAsync("ada's long password");
        await ada.GetByLabel("New password", new() { Exact = true }).FillAsync("ada's long password");
        await ada.GetByLabel("Confirm new password").FillAsync("ada's long password");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        Assert.Equal(["New password must be different from your current password"], await ada.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        await ada.GetByLabel("Current password").FillAsync("ada's long password");
        await ada.GetByLabel("New password", new() { Exact = true }).FillAsync("ada's own longer password");
        await ada.GetByLabel("Confirm new password").FillAsync("ada's own longer password");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        Assert.Equal(admin.BaseUrl + "/", ada.Url);
        Assert.Equal("Your password has been changed", (await ada.GetByTestId("notice").InnerTextAsync()).Trim());
        await ada.GotoAsync("/providers");
        Assert.EndsWith("/providers", ada.Url);
        Assert.Equal(0, await ada.GetByTestId("notice").CountAsync());

        var account = (await admin.Services.GetRequiredService<AdminStore>().FindByEmailAsync("ada@inspection.test", default))!;
        await page.GotoAsync($"/accounts/{account.AccountId}");
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "accounts-edit");
        await page.GetByLabel("Lead inspector").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        Assert.Contains("Account of Ada Inspector changed", await page.Locator(".govuk-notification-banner").InnerTextAsync());

        await ada.GotoAsync("/providers");
        Assert.Contains("/sign-in", ada.Url);

        await page.GotoAsync("/audit");
        var audit = await page.Locator("main table").InnerTextAsync();
        Assert.Contains("role Inspector to Lead inspector", audit);
        Assert.Contains("account created", audit);
        Assert.Contains("password changed", audit);
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "audit");
    }
}
