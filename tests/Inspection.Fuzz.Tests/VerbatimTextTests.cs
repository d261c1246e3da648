using Inspection.Evidence.V1;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Inspection.Scoring.V1;

namespace Inspection.Fuzz.Tests;

/// <summary>
/// SQL and markup typed into a text field are data: each service stores them as sent and gives them back byte for
/// byte (no escaping, no stripping, no SQL run), through the real processes and PostgreSQL.
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed class VerbatimTextTests(RunningSystem system)
{
    private const string Hostile = "Robert'); DROP TABLE x;-- <script>alert(1)</script> &amp; \"quotes\" \\ %s {0} ${x} ` é ✓";

    private static string NewId() => Guid.NewGuid().ToString();

    private RecommendationTracking.RecommendationTrackingClient Tracking => new(system["recommendation-tracking"].Channel);

    private async Task<(Provider Provider, Recommendations.V1.Inspection Inspection)> ProviderAndInspectionAsync(string name)
    {
        var provider = await Tracking.CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = NewId(), Name = name, Type = "pdu", Region = "Wales", ActiveFrom = "2019-06-26", CreatedBy = Hostile,
        });
        var inspection = await Tracking.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = NewId(), ProviderId = provider.ProviderId, FrameworkId = "pdu-2021-2023", FieldworkStart = "2022-06-06",
            LeadInspector = Hostile, CreatedBy = "fuzz",
        });
        return (provider, inspection);
    }

    [Fact]
    public async Task Recommendation_tracking_gives_back_a_provider_name_and_lead_inspector_as_sent()
    {
        var name = Hostile + " " + Guid.NewGuid().ToString("N")[..6];
        var (provider, inspection) = await ProviderAndInspectionAsync(name);

        var read = await Tracking.GetProviderAsync(new GetProviderRequest { ProviderId = provider.ProviderId });
        Assert.Equal(name, read.Name);
        Assert.Equal(Hostile, read.CreatedBy);
        Assert.Equal(Hostile, (await Tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspection.InspectionId })).LeadInspector);
        var listed = await Tracking.ListProvidersAsync(new ListProvidersRequest { NameContains = "DROP TABLE x;-- <script>" });
        Assert.Contains(listed.Providers, p => p.ProviderId == provider.ProviderId && p.Name == name);
    }

    [Fact]
    public async Task Case_sampling_gives_back_a_snapshot_description_as_sent()
    {
        var (provider, _) = await ProviderAndInspectionAsync("Sampling verbatim " + NewId()[..8]);
        var sampling = new CaseSampling.CaseSamplingClient(system["case-sampling"].Channel);

        var started = await sampling.StartPopulationImportAsync(new StartPopulationImportRequest
        {
            RequestId = NewId(), ProviderId = provider.ProviderId, TakenOn = "2022-05-01", Description = Hostile,
        });

        Assert.Equal(Hostile, (await sampling.GetSnapshotAsync(new GetSnapshotRequest { SnapshotId = started.SnapshotId })).Description);
    }

    [Fact]
    public async Task Organisational_evidence_gives_back_a_summary_as_sent()
    {
        var (_, inspection) = await ProviderAndInspectionAsync("Evidence verbatim " + NewId()[..8]);
        var evidence = new OrganisationalEvidence.OrganisationalEvidenceClient(system["organisational-evidence"].Channel);

        var added = await evidence.AddEvidenceAsync(new AddEvidenceRequest
        {
            RequestId = NewId(), InspectionId = inspection.InspectionId, StandardId = "1.2", KeyQuestionId = "1.2.1", Source = "document",
            EvidenceDate = "2022-06-07", Summary = Hostile, Finding = "strength", RecordedBy = Hostile,
        });

        var read = await evidence.GetEvidenceAsync(new GetEvidenceRequest { EvidenceId = added.EvidenceId });
        Assert.Equal(Hostile, read.Summary);
        Assert.Equal(Hostile, read.RecordedBy);
    }

    [Fact]
    public async Task Assessment_scoring_gives_back_a_panel_rationale_as_sent()
    {
        var (_, inspection) = await ProviderAndInspectionAsync("Scoring verbatim " + NewId()[..8]);
        var scoring = new AssessmentScoring.AssessmentScoringClient(system["assessment-scoring"].Channel);
        var request = new RecordPanelDepartureRequest
        {
            RequestId = NewId(), InspectionId = inspection.InspectionId, StandardId = "1.1", Rating = "Good", Rationale = Hostile, AgreedBy = Hostile,
        };

        await scoring.RecordPanelDepartureAsync(request);
        // a retry with the same request id answers what was stored, read back from the database
        var stored = await scoring.RecordPanelDepartureAsync(request);

        Assert.Equal(Hostile, stored.Rationale);
        Assert.Equal(Hostile, stored.AgreedBy);
    }
}
