using Grpc.Core;
using Inspection.Sampling.V1;
using Inspection.ServiceDefaults;

namespace Inspection.Evidence.Upstream;

/// <summary>
/// An inspection's current sample as case sampling streams it (ListSampleCases, active cases only). The client is
/// resolved on first use, so a host (or the demo-data command) that never needs a sample runs without its address.
/// Its failures are mapped once, as every app's are, except the one that means something here: NOT_FOUND is no sample
/// drawn yet.
/// </summary>
public sealed class CaseSamplingSample(Lazy<CaseSampling.CaseSamplingClient> client) : ISampledCases
{
    /// <summary>The SampledCase fields the characteristics table draws on; every sampled case carries them.</summary>
    private static readonly IReadOnlySet<string> Carried =
        new HashSet<string> { SampleAttribute.Gender, SampleAttribute.EthnicGroup, SampleAttribute.Disability };

    public async Task<CaseSampleView> GetCurrentSampleAsync(string inspectionId, CancellationToken ct)
    {
        var cases = new List<SampledCaseFacts>();
        try
        {
            await foreach (var sampled in client.Value.ListSampleCases(new ListSampleCasesRequest { InspectionId = inspectionId }, cancellationToken: ct)
                               .ResponseStream.ReadAllAsync(ct))
            {
                cases.Add(new SampledCaseFacts(sampled.CaseReference, new Dictionary<string, string>
                {
                    [SampleAttribute.Gender] = sampled.Gender,
                    [SampleAttribute.EthnicGroup] = sampled.EthnicGroup,
                    [SampleAttribute.Disability] = sampled.Disability ? "true" : "false",
                }));
            }
        }
        catch (UpstreamException e) when (e.StatusCode == StatusCode.NotFound)
        {
            // No sample drawn yet: an empty sample, which the rules that need one refuse with their own reason.
            return new CaseSampleView(Carried, []);
        }
        return new CaseSampleView(Carried, cases);
    }
}
