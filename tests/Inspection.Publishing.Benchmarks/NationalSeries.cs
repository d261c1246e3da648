using System.Text.Json;
using Inspection.Admin.Tests;
using Inspection.Data;
using Inspection.Domain;
using Inspection.Recommendations.Application;
using Inspection.Recommendations.Domain.Inspections;
using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers and publishes inspections for the time-series benchmark: providers of four inspections each (2021 to
/// 2024), one in five formed from a predecessor by a restructure, each inspection published (as a report published
/// before the system, the register's own use case) and given the 2022 Lewisham reference report's ratings as its
/// published results (scoring stores them as its published figures), through the services' own RPCs and use cases.
/// </summary>
internal static class NationalSeries
{
    public static async Task<int> SeedAsync(AdminFixture admin, int inspections)
    {
        var tracking = admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        var reports = admin.Scoring.Services.GetRequiredService<Inspection.Scoring.Application.PublishedReports>();
        var framework = admin.Scoring.Services.GetRequiredService<Inspection.Scoring.Domain.Frameworks.FrameworkCatalogue>().Get("pdu-2021-2023");
        var calendar = admin.Tracking.Services.GetRequiredService<InspectionCalendar>();
        using var references = JsonDocument.Parse(await File.ReadAllTextAsync(DomainData.ReferenceInspectionsPath));
        var lewisham = references.RootElement.GetProperty("inspections").EnumerateArray().Single(i => i.GetProperty("provider").GetString() == "Lewisham and Bromley PDU");
        var input = Inspection.Scoring.Demo.DemoData.PublishedInputFor(framework, lewisham);
        var regions = new[] { "London", "Wales", "North West", "West Midlands", "South West" };
        var run = Guid.NewGuid().ToString("N")[..6];
        var providers = (inspections + 3) / 4;
        var made = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, providers), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (p, ct) =>
        {
            var region = regions[p % regions.Length];
            var provider = await tracking.CreateProviderAsync(new CreateProviderRequest
            {
                RequestId = $"bench-{run}-p{p}", Name = $"Benchmark PDU {run} {p}", Type = "pdu", Region = region, CreatedBy = "benchmark",
            }, cancellationToken: ct);
            if (p % 5 == 0)
            {
                var predecessor = await tracking.CreateProviderAsync(new CreateProviderRequest
                {
                    RequestId = $"bench-{run}-q{p}", Name = $"Benchmark predecessor {run} {p}", Type = "crc", Region = region, CreatedBy = "benchmark",
                }, cancellationToken: ct);
                await tracking.RecordRestructureAsync(new RecordRestructureRequest
                {
                    RequestId = $"bench-{run}-r{p}", ProviderId = provider.ProviderId, ExpectedVersion = provider.Version, EffectiveOn = "2021-06-26",
                    Predecessors = { new PredecessorPart { ProviderId = predecessor.ProviderId, Note = "the whole area" } }, Note = "benchmark", RecordedBy = "benchmark",
                }, cancellationToken: ct);
            }
            for (var i = 0; i < 4 && p * 4 + i < inspections; i++)
            {
                var year = 2021 + i;
                var inspection = await tracking.CreateInspectionAsync(new CreateInspectionRequest
                {
                    RequestId = $"bench-{run}-i{p}-{i}", ProviderId = provider.ProviderId, FrameworkId = "pdu-2021-2023",
                    FieldworkStart = $"{year}-03-01", FieldworkEnd = $"{year}-03-12", CreatedBy = "benchmark",
                }, cancellationToken: ct);
                await calendar.RecordEarlierPublicationAsync($"bench-{run}-pub{p}-{i}",
                    InspectionPublication.Create(inspection.InspectionId, $"{year}-06-{1 + p % 28:00}", "benchmark"), inspection.Version, ct);
                // As the demo data records a report published before the system (the same use case RecordPublishedResults runs).
                await reports.RecordAsync(inspection.InspectionId, input, "benchmark", "benchmark", null,
                    new RequestKey($"bench-{run}-res{p}-{i}", nameof(RecordPublishedResultsRequest), "benchmark"), ct);
                Interlocked.Increment(ref made);
            }
        });
        return made;
    }
}
