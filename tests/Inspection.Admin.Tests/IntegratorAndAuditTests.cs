using Grpc.Net.Client;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Inspection.Admin.Accounts;
using Grpc.Core;
using Inspection.Scoring.V1;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

/// <summary>
/// Integrators (registered in the admin, tokens from /connect/token, limited to their scopes at the services) and the
/// audit trail of a service's writes, read in the admin.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed class IntegratorAndAuditTests(AdminFixture admin)
{
    [Fact]
    public async Task An_integrator_gets_a_token_for_its_scopes_only_and_nothing_once_revoked()
    {
        var page = await admin.PageAsAsync(Role.Administrator);
        await page.GotoAsync("/integrators/new");
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "integrators-new");

        // Nothing chosen: both fields are reported.
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        Assert.Equal(["Enter the integrator's name (up to 100 characters)", "Select at least one scope"],
            await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());

        await page.GetByLabel("Name of the system").FillAsync("Ratings dashboard <script>alert(1)</script>");
        await page.GetByLabel("ratings.read").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        Assert.EndsWith("/integrators", page.Url);
        var clientId = await page.Locator("#client-id").InnerTextAsync();
        var secret = await page.Locator("#client-secret").InnerTextAsync();
        Assert.Contains("Ratings dashboard <script>alert(1)</script> is registered", await page.Locator(".govuk-panel__title").InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "integrators-registered");

        // The secret is shown once: the next visit does not show it.
        await page.GotoAsync("/integrators");
        Assert.Equal(0, await page.Locator("#client-secret").CountAsync());

        using var http = new HttpClient { BaseAddress = new Uri(admin.BaseUrl) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestTokenAsync(http, clientId, secret + "x")).StatusCode);
        var wrongScope = await RequestTokenAsync(http, clientId, secret, "register.write");
        Assert.Equal(HttpStatusCode.BadRequest, wrongScope.StatusCode);
        Assert.Contains("invalid_scope", await wrongScope.Content.ReadAsStringAsync());

        var issued = await RequestTokenAsync(http, clientId, secret);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        using var body = JsonDocument.Parse(await issued.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", body.RootElement.GetProperty("token_type").GetString());
        Assert.Equal("ratings.read", body.RootElement.GetProperty("scope").GetString());
        var token = body.RootElement.GetProperty("access_token").GetString()!;

        // At the service: ratings may be read; a case assessment may not be recorded.
        using var channel = GrpcChannel.ForAddress(admin.Scoring.GrpcAddress);
        var scoring = new AssessmentScoring.AssessmentScoringClient(channel);
        var inspection = await admin.InspectionOfAsync(AdminFixture.Bnes);
        var headers = new Metadata { { "authorization", "Bearer " + token } };
        var ratings = await scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = inspection.InspectionId }, new CallOptions(headers));
        Assert.NotEmpty(ratings.Standards);
        var denied = await Assert.ThrowsAsync<RpcException>(() => scoring.RecordCaseAssessmentAsync(new RecordCaseAssessmentRequest { InspectionId = inspection.InspectionId }, new CallOptions(headers)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke Ratings dashboard" }).ClickAsync();
        Assert.Contains($"Integrator {clientId} revoked", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestTokenAsync(http, clientId, secret)).StatusCode);

        await page.GotoAsync("/audit");
        var trail = await page.Locator("table").First.InnerTextAsync();
        Assert.Contains("integrator registered", trail);
        Assert.Contains("integrator revoked", trail);
        Assert.DoesNotContain(secret, await page.ContentAsync());
    }

    [Fact]
    public async Task Each_scope_says_what_it_is_for_and_an_integrator_s_scopes_change_without_a_new_secret()
    {
        var page = await admin.PageAsAsync(Role.Administrator);
        await page.GotoAsync("/integrators/new");
        var hints = string.Join("\n", await page.Locator(".govuk-checkboxes__hint").AllInnerTextsAsync());
        Assert.Contains("Send a provider's caseload", hints);
        Assert.Contains("Read ratings", hints);
        await page.GetByLabel("Name of the system").FillAsync("Caseload sender");
        await page.GetByLabel("populations.write").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        var clientId = await page.Locator("#client-id").InnerTextAsync();
        var secret = await page.Locator("#client-secret").InnerTextAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Change scopes of Caseload sender" }).ClickAsync();
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "integrators-scopes");
        Assert.True(await page.GetByLabel("populations.write").IsCheckedAsync());
        await page.GetByLabel("populations.write").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save scopes" }).ClickAsync();
        Assert.Equal(["Select at least one scope"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        await page.GetByLabel("populations.write").CheckAsync();
        await page.GetByLabel("samples.read").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save scopes" }).ClickAsync();
        Assert.EndsWith("/integrators", page.Url);
        Assert.Contains("populations.write, samples.read", await page.Locator(".govuk-notification-banner").InnerTextAsync());

        // The same secret now gets a token with both scopes.
        using var http = new HttpClient { BaseAddress = new Uri(admin.BaseUrl) };
        var issued = await RequestTokenAsync(http, clientId, secret);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        using var body = JsonDocument.Parse(await issued.Content.ReadAsStringAsync());
        Assert.Equal("populations.write samples.read", body.RootElement.GetProperty("scope").GetString());

        await page.GotoAsync("/audit");
        Assert.Contains("integrator scopes changed", await page.Locator("table").First.InnerTextAsync());
    }

    [Fact]
    public async Task A_viewer_cannot_reach_integrators_and_the_token_endpoint_refuses_other_grants()
    {
        var viewer = await admin.PageAsAsync(Role.Viewer);
        Assert.Equal(403, (await viewer.GotoAsync("/integrators"))!.Status);
        Assert.Equal(403, (await viewer.GotoAsync("/integrators/new"))!.Status);

        using var http = new HttpClient { BaseAddress = new Uri(admin.BaseUrl) };
        var password = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = AdminFixture.EmailFor(Role.Administrator), ["password"] = AdminFixture.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, password.StatusCode);
        Assert.Contains("unsupported_grant_type", await password.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_administrator_reads_a_services_trail_of_who_wrote_what()
    {
        var page = await admin.PageAsAsync(Role.Administrator);
        await page.GotoAsync("/audit?Source=recommendation-tracking&Table=providers");
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "audit-service");
        Assert.Contains("insert of a row in providers", await page.Locator("#service-audit").InnerTextAsync());

        await page.GotoAsync("/audit?Source=recommendation-tracking&Trace=not-a-trace");
        Assert.Contains("must be 32 lower-case hex digits", await page.Locator(".govuk-error-summary").InnerTextAsync());

        var lead = await admin.PageAsAsync(Role.LeadInspector);
        Assert.Equal(403, (await lead.GotoAsync("/audit?Source=recommendation-tracking"))!.Status);
    }

    private static Task<HttpResponseMessage> RequestTokenAsync(HttpClient http, string clientId, string secret, string? scope = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(scope is null
                ? new Dictionary<string, string> { ["grant_type"] = "client_credentials" }
                : new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = scope }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Uri.EscapeDataString(clientId) + ":" + Uri.EscapeDataString(secret))));
        return http.SendAsync(request);
    }
}
