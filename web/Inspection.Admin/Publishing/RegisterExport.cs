using Inspection.ServiceDefaults;
using System.Globalization;
using Inspection.Admin.Presentation;
using Inspection.Recommendations.V1;
using CallOptions = Grpc.Core.CallOptions;

namespace Inspection.Admin.Publishing;

/// <summary>The register as exported: when it was read, the filters in words, and one row per recommendation.</summary>
public sealed record RegisterRows(DateTimeOffset AsOf, IReadOnlyList<(string Label, string Value)> Filters, Table Table);

/// <summary>
/// The recommendations register as filtered on the tracker page (issue 25), every page of it, to CSV and XLSX with the
/// date and time it was read: each recommendation with its inspection, its provider and the provider that carries it
/// on today (through the restructures), the latest progress judgement and the inspection that made it, and the plan.
/// </summary>
public sealed class RegisterExport(RecommendationTracking.RecommendationTrackingClient tracking, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "number", "recommendation_id", "inspection_id", "inspection", "inspection_published_on", "provider_id", "provider", "current_provider_id",
        "current_provider", "addressee_group", "addressee", "priority", "text", "open", "latest_judgement", "latest_judgement_inspection_id",
        "latest_judgement_made_at", "latest_judgement_on", "improvement_plan_due", "improvement_plan_received_on", "improvement_plan_overdue",
    ];

    public static readonly IReadOnlyList<KeyEntry> Key =
    [
        new("Register", "number", "The recommendation's number in its inspection's report."),
        new("Register", "recommendation_id", "Its identity in the register (stable)."),
        new("Register", "inspection_id", "The inspection that made it."),
        new("Register", "inspection", "That inspection: the provider inspected and the fieldwork date."),
        new("Register", "inspection_published_on", "The date the inspection's report was published (YYYY-MM-DD); empty when not yet published."),
        new("Register", "provider_id", "The provider the inspection inspected."),
        new("Register", "provider", "Its name."),
        new("Register", "current_provider_id", "The provider that carries the recommendation on today: the inspected provider, or the provider(s) formed from it by restructures (several joined by ; where it was split)."),
        new("Register", "current_provider", "Their names, joined by ; in the same order."),
        new("Register", "addressee_group", "provider, region, hmpps or moj."),
        new("Register", "addressee", "Who the recommendation is addressed to (\"<addressee> should:\")."),
        new("Register", "priority", "true for a priority recommendation."),
        new("Register", "text", "The recommendation as the report words it."),
        new("Register", "open", "false once judged Sufficient progress."),
        new("Register", "latest_judgement", "The latest progress judgement: No progress, Some progress or Sufficient progress; empty when never judged."),
        new("Register", "latest_judgement_inspection_id", "The inspection at which it was judged."),
        new("Register", "latest_judgement_made_at", "That inspection: the provider inspected and the fieldwork date."),
        new("Register", "latest_judgement_on", "When that judgement was recorded (YYYY-MM-DD)."),
        new("Register", "improvement_plan_due", "When the improvement plan was due (YYYY-MM-DD)."),
        new("Register", "improvement_plan_received_on", "When it was received (YYYY-MM-DD); empty when not received."),
        new("Register", "improvement_plan_overdue", "true when open, past its due date and no plan received."),
    ];

    public async Task<RegisterRows> ReadAsync(ListRecommendationsRequest filter, IReadOnlyList<(string Label, string Value)> filters, CancellationToken ct)
    {
        var options = new CallOptions(deadline: GrpcDeadlines.After(TimeSpan.FromSeconds(30)), cancellationToken: ct);
        var asOf = clock.GetUtcNow();
        var recommendations = new List<Recommendation>();
        var request = filter.Clone();
        request.PageSize = 1000;
        request.PageToken = "";
        while (true)
        {
            var page = await tracking.ListRecommendationsAsync(request, options);
            recommendations.AddRange(page.Recommendations);
            if (string.IsNullOrEmpty(page.NextPageToken)) break;
            request.PageToken = page.NextPageToken;
        }

        var inspectionIds = recommendations.Select(r => r.InspectionId)
            .Concat(recommendations.Where(r => r.LatestJudgement is not null).Select(r => r.LatestJudgement.InspectionId)).Distinct().ToList();
        var inspections = (await Task.WhenAll(inspectionIds.Select(id =>
                ReportRecord.Try(() => tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options)))))
            .Where(i => i is not null).ToDictionary(i => i!.InspectionId, i => i!);
        var lineages = (await Task.WhenAll(recommendations.Select(r => r.ProviderId).Distinct().Select(id =>
                ReportRecord.Try(() => tracking.GetLineageAsync(new GetLineageRequest { ProviderId = id }, options)))))
            .Where(l => l is not null).ToDictionary(l => l!.Provider.ProviderId, l => l!);

        string Made(string inspectionId) => inspections.TryGetValue(inspectionId, out var i) ? $"{i.ProviderName}, fieldwork from {DisplayDate.Format(i.FieldworkStart)}" : "";
        var rows = recommendations.OrderBy(r => inspections.TryGetValue(r.InspectionId, out var i) ? i.FieldworkStart : "").ThenBy(r => r.InspectionId).ThenBy(r => r.Number)
            .Select(r =>
            {
                var (currentIds, currentNames) = Current(r.ProviderId, lineages);
                var judgement = r.LatestJudgement;
                return new object?[]
                {
                    r.Number, r.RecommendationId, r.InspectionId, Made(r.InspectionId), Empty(r.InspectionPublishedOn), r.ProviderId,
                    lineages.TryGetValue(r.ProviderId, out var l) ? l.Provider.Name : inspections.GetValueOrDefault(r.InspectionId)?.ProviderName,
                    currentIds, currentNames, r.AddresseeGroup, r.AddresseeName, r.Priority, r.Text, r.Open,
                    Empty(judgement?.Judgement), Empty(judgement?.InspectionId), judgement is null ? null : Made(judgement.InspectionId),
                    judgement?.RecordedAt is { } at ? at.ToDateTimeOffset().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                    Empty(r.ImprovementPlanDue), Empty(r.ImprovementPlanReceivedOn), r.ImprovementPlanOverdue,
                };
            }).ToList();
        return new RegisterRows(asOf, filters, new Table("Register", Columns, rows));
    }

    /// <summary>The providers formed from this one that have no successor themselves (today's), or the provider itself.</summary>
    private static (string Ids, string Names) Current(string providerId, IReadOnlyDictionary<string, Lineage> lineages)
    {
        if (!lineages.TryGetValue(providerId, out var lineage)) return (providerId, "");
        var formed = lineage.Successors.Select(s => s.Provider).ToList();
        var current = formed.Where(p => lineage.Successors.All(s => s.PredecessorProviderId != p.ProviderId)).DistinctBy(p => p.ProviderId).ToList();
        if (current.Count == 0) return (lineage.Provider.ProviderId, lineage.Provider.Name);
        return (string.Join(";", current.Select(p => p.ProviderId)), string.Join(";", current.Select(p => p.Name)));
    }

    private static string? Empty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static IEnumerable<(string Label, string Value)> About(RegisterRows register) =>
        [("As of", register.AsOf.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)), .. register.Filters];

    public static byte[] Xlsx(RegisterRows register) => Spreadsheets.Xlsx(About(register), Key, register.Table);

    /// <summary>CSV: the "as of" row and the filters first (label, value), then the register's headings and rows.</summary>
    public static byte[] Csv(RegisterRows register) => Spreadsheets.Csv(register.Table, About(register));
}
