using Inspection.Admin.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

[Collection(AdminCollection.Name)]
public sealed class SecurityTests(AdminFixture admin)
{
    /// <summary>
    /// Every page of the admin that holds a form which changes something; {inspection} is the BNES reference
    /// inspection (authorisation comes before anything is read, so other ids need not exist).
    /// </summary>
    public static TheoryData<string> FormPages => new()
    {
        "/accounts/new",
        "/inspections/{inspection}/evidence/add",
        "/inspections/{inspection}/evidence/00000000-0000-0000-0000-000000000001/edit",
        "/inspections/{inspection}/evidence/00000000-0000-0000-0000-000000000001/withdraw",
        "/inspections/{inspection}/evidence/staffing",
        "/inspections/{inspection}/evidence/surveys/add",
        "/inspections/{inspection}/evidence/characteristics",
        "/inspections/{inspection}/evidence/judgement/1.1",
        "/inspections/{inspection}/sample/import",
        "/inspections/{inspection}/sample/draw",
        "/inspections/{inspection}/publish",
        "/providers/new",
        "/inspections/new",
        "/inspections/{inspection}/recommendations/add",
        "/inspections/{inspection}/ratings/departure",
        "/inspections/{inspection}/assessments/C0001",
        "/inspections/{inspection}/progress/00000000-0000-0000-0000-000000000001",
        "/inspections/{inspection}/sample/substitute?sample=x&case=y",
        "/accounts/00000000-0000-0000-0000-000000000001",
        "/providers/00000000-0000-0000-0000-000000000001/edit",
        "/providers/00000000-0000-0000-0000-000000000001/restructure",
        "/providers/00000000-0000-0000-0000-000000000001/retire",
        "/inspections/{inspection}/sample/snapshots/00000000-0000-0000-0000-000000000001/withdraw",
    };

    [Theory]
    [MemberData(nameof(FormPages))]
    public async Task A_viewer_cannot_reach_a_form(string path)
    {
        var page = await admin.PageAsAsync(Role.Viewer);
        if (path.Contains("{inspection}")) path = path.Replace("{inspection}", (await admin.InspectionOfAsync(AdminFixture.Bnes)).InspectionId);
        var response = await page.GotoAsync(path);

        Assert.Equal(403, response!.Status);
        Assert.Equal("You do not have permission to see this page", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal(0, await page.Locator("main form").CountAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "error-403");
    }

    [Fact]
    public async Task A_viewer_cannot_reach_an_account_form_or_post_one_even_with_a_valid_token()
    {
        var page = await admin.PageAsAsync(Role.Viewer);
        var someone = (await admin.Services.GetRequiredService<AdminStore>().FindByEmailAsync(AdminFixture.EmailFor(Role.Inspector), default))!;
        Assert.Equal(403, (await page.GotoAsync($"/accounts/{someone.AccountId}"))!.Status);
        Assert.Equal(403, (await page.GotoAsync("/accounts"))!.Status);

        // Any page carries the viewer's own antiforgery token (the sign-out form): still refused by role.
        await page.GotoAsync("/");
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
        var post = await page.APIRequest.PostAsync("/accounts/new", new APIRequestContextOptions
        {
            Form = Form(page,("__RequestVerificationToken", token), ("Input.DisplayName", "Made by a viewer"), ("Input.Email", "viewer-made@inspection.test"),
                ("Input.Role", "administrator"), ("Input.Password", "a long enough password")),
            MaxRedirects = 0,
        });
        Assert.Equal(403, post.Status);
        Assert.Null(await admin.Services.GetRequiredService<AdminStore>().FindByEmailAsync("viewer-made@inspection.test", default));
    }

    [Fact]
    public async Task An_inspector_cannot_manage_accounts()
    {
        var page = await admin.PageAsAsync(Role.Inspector);
        Assert.Equal(403, (await page.GotoAsync("/accounts/new"))!.Status);
        Assert.Equal(403, (await page.GotoAsync("/audit"))!.Status);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var page = await admin.PageAsAsync(Role.Administrator);
        var post = await page.APIRequest.PostAsync("/accounts/new", new APIRequestContextOptions
        {
            Form = Form(page,("Input.DisplayName", "No token"), ("Input.Email", "no-token@inspection.test"),
                ("Input.Role", "viewer"), ("Input.Password", "a long enough password")),
            MaxRedirects = 0,
        });

        Assert.Equal(400, post.Status);
        Assert.Contains("Sorry, there is a problem with what was sent", await post.TextAsync());
        Assert.Null(await admin.Services.GetRequiredService<AdminStore>().FindByEmailAsync("no-token@inspection.test", default));
    }

    [Fact]
    public async Task Markup_typed_into_a_text_field_is_shown_as_text()
    {
        const string name = "<script>window.injected = true</script><b id=\"injected\">Bold</b>";
        var page = await admin.PageAsAsync(Role.Administrator);
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await page.GotoAsync("/accounts/new");
        await page.GetByLabel("Full name").FillAsync(name);
        await page.GetByLabel("Email address").FillAsync("markup@inspection.test");
        await page.GetByLabel("Viewer").CheckAsync();
        await page.GetByLabel("Password").FillAsync("a long enough password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add account" }).ClickAsync();

        Assert.EndsWith("/accounts", page.Url);
        Assert.Contains(name, (await page.Locator("main td").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.Equal(0, await page.Locator("#injected").CountAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => window.injected === true"));
        Assert.Equal(0, dialogs);
        await admin.ScreenshotAsync(page, "accounts-markup-as-text");
    }

    private static IFormData Form(IPage page, params (string Name, string Value)[] fields)
    {
        var form = page.APIRequest.CreateFormData();
        foreach (var (fieldName, value) in fields) form.Append(fieldName, value);
        return form;
    }
}
