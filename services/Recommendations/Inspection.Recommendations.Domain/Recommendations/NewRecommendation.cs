using System.Text.Json.Serialization;

namespace Inspection.Recommendations.Domain.Recommendations;

/// <summary>A recommendation as the report states it: to whom, and the phrase completing "&lt;addressee&gt; should:".</summary>
public sealed record NewRecommendation(AddresseeGroup AddresseeGroup, Guid AddresseeProviderId, string Text)
{
    /// <summary>A priority recommendation (issue 23). Left out of the request's fingerprint when false, so requests recorded before it still match their retries.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Priority { get; init; }
}
