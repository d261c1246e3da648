using System.Globalization;
using System.Security.Cryptography;
using CsvHelper;
using Inspection.Admin.Accounts;
using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace Inspection.Admin.Tests;

/// <summary>
/// Issue 25: what the inspectorate publishes, straight from the record. The report PDF (printed by chromium from the
/// admin's report page) read back with poppler-utils and PdfPig against what the services hold; stored at publication
/// and served byte for byte; a correction makes a new version; a draft says DRAFT on every page. The data annexe and
/// the register export read back and compared figure for figure with GetInspectionRatings and ListRecommendations.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed class PublishingTests(AdminFixture admin)
{
    private RecommendationTracking.RecommendationTrackingClient Tracking => admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
    private AssessmentScoring.AssessmentScoringClient Scoring => admin.Scoring.CreateClient<AssessmentScoring.AssessmentScoringClient>();

    [Fact]
    public async Task The_reference_inspections_pdf_prints_every_published_figure_as_a_tagged_document_with_an_outline()
    {
        var inspection = await admin.InspectionOfAsync(AdminFixture.Bnes);
        var id = inspection.InspectionId;
        var ratings = await Scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = id });
        var due = await Tracking.ListDueForJudgementAsync(new ListDueForJudgementRequest { InspectionId = id });
        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync($"/inspections/{id}/report");
        await AxeCore.AssertAccessibleAsync(page);

        var pdf = await DownloadAsync(page, page.GetByTestId("report-pdf"));
        await File.WriteAllBytesAsync(Path.Combine(admin.ScreenshotDirectory, "report-bnes.pdf"), pdf);
        var read = await PdfReading.ReadAsync(pdf);
        await File.WriteAllTextAsync(Path.Combine(admin.ScreenshotDirectory, "report-bnes.txt"), read.Text);

        // The document: title, language, tagged (a structure tree), bookmarks, page numbers on every page.
        var title = $"An inspection of probation services in {AdminFixture.Bnes}";
        Assert.Equal(title, read.Info["Title"]);
        Assert.Equal(title, read.Title);
        Assert.StartsWith("en", read.Language, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("yes", read.Info["Tagged"]);
        Assert.True(read.HasStructureTree);
        foreach (var heading in new[] { "Contents", "Ratings", "Recommendations", "Key questions", "Annex: Progress against previous recommendations", "Annex: Inspection data" })
            // The start of the heading: Chromium writes the first line of a heading that opens a page twice into its outline title.
            Assert.Contains(read.Bookmarks, b => b.StartsWith(heading[..Math.Min(heading.Length, 20)], StringComparison.Ordinal));
        for (var i = 0; i < read.Pages.Count; i++) Assert.Contains($"Page {i + 1} of {read.Pages.Count}", read.Pages[i]);
        Assert.DoesNotContain("DRAFT", read.Text);
        // The shared reference inspection may have been corrected by another test of this run: the PDF says "Amended"
        // exactly when the report page it is printed from does.
        Assert.Equal(await page.Locator("main").InnerTextAsync() is var shown && shown.Contains("Amended", StringComparison.Ordinal),
            read.Text.Contains("Amended", StringComparison.Ordinal));

        // Every published figure, as the ratings give them.
        var words = read.Words;
        Assert.Contains($"Overall rating: {ratings.Overall.Rating}", words);
        Assert.Contains($"Score {ratings.Overall.Score} out of {ratings.Overall.MaxScore}", words);
        var lines = read.Text.Split('\n');
        foreach (var s in ratings.Standards.Where(s => s.Rated))
        {
            Assert.False(string.IsNullOrEmpty(s.FinalRating));
            // The rating's first word on the standard's line ("Requires improvement" wraps in its cell), the whole rating in the text.
            Assert.Contains(lines, l => l.Contains($"{s.StandardId} {s.Name.Split(' ')[0]}", StringComparison.Ordinal) && l.Contains(s.FinalRating.Split(' ')[0], StringComparison.Ordinal));
            Assert.Contains(s.FinalRating, words);
            foreach (var q in s.KeyQuestions.Where(q => q.HasPct))
                Assert.Contains(lines, l => l.TrimStart().StartsWith(q.QuestionId + " ", StringComparison.Ordinal) && l.Contains($"{q.Pct}%", StringComparison.Ordinal));
        }
        // The annex: the nine recommendations judged at this inspection, each with its judgement.
        var judged = due.Recommendations.Where(r => r.JudgementAtThisInspection is not null).ToList();
        Assert.Equal(9, judged.Count);
        // The annex's own heading (the last one: the contents list names it first), up to the next annex. The corrections
        // section, printed when another test of this run has corrected this shared reference inspection, names
        // judgements too and stays outside.
        var annexStart = words.LastIndexOf("Annex: Progress against previous recommendations", StringComparison.Ordinal);
        var annexEnd = words.IndexOf("Annex: Inspection data", annexStart + 1, StringComparison.Ordinal);
        if (annexEnd < 0) annexEnd = words.Length;
        var annex = PdfReading.Flat(words[annexStart..annexEnd]);
        foreach (var r in judged)
        {
            var text = PdfReading.Flat($"{r.Recommendation.AddresseeName} should: {r.Recommendation.Text}");
            var at = annex.IndexOf(text[..Math.Min(60, text.Length)], StringComparison.Ordinal);
            Assert.True(at >= 0, $"The annex does not print: {text}");
            Assert.Contains(r.JudgementAtThisInspection.Judgement, annex[at..]);
        }
        Assert.Equal(judged.Count(r => r.JudgementAtThisInspection.Judgement == "Sufficient progress"), Count(annex, "Sufficient progress"));
        Assert.Equal(judged.Count(r => r.JudgementAtThisInspection.Judgement == "Some progress"), Count(annex, "Some progress"));
        Assert.Equal(judged.Count(r => r.JudgementAtThisInspection.Judgement == "No progress"), Count(annex, "No progress"));

        // Stored at the first download: the page lists version 1 with its digest, and every download is the same file.
        var again = await FetchAsync(page, $"/inspections/{id}/report?handler=pdf");
        if (!pdf.AsSpan().SequenceEqual(again.Body))
        {
            await page.ReloadAsync();
            Assert.Fail($"The second download ({again.ETag}) is not the first ({Sha256(pdf)}); the page lists: {await page.GetByTestId("report-versions").InnerTextAsync()}");
        }
        Assert.Equal($"\"{Sha256(pdf)}\"", again.ETag);
        await page.ReloadAsync();
        Assert.Contains(Sha256(pdf), await page.GetByTestId("report-versions").InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "report-downloads");
        // The version the download is: version 1 when nothing has been corrected, a later one when another test of this
        // run has corrected this shared reference inspection (each correction makes the next version).
        var version = System.Text.RegularExpressions.Regex.Match(again.Disposition, @"report-version-(\d+)\.pdf").Groups[1].Value;
        Assert.NotEmpty(version);
        Assert.Equal(pdf, await DownloadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = $"Version {version} (PDF)" })));
    }

    [Fact]
    public async Task Publishing_stores_the_pdf_and_a_correction_makes_a_new_version_saying_amended_with_both_kept()
    {
        var planned = await DatesAndCorrectionsTests.ReadyToPublishAsync(admin, "Printed");
        var id = planned.InspectionId;
        var page = await admin.PageAsAsync(Role.LeadInspector);
        await page.GotoAsync($"/inspections/{id}/publish");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        Assert.EndsWith($"/inspections/{id}/published", page.Url);

        // Printed and stored at publication: version 1 is listed before anyone downloads it.
        await page.GotoAsync($"/inspections/{id}/report");
        var versions = page.GetByTestId("report-versions");
        Assert.Contains("Version 1 (PDF), as published", await versions.InnerTextAsync());
        var first = await DownloadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Version 1 (PDF)" }));
        var firstRead = await PdfReading.ReadAsync(first);
        Assert.DoesNotContain("Amended", firstRead.Text);
        Assert.Contains(planned.Provider.Name, firstRead.Words);

        var inspection = await Tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id });
        const string reason = "The fieldwork started a day later than first recorded";
        await Tracking.CorrectPublishedInspectionAsync(new CorrectPublishedInspectionRequest
        {
            RequestId = "correct-" + planned.Unique, InspectionId = id, ExpectedVersion = inspection.Version, FieldworkStart = "2022-06-07",
            CorrectionReason = reason, CorrectedBy = "admin-tests",
        });

        var corrected = await FetchAsync(page, $"/inspections/{id}/report?handler=pdf");
        Assert.Contains("report-version-2.pdf", corrected.Disposition);
        var read = await PdfReading.ReadAsync(corrected.Body);
        Assert.Contains("Amended", read.Words);
        Assert.Contains(reason, read.Words);
        Assert.Contains(read.Bookmarks, b => b.StartsWith("Corrections since publication", StringComparison.Ordinal));

        // Both versions stay downloadable, each byte for byte as stored.
        await page.ReloadAsync();
        Assert.Equal(2, await page.GetByTestId("report-versions").Locator("tbody tr").CountAsync());
        Assert.Equal(first, (await FetchAsync(page, $"/inspections/{id}/report?handler=version&version=1")).Body);
        Assert.Equal(corrected.Body, (await FetchAsync(page, $"/inspections/{id}/report?handler=version&version=2")).Body);
        Assert.Equal(corrected.Body, (await FetchAsync(page, $"/inspections/{id}/report?handler=pdf")).Body);
        Assert.Equal(404, (await page.APIRequest.GetAsync($"/inspections/{id}/report?handler=version&version=3")).Status);
    }

    [Fact]
    public async Task A_published_report_is_not_printed_for_the_record_while_a_service_does_not_answer()
    {
        var planned = await DatesAndCorrectionsTests.ReadyToPublishAsync(admin, "Half read");
        var id = planned.InspectionId;
        await Tracking.PublishInspectionAsync(new PublishInspectionRequest
        {
            RequestId = "pub-" + planned.Unique, InspectionId = id, ExpectedVersion = (await Tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id })).Version,
            // Published today: its improvement plan is not yet due, so it joins no other test's list of overdue plans.
            PublishedOn = global::Inspection.Domain.Dates.EnglandCalendar.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), PublishedBy = "admin-tests",
        });

        // A second admin over the same database whose organisational evidence is somewhere nothing listens: the report
        // would print without its staffing annex and judgements, and that PDF would be kept as the record.
        var settings = new Dictionary<string, string?>(admin.AdminSettings)
        {
            ["Services:recommendation-tracking:GrpcUrl"] = admin.Tracking.GrpcAddress,
            ["Services:case-sampling:GrpcUrl"] = admin.Sampling.GrpcAddress,
            ["Services:assessment-scoring:GrpcUrl"] = admin.Scoring.GrpcAddress,
            ["Services:organisational-evidence:GrpcUrl"] = $"http://127.0.0.1:{AdminFixture.FreePort()}",
        };
        var (factory, baseUrl) = await AdminFixture.StartAdminAsync(settings);
        await using (factory)
        {
            var page = await admin.AnonymousPageAsync();
            await page.GotoAsync(baseUrl + "/sign-in");
            await page.GetByLabel("Email address").FillAsync(AdminFixture.EmailFor(Role.Viewer));
            await page.GetByLabel("Password").FillAsync(AdminFixture.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            var refused = await page.APIRequest.GetAsync($"{baseUrl}/inspections/{id}/report?handler=pdf", new() { MaxRedirects = 0 });
            Assert.Equal(302, refused.Status);
            Assert.Equal(503, (await page.APIRequest.GetAsync($"{baseUrl}/inspections/{id}/report?print=true")).Status);
            await page.GotoAsync($"{baseUrl}/inspections/{id}/report");
            Assert.Contains("could not be printed just now, and nothing was stored", await page.GetByTestId("important").InnerTextAsync());
            Assert.Equal(0, await page.GetByTestId("report-versions").CountAsync());
        }

        // With every service answering, the first download prints and keeps version 1.
        var whole = await admin.PageAsAsync(Role.Viewer);
        await whole.GotoAsync($"/inspections/{id}/report");
        var read = await PdfReading.ReadAsync(await DownloadAsync(whole, whole.GetByTestId("report-pdf")));
        Assert.Equal($"An inspection of probation services in {planned.Provider.Name}", read.Title);
        await whole.ReloadAsync();
        Assert.Equal(1, await whole.GetByTestId("report-versions").Locator("tbody tr").CountAsync());
    }

    [Fact]
    public async Task A_drafts_pdf_says_draft_on_every_page_and_is_not_kept()
    {
        var planned = await DatesAndCorrectionsTests.ReadyToPublishAsync(admin, "Draft print");
        var page = await admin.PageAsAsync(Role.Inspector);
        await page.GotoAsync($"/inspections/{planned.InspectionId}");
        await AxeCore.AssertAccessibleAsync(page);
        var pdf = await DownloadAsync(page, page.GetByTestId("inspection-report-pdf"));
        var read = await PdfReading.ReadAsync(pdf);

        Assert.True(read.Pages.Count > 1);
        for (var i = 0; i < read.Pages.Count; i++) Assert.Contains("DRAFT", read.Pages[i]);
        Assert.StartsWith("DRAFT", read.Info["Title"]);
        await page.GotoAsync($"/inspections/{planned.InspectionId}/report");
        Assert.Equal(0, await page.GetByTestId("report-versions").CountAsync());
        await AxeCore.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_data_annexe_gives_the_ratings_figures_figure_for_figure_with_a_key_for_every_column()
    {
        var inspection = await admin.InspectionOfAsync(AdminFixture.Bnes);
        var id = inspection.InspectionId;
        var ratings = await Scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = id });
        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync($"/inspections/{id}");
        var xlsx = await DownloadAsync(page, page.GetByTestId("inspection-annexe-xlsx"));

        using var stream = new MemoryStream(xlsx);
        Assert.Equal(["Key", "Figures", "Sample", "Strata", "Composition"], MiniExcel.GetSheetNames(stream));
        var key = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Key").Cast<IDictionary<string, object?>>().ToList();
        var figures = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Figures").Cast<IDictionary<string, object?>>().ToList();
        foreach (var sheet in new[] { "Figures", "Sample", "Strata", "Composition" })
            foreach (var column in MiniExcel.GetColumns(stream, useHeaderRow: true, sheetName: sheet))
                Assert.Contains(key, k => k["sheet"]?.ToString() == sheet && k["column"]?.ToString() == column && k["meaning"]?.ToString()?.Length > 10);

        await page.GotoAsync($"/inspections/{id}/report");
        var csv = await DownloadAsync(page, page.GetByTestId("annexe-csv"));
        using var reader = new CsvReader(new StringReader(System.Text.Encoding.UTF8.GetString(csv)), CultureInfo.InvariantCulture);
        var csvRows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();

        var questions = ratings.Standards.SelectMany(s => s.KeyQuestions.Select(q => (s, q))).ToList();
        Assert.Equal(questions.Count, figures.Count(f => f["level"]?.ToString() == "key_question"));
        Assert.Equal(figures.Count, csvRows.Count);
        foreach (var (s, q) in questions)
        {
            var row = figures.Single(f => f["question_id"]?.ToString() == q.QuestionId && f["level"]?.ToString() == "key_question");
            var line = csvRows.Single(f => f["question_id"].ToString() == q.QuestionId && f["level"].ToString() == "key_question");
            Assert.Equal(s.StandardId, row["standard_id"]?.ToString());
            Assert.Equal(q.HasN ? q.N.ToString(CultureInfo.InvariantCulture) : "", Cell(row["applicable_cases"]));
            Assert.Equal(q.HasK ? q.K.ToString(CultureInfo.InvariantCulture) : "", Cell(row["yes"]));
            Assert.Equal(q.HasPct ? q.Pct.ToString(CultureInfo.InvariantCulture) : "", Cell(row["percentage_printed"]));
            Assert.Equal(q.HasDesignCiLowerPct ? Math.Round(q.DesignCiLowerPct, 1).ToString(CultureInfo.InvariantCulture) : "", Cell(row["interval_lower_pct"]));
            Assert.Equal(q.HasDesignCiUpperPct ? Math.Round(q.DesignCiUpperPct, 1).ToString(CultureInfo.InvariantCulture) : "", Cell(row["interval_upper_pct"]));
            Assert.Equal(q.IntervalMethod, Cell(row["interval_method"]));
            Assert.Equal(s.FinalRating, Cell(row["standard_rating"]));
            Assert.Equal(q.DesignBorderline, row["borderline"] is bool b ? b : bool.Parse(Cell(row["borderline"])));
            // The CSV says the same as the spreadsheet.
            foreach (var column in new[] { "applicable_cases", "yes", "percentage_printed", "interval_lower_pct", "interval_upper_pct", "interval_method", "standard_rating" })
                Assert.Equal(Cell(row[column]), line[column].ToString());
        }
        // The reference inspection's figures came from its published report: every key question with n has Wilson's interval.
        Assert.All(questions.Where(x => x.q.HasN), x => Assert.Equal("wilson", x.q.IntervalMethod));
    }

    [Fact]
    public async Task The_register_export_is_the_tracker_as_filtered_every_page_with_its_as_of_time()
    {
        var bnes = (await Tracking.ListProvidersAsync(new ListProvidersRequest { NameContains = AdminFixture.Bnes })).Providers.Single(p => p.Name == AdminFixture.Bnes);
        var page = await admin.PageAsAsync(Role.Viewer);
        await page.GotoAsync($"/recommendations?provider={bnes.ProviderId}&predecessors=true");
        await AxeCore.AssertAccessibleAsync(page);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var xlsx = await DownloadAsync(page, page.GetByTestId("register-xlsx"));
        var csv = await DownloadAsync(page, page.GetByTestId("register-csv"));

        var expected = (await Tracking.ListRecommendationsAsync(new ListRecommendationsRequest { ProviderId = bnes.ProviderId, IncludePredecessors = true, PageSize = 1000 })).Recommendations;

        using var stream = new MemoryStream(xlsx);
        var key = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Key").Cast<IDictionary<string, object?>>().ToList();
        var asOf = DateTimeOffset.Parse(key.Single(k => k["column"]?.ToString() == "As of")["meaning"]!.ToString()!, CultureInfo.InvariantCulture);
        Assert.InRange(asOf, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Contains(key, k => k["column"]?.ToString() == "Provider" && k["meaning"]?.ToString() == $"{AdminFixture.Bnes}, with its predecessors");
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Register").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(expected.Count, rows.Count);

        var lines = System.Text.Encoding.UTF8.GetString(csv).Split('\n');
        Assert.StartsWith("As of,", lines[0]);
        var header = Array.FindIndex(lines, l => l.StartsWith("number,", StringComparison.Ordinal));
        using var reader = new CsvReader(new StringReader(string.Join('\n', lines[header..])), CultureInfo.InvariantCulture);
        var csvRows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(expected.Count, csvRows.Count);

        foreach (var r in expected)
        {
            var row = rows.Single(x => x["recommendation_id"]?.ToString() == r.RecommendationId);
            var line = csvRows.Single(x => x["recommendation_id"].ToString() == r.RecommendationId);
            Assert.Equal(r.Number.ToString(CultureInfo.InvariantCulture), Cell(row["number"]));
            Assert.Equal(r.InspectionId, Cell(row["inspection_id"]));
            Assert.Equal(r.AddresseeName, Cell(row["addressee"]));
            Assert.Equal(r.Text, Cell(row["text"]));
            Assert.Equal(r.LatestJudgement?.Judgement ?? "", Cell(row["latest_judgement"]));
            Assert.Equal(r.LatestJudgement?.InspectionId ?? "", Cell(row["latest_judgement_inspection_id"]));
            Assert.Equal(r.ImprovementPlanReceivedOn, Cell(row["improvement_plan_received_on"]));
            Assert.Equal(r.ImprovementPlanOverdue, row["improvement_plan_overdue"] is bool b ? b : bool.Parse(Cell(row["improvement_plan_overdue"])));
            Assert.Equal(r.Text, line["text"].ToString());
            Assert.Equal(r.LatestJudgement?.Judgement ?? "", line["latest_judgement"].ToString());
            // A predecessor's recommendation is carried on by the provider formed from it: BNES today.
            Assert.Contains(bnes.ProviderId, Cell(row["current_provider_id"]));
        }

        // Unfiltered: every page of the register, not the 25 on screen.
        await page.GotoAsync("/recommendations");
        var all = await DownloadAsync(page, page.GetByTestId("register-csv"));
        var total = (await Tracking.ListRecommendationsAsync(new ListRecommendationsRequest { PageSize = 1 })).Total;
        Assert.True(total > 25);
        var allLines = System.Text.Encoding.UTF8.GetString(all).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(total, allLines.Length - Array.FindIndex(allLines, l => l.StartsWith("number,", StringComparison.Ordinal)) - 1);
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static int Count(string text, string phrase)
    {
        var count = 0;
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + phrase.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Follows a download link as a person would, and returns the file.</summary>
    private static async Task<byte[]> DownloadAsync(IPage page, ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Null(await download.FailureAsync());
        return await File.ReadAllBytesAsync((await download.PathAsync())!);
    }

    private static async Task<(byte[] Body, string ETag, string Disposition)> FetchAsync(IPage page, string path)
    {
        var response = await page.APIRequest.GetAsync(path);
        Assert.Equal(200, response.Status);
        return (await response.BodyAsync(), response.Headers.GetValueOrDefault("etag", ""), response.Headers.GetValueOrDefault("content-disposition", ""));
    }
}
