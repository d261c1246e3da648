using System.Diagnostics;
using System.Net;

namespace Inspection.Admin.Load;

/// <summary>
/// The pages of a working day, in the order one member of staff goes through them: the home dashboard, the tracker,
/// the inspection, one case's assessment standard page, the ratings, the report, and saving that standard page (its
/// form posted back as loaded, antiforgery token included). Each user works on a case of their own, so saves never meet.
/// </summary>
public sealed class WorkingDay(WorkingInspection inspection)
{
    public const string Home = "home", Tracker = "tracker", Inspection = "inspection", Standard = "standard page",
        Ratings = "ratings", Report = "report", FormPost = "form post";

    public static IReadOnlyList<string> Pages { get; } = [Home, Tracker, Inspection, Standard, Ratings, Report, FormPost];

    /// <summary>Loads page <paramref name="step"/> (an index into <see cref="Pages"/>) as <paramref name="user"/>, into <paramref name="statistics"/>.</summary>
    public async Task VisitAsync(int user, StaffSession staff, int step, PageStatistics statistics, CancellationToken ct)
    {
        var page = Pages[step % Pages.Count];
        var id = inspection.InspectionId;
        var standardPath = $"/inspections/{id}/assessments/{Uri.EscapeDataString(inspection.Cases[user % inspection.Cases.Count])}/standards/{Uri.EscapeDataString(inspection.StandardId)}";
        switch (page)
        {
            case Home: await GetAsync(staff, page, "/", statistics, ct); break;
            case Tracker: await GetAsync(staff, page, "/recommendations", statistics, ct); break;
            case Inspection: await GetAsync(staff, page, $"/inspections/{id}", statistics, ct); break;
            case Ratings: await GetAsync(staff, page, $"/inspections/{id}/ratings", statistics, ct); break;
            case Report: await GetAsync(staff, page, $"/inspections/{id}/report", statistics, ct); break;
            case Standard:
                if (await GetAsync(staff, page, standardPath, statistics, ct) is { } html) staff.LastStandardForm = StaffSession.Form(html, "RequestId");
                break;
            case FormPost:
                // a user who began the day past the standard page loads it first (measured as that page)
                if (staff.LastStandardForm is null && await GetAsync(staff, Standard, standardPath, statistics, ct) is { } loaded)
                    staff.LastStandardForm = StaffSession.Form(loaded, "RequestId");
                if (staff.LastStandardForm is { } form) await PostAsync(staff, standardPath, form, statistics, ct);
                staff.LastStandardForm = null;
                break;
        }
    }

    /// <summary>A page: 200 and not the error page, else an error with what came back.</summary>
    private static async Task<string?> GetAsync(StaffSession staff, string page, string path, PageStatistics statistics, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var reply = await staff.Next().GetAsync(path, ct);
            var html = await reply.Content.ReadAsStringAsync(ct);
            var problem = reply.StatusCode != HttpStatusCode.OK ? $"{(int)reply.StatusCode} {reply.Headers.Location}" : ErrorPage(html);
            statistics.Record(page, clock.Elapsed, problem is null ? null : $"{path}: {problem}");
            return problem is null ? html : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            statistics.Record(page, clock.Elapsed, $"{path}: {e.GetType().Name} {e.Message}");
            return null;
        }
    }

    /// <summary>Saving the standard page: a redirect back to the case; the form again (a refusal) or the error page is an error.</summary>
    private static async Task PostAsync(StaffSession staff, string path, IReadOnlyList<KeyValuePair<string, string>> form, PageStatistics statistics, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var reply = await staff.Next().PostAsync(path, new FormUrlEncodedContent(form.Append(KeyValuePair.Create("then", "return"))), ct);
            var body = await reply.Content.ReadAsStringAsync(ct);
            var problem = reply.StatusCode == HttpStatusCode.Redirect && reply.Headers.Location?.ToString().Contains("/assessments/", StringComparison.Ordinal) == true
                ? null
                : $"{(int)reply.StatusCode} {reply.Headers.Location} {ErrorPage(body) ?? FirstError(body)}";
            statistics.Record(FormPost, clock.Elapsed, problem is null ? null : $"POST {path}: {problem}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            statistics.Record(FormPost, clock.Elapsed, $"POST {path}: {e.GetType().Name} {e.Message}");
        }
    }

    /// <summary>The error page's heading when this is the error page (the admin answers its errors with it).</summary>
    private static string? ErrorPage(string html) =>
        new[] { "Sorry, there is a problem with the service", "Sorry, the service is unavailable", "Page not found", "Sorry, there is a problem with what was sent" }
            .FirstOrDefault(heading => html.Contains(heading, StringComparison.Ordinal));

    private static string FirstError(string html)
    {
        var at = html.IndexOf("govuk-error-summary__list", StringComparison.Ordinal);
        return at < 0 ? "" : WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html.Substring(at, Math.Min(400, html.Length - at)), "<[^>]+>", " ")).Trim();
    }
}
