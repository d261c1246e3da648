namespace Inspection.Recommendations.Tests.Tracking;

/// <summary>
/// The reference annex loaded through a driver: a CRC and an NPS division, each with a published inspection holding
/// its annex recommendations; the restructure of both into the PDU; an inspection of the PDU. Around it, what must
/// NOT reach the PDU's inspection: a CRC recommendation already judged Sufficient progress at an interim inspection,
/// a CRC recommendation to HMPPS (tracked against HMPPS), and a recommendation to a sibling PDU formed from the same division.
/// Names carry a suffix, so several scenarios can share one database.
/// </summary>
public sealed class AnnexScenario
{
    public const string ClosedEarlierText = "integrate the interim improvement already judged sufficient";
    public const string ToHmppsText = "support the company with national systems";
    public const string ToSiblingText = "improve the sibling unit's reviews";

    private AnnexScenario(ITrackingDriver driver) => Driver = driver;

    public ITrackingDriver Driver { get; }
    public ProviderRef Crc { get; private set; } = null!;
    public ProviderRef Division { get; private set; } = null!;
    public ProviderRef Pdu { get; private set; } = null!;
    public ProviderRef SiblingPdu { get; private set; } = null!;
    public ProviderRef Hmpps { get; private set; } = null!;
    public InspectionRef CrcInspection { get; private set; } = null!;
    public InspectionRef DivisionInspection { get; private set; } = null!;
    public InspectionRef PduInspection { get; private set; } = null!;
    public string FrameworkId { get; private set; } = "";

    /// <summary>The annex's recommendations as made, in annex order, with the judgement the report published for each.</summary>
    public IReadOnlyList<(RecommendationRef Recommendation, ReferenceData.AnnexItem Published)> AnnexRecommendations { get; private set; } = [];

    public static async Task<AnnexScenario> LoadAsync(ITrackingDriver driver)
    {
        var s = new AnnexScenario(driver);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var pdu = ReferenceData.AnnexInspection;
        var region = pdu.Text("region");
        var annex = ReferenceData.Annex;
        s.FrameworkId = pdu.Text("framework");

        s.Crc = await driver.CreateProviderAsync($"p-crc-{tag}", $"CRC {tag}", "crc", region);
        s.Division = await driver.CreateProviderAsync($"p-div-{tag}", $"NPS division {tag}", "nps_division", region);
        s.Pdu = await driver.CreateProviderAsync($"p-pdu-{tag}", $"{pdu.Text("provider")} {tag}", "pdu", region);
        s.SiblingPdu = await driver.CreateProviderAsync($"p-sib-{tag}", $"Sibling PDU {tag}", "pdu", region);
        s.Hmpps = await driver.CreateProviderAsync($"p-hmpps-{tag}", $"HM Prison and Probation Service {tag}", "national_body", "");

        var crcItems = annex.Where(a => a.Origin.Contains("community rehabilitation company", StringComparison.Ordinal)).ToList();
        var divisionItems = annex.Except(crcItems).ToList();

        s.CrcInspection = await driver.CreateInspectionAsync($"i-crc-{tag}", s.Crc.Id, "nps-division-2018", "2018-10-01");
        var crcMade = await driver.AddRecommendationsAsync($"r-crc-{tag}", s.CrcInspection.Id, s.CrcInspection.Version,
            [.. crcItems.Select(a => new NewItem("provider", s.Crc.Id, a.Text)), new NewItem("provider", s.Crc.Id, ClosedEarlierText), new NewItem("hmpps", s.Hmpps.Id, ToHmppsText)]);
        s.CrcInspection = await Publish(driver, $"pub-crc-{tag}", s.CrcInspection.Id, "2019-01-15");

        s.DivisionInspection = await driver.CreateInspectionAsync($"i-div-{tag}", s.Division.Id, "nps-division-2018", "2019-01-07");
        var divisionMade = await driver.AddRecommendationsAsync($"r-div-{tag}", s.DivisionInspection.Id, s.DivisionInspection.Version,
            divisionItems.Select(a => new NewItem("provider", s.Division.Id, a.Text)).ToList());
        s.DivisionInspection = await Publish(driver, $"pub-div-{tag}", s.DivisionInspection.Id, "2019-04-01");

        // An interim inspection of the CRC closes one recommendation before unification.
        var interim = await driver.CreateInspectionAsync($"i-interim-{tag}", s.Crc.Id, "nps-division-2018", "2020-02-03");
        var closed = crcMade.Single(r => r.Text == ClosedEarlierText);
        await driver.JudgeAsync($"j-interim-{tag}", closed.Id, interim.Id, closed.Version, "Sufficient progress", false);

        var pduVersion = (await driver.GetProviderAsync(s.Pdu.Id)).Version;
        await driver.RecordRestructureAsync($"rs-pdu-{tag}", s.Pdu.Id, pduVersion, "2021-06-26", [s.Crc.Id, s.Division.Id]);
        await driver.RecordRestructureAsync($"rs-sib-{tag}", s.SiblingPdu.Id, s.SiblingPdu.Version, "2021-06-26", [s.Division.Id]);

        var siblingInspection = await driver.CreateInspectionAsync($"i-sib-{tag}", s.SiblingPdu.Id, s.FrameworkId, "2021-09-06");
        await driver.AddRecommendationsAsync($"r-sib-{tag}", siblingInspection.Id, siblingInspection.Version, [new NewItem("provider", s.SiblingPdu.Id, ToSiblingText)]);
        await Publish(driver, $"pub-sib-{tag}", siblingInspection.Id, "2021-12-01");

        s.PduInspection = await driver.CreateInspectionAsync($"i-pdu-{tag}", s.Pdu.Id, s.FrameworkId, pdu.Text("fieldwork_start"));

        var made = crcMade.Concat(divisionMade).ToList();
        s.AnnexRecommendations = annex.Select(a => (made.Single(r => r.Text == a.Text), a)).ToList();
        return s;
    }

    private static async Task<InspectionRef> Publish(ITrackingDriver driver, string requestId, string inspectionId, string on)
    {
        var current = await driver.GetInspectionAsync(inspectionId);
        return await driver.PublishHistoryAsync(requestId, inspectionId, current.Version, on);
    }

    /// <summary>Records the nine published judgements at the PDU inspection, as the annex gives them.</summary>
    public async Task RecordPublishedJudgementsAsync()
    {
        foreach (var (recommendation, published) in AnnexRecommendations)
        {
            var current = await Driver.GetRecommendationAsync(recommendation.Id);
            await Driver.JudgeAsync($"j-{recommendation.Id}", recommendation.Id, PduInspection.Id, current.Version, published.Judgement, published.Repeated);
        }
    }
}
