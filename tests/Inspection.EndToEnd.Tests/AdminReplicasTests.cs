using System.Net;
using System.Text.RegularExpressions;
using Inspection.Testing;

namespace Inspection.EndToEnd.Tests;

/// <summary>
/// Two copies of the admin on one database (issue 24): the data-protection key ring lives in that database, so a
/// sign-in made on one copy is good on the other, a form one copy served is accepted by the other (antiforgery), and
/// after both restart everyone is still signed in.
/// </summary>
public sealed class AdminReplicasTests
{
    private const string Email = "admin@inspection.local";

    [Fact]
    public async Task A_sign_in_on_one_copy_holds_on_the_other_and_across_restarts_of_both()
    {
        const string password = "replica-test-Password-1";
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Default"] = await PostgresServer.Shared.CreateDatabaseAsync("replica_admin"),
            ["Admin__InitialPassword"] = password,
        };
        var first = ServiceProcess.Start("admin", Apps.Admin, environment);
        var second = ServiceProcess.Start("admin", Apps.Admin, environment);   // both start together on an empty database
        using var cookies = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        try
        {
            // Cookies are kept per host (127.0.0.1), not per port: the browser carries one set to both copies, as it
            // would to one address in front of two copies.
            using var onFirst = new HttpClient(cookies, disposeHandler: false) { BaseAddress = new Uri(first.HttpAddress) };
            using var onSecond = new HttpClient(cookies, disposeHandler: false) { BaseAddress = new Uri(second.HttpAddress) };
            await WaitUntilReadyAsync(onFirst, first);
            await WaitUntilReadyAsync(onSecond, second);

            // sign in on the first copy
            var signIn = await onFirst.PostAsync("/sign-in", Form(await TokenAsync(onFirst, "/sign-in"),
                ("Input.Email", Email), ("Input.Password", password)));
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

            // the second copy reads the first's cookie, and takes a form the first served (its antiforgery token)
            var token = await TokenAsync(onFirst, "/account/change-password");
            var changed = await onSecond.PostAsync("/account/change-password", Form(token,
                ("Input.CurrentPassword", password), ("Input.NewPassword", password + "-changed"), ("Input.ConfirmPassword", password + "-changed")));
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
            Assert.DoesNotContain("sign-in", changed.Headers.Location?.ToString() ?? "");
            Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync("/accounts")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/accounts")).StatusCode);
            var tokenBeforeRestart = await TokenAsync(onSecond, "/account/change-password");
            // the ring is read once the migrations and the key are there, never before (no error on a new database)
            Assert.False((first.Output + second.Output).Contains("An error occurred while reading the key ring"), first.Output + second.Output);

            // both stop (SIGTERM) and start again, on new ports of the same host
            await first.StopAsync();
            await second.StopAsync();
            await first.DisposeAsync();
            await second.DisposeAsync();
            first = ServiceProcess.Start("admin", Apps.Admin, environment);
            second = ServiceProcess.Start("admin", Apps.Admin, environment);
            using var onFirstAgain = new HttpClient(cookies, disposeHandler: false) { BaseAddress = new Uri(first.HttpAddress) };
            using var onSecondAgain = new HttpClient(cookies, disposeHandler: false) { BaseAddress = new Uri(second.HttpAddress) };
            await WaitUntilReadyAsync(onFirstAgain, first);
            await WaitUntilReadyAsync(onSecondAgain, second);

            // still signed in on both, and a form served before the restart is still accepted
            foreach (var copy in new[] { onFirstAgain, onSecondAgain })
            {
                var page = await copy.GetAsync("/accounts");
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Contains(Email, await page.Content.ReadAsStringAsync());
            }
            var again = await onFirstAgain.PostAsync("/account/change-password", Form(tokenBeforeRestart,
                ("Input.CurrentPassword", password + "-changed"), ("Input.NewPassword", password + "-again"), ("Input.ConfirmPassword", password + "-again")));
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

            // one key for both copies, stored encrypted (no key material in the clear)
            await using var connection = new Npgsql.NpgsqlConnection(environment["ConnectionStrings__Default"]);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("select xml from data_protection_keys", connection);
            var stored = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync()) while (await reader.ReadAsync()) stored.Add(reader.GetString(0));
            var key = Assert.Single(stored);
            Assert.Contains("encryptedKey", key);
            Assert.DoesNotContain("<masterKey", key);
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
        }
    }

    private static async Task<string> TokenAsync(HttpClient copy, string path)
    {
        var form = await copy.GetStringAsync(path);
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        return token;
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));

    private static async Task WaitUntilReadyAsync(HttpClient copy, ServiceProcess admin)
    {
        var until = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < until)
        {
            if (admin.HasExited) throw new InvalidOperationException("admin exited:\n" + admin.Output);
            try
            {
                if ((await copy.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("admin not ready:\n" + admin.Output);
    }
}
