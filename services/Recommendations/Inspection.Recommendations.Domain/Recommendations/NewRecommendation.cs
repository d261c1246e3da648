namespace Inspection.Recommendations.Domain.Recommendations;

/// <summary>A recommendation as the report states it: to whom, and the phrase completing "&lt;addressee&gt; should:".</summary>
public sealed record NewRecommendation(AddresseeGroup AddresseeGroup, Guid AddresseeProviderId, string Text);
