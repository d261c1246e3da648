using System.Net;
using System.Text.RegularExpressions;

namespace Inspection.Admin.Load;

/// <summary>
/// One member of staff's browser: its own cookies and connections, signed in through the admin's sign-in form. With two
/// admin processes its requests go to each in turn, as a load balancer in front of them would send them; cookies are
/// kept per host, not per port, so the one sign-in is carried to both.
/// </summary>
public sealed partial class StaffSession : IDisposable
{
    private readonly SocketsHttpHandler _handler = new() { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
    private HttpClient[] _admins = [];
    private int _next;

    public StaffSession(IReadOnlyList<Uri> admins) => Use(admins);

    /// <summary>The form of the assessment standard page this user loaded last, to post back.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? LastStandardForm { get; set; }

    public void Use(IReadOnlyList<Uri> admins)
    {
        foreach (var client in _admins) client.Dispose();
        _admins = [.. admins.Select(a => new HttpClient(_handler, disposeHandler: false) { BaseAddress = a, Timeout = TimeSpan.FromSeconds(100) })];
    }

    /// <summary>The admin process the next request goes to.</summary>
    public HttpClient Next() => _admins[_next++ % _admins.Length];

    /// <summary>Signs in with the form (its antiforgery token from the page, the post answered with a redirect).</summary>
    public async Task SignInAsync(string email, string password)
    {
        var admin = Next();
        var form = Form(await admin.GetStringAsync("/sign-in"), "Input.Email");
        var fields = form.Where(f => f.Key is not ("Input.Email" or "Input.Password"))
            .Append(KeyValuePair.Create("Input.Email", email)).Append(KeyValuePair.Create("Input.Password", password));
        using var reply = await admin.PostAsync("/sign-in", new FormUrlEncodedContent(fields));
        if (reply.StatusCode != HttpStatusCode.Redirect || reply.Headers.Location?.ToString().Contains("sign-in", StringComparison.Ordinal) == true)
            throw new InvalidOperationException($"signing in as {email} answered {(int)reply.StatusCode} {reply.Headers.Location}");
    }

    /// <summary>
    /// The fields a browser would send from the page's form that holds a field named <paramref name="marker"/>: inputs
    /// with their values (radios and checkboxes only when checked), text areas, and the antiforgery token.
    /// </summary>
    public static List<KeyValuePair<string, string>> Form(string html, string marker)
    {
        var form = FormElement().Matches(html).Select(m => m.Value).FirstOrDefault(f => f.Contains($"name=\"{marker}\"", StringComparison.Ordinal))
                   ?? throw new InvalidOperationException($"no form with a field '{marker}' on the page");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match input in InputElement().Matches(form))
        {
            var attributes = Attribute().Matches(input.Value).ToDictionary(a => a.Groups[1].Value, a => WebUtility.HtmlDecode(a.Groups[2].Value), StringComparer.OrdinalIgnoreCase);
            if (!attributes.TryGetValue("name", out var name)) continue;
            var type = attributes.GetValueOrDefault("type", "text");
            if (type is "radio" or "checkbox" && !Checked().IsMatch(input.Value)) continue;
            if (type is "submit" or "button" or "file") continue;
            fields.Add(KeyValuePair.Create(name, attributes.GetValueOrDefault("value", "")));
        }
        foreach (Match area in TextArea().Matches(form))
            fields.Add(KeyValuePair.Create(WebUtility.HtmlDecode(area.Groups[1].Value), WebUtility.HtmlDecode(area.Groups[2].Value)));
        return fields;
    }

    public void Dispose()
    {
        foreach (var client in _admins) client.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("<form[\\s\\S]*?</form>")]
    private static partial Regex FormElement();

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex InputElement();

    [GeneratedRegex("([\\w-]+)=\"([^\"]*)\"")]
    private static partial Regex Attribute();

    [GeneratedRegex("\\schecked(\\s|=|/?>)")]
    private static partial Regex Checked();

    [GeneratedRegex("<textarea\\b[^>]*\\bname=\"([^\"]+)\"[^>]*>([\\s\\S]*?)</textarea>")]
    private static partial Regex TextArea();
}
