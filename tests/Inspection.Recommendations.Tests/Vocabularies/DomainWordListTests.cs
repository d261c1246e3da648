using Inspection.Contracts.Vocabularies;
using Inspection.Recommendations.Application.Changes;
using Inspection.Recommendations.Domain.Inspections;
using Inspection.Recommendations.Domain.Progress;
using Inspection.Recommendations.Domain.Providers;
using Inspection.Recommendations.Domain.Recommendations;
using Xunit;

namespace Inspection.Recommendations.Tests.Vocabularies;

/// <summary>
/// Recommendation tracking's domain keeps the words it stores in its own types (with their ranks and names); the host
/// reads requests through WireWords, so these lists must be the contract's words, in the contract's order.
/// </summary>
public sealed class DomainWordListTests
{
    [Fact]
    public void Recommendation_tracking_stores_the_contracts_words() =>
        Assert.Equal(
            [WireWords.ProviderTypes.Words, WireWords.InspectionStatuses.Words, WireWords.AddresseeGroups.Words, WireWords.ProgressGroupings.Words,
             WireWords.ChangeEventTypes.Words],
            [ProviderType.All.Select(t => t.Word).ToList(), InspectionStatus.All.Select(s => s.Word).ToList(), AddresseeGroup.All.Select(g => g.Word).ToList(),
             SummaryGrouping.All.Select(g => g.Word).ToList(), [ChangeType.Subscribed, .. ChangeType.Watchable]]);
}
