using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;

namespace Inspection.Admin.Tests;

/// <summary>
/// A new pdu-2021-2023 inspection of a new provider with a drawn sample of six cases (community orders, licences and
/// suspended sentence orders, none with a court report), set up through the services' own gRPC APIs.
/// </summary>
public sealed record SampledInspection(string InspectionId, string ProviderId, string ProviderName, IReadOnlyList<SampledCase> Cases)
{
    public static async Task<SampledInspection> CreateAsync(AdminFixture admin, string purpose, string leadInspector = "", string region = "Wales")
    {
        var tracking = admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        var sampling = admin.Sampling.CreateClient<CaseSampling.CaseSamplingClient>();
        var unique = Guid.NewGuid().ToString("N")[..8];
        var provider = await tracking.CreateProviderAsync(new CreateProviderRequest { RequestId = "p-" + unique, Name = $"{purpose} Test PDU {unique}", Type = "pdu", Region = region, CreatedBy = "admin-tests" });
        var inspection = await tracking.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = "i-" + unique, ProviderId = provider.ProviderId, FrameworkId = "pdu-2021-2023", FieldworkStart = "2022-06-06", LeadInspector = leadInspector, CreatedBy = "admin-tests",
        });
        var snapshot = await sampling.StartPopulationImportAsync(new StartPopulationImportRequest { RequestId = "s-" + unique, ProviderId = provider.ProviderId, TakenOn = "2021-12-01" });
        var batch = new ImportPopulationRequest { SnapshotId = snapshot.SnapshotId, FirstRowNumber = 2 };
        string[] sentences = ["community_order", "licence", "suspended_sentence_order"];
        for (var i = 0; i < 30; i++)
            batch.Cases.Add(new PopulationCase
            {
                CaseReference = $"A{i:000}", SentenceType = sentences[i % 3], StartDate = $"2021-11-{1 + i % 20:00}",
                Gender = i % 5 == 0 ? "female" : "male", EthnicGroup = "white", RoshLevel = i % 2 == 0 ? "low" : "high",
            });
        await sampling.ImportPopulationAsync(batch);
        await sampling.CompletePopulationImportAsync(new CompletePopulationImportRequest { SnapshotId = snapshot.SnapshotId, ExpectedCaseCount = 30 });
        var draw = new DrawSampleRequest { RequestId = "d-" + unique, InspectionId = inspection.InspectionId, SnapshotId = snapshot.SnapshotId, FixedSize = 6, Seed = 7, DrawnBy = "admin-tests", Eligibility = new Eligibility() };
        draw.Eligibility.Windows.Add(new DateWindow { FirstDay = "2021-11-01", LastDay = "2021-11-30" });
        var sample = await sampling.DrawSampleAsync(draw);
        return new SampledInspection(inspection.InspectionId, provider.ProviderId, provider.Name, sample.Cases.Where(c => c.Status == "active").ToList());
    }
}
