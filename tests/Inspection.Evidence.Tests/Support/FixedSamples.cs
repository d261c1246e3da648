using Inspection.Evidence.Application;
using Inspection.Evidence.Domain.Characteristics;

namespace Inspection.Evidence.Tests.Support;

/// <summary>Stands in for case sampling (another service): the current sample a test gives each inspection.</summary>
public sealed class FixedSamples : ISampledCases
{
    /// <summary>The attributes case sampling's SampledCase carries that the characteristics table can use.</summary>
    public static readonly IReadOnlySet<string> SamplingAttributes =
        new HashSet<string> { SampleAttribute.Gender, SampleAttribute.EthnicGroup, SampleAttribute.Disability };

    private readonly Dictionary<string, CaseSampleView> _samples = new();

    public void Set(string inspectionId, IReadOnlyList<SampledCaseFacts> cases)
    {
        lock (_samples) _samples[inspectionId] = new CaseSampleView(SamplingAttributes, cases);
    }

    public Task<CaseSampleView> GetCurrentSampleAsync(string inspectionId, CancellationToken ct)
    {
        lock (_samples)
            return Task.FromResult(_samples.GetValueOrDefault(inspectionId) ?? new CaseSampleView(SamplingAttributes, []));
    }

    public static SampledCaseFacts Case(string reference, string gender = "male", string ethnicGroup = "white", bool disability = false) =>
        new(reference, new Dictionary<string, string>
        {
            [SampleAttribute.Gender] = gender,
            [SampleAttribute.EthnicGroup] = ethnicGroup,
            [SampleAttribute.Disability] = disability ? "true" : "false",
        });
}
