using Inspection.Contracts.Vocabularies;
using Inspection.Recommendations.Domain.Progress;

namespace Inspection.Recommendations.Application;

/// <summary>
/// What became of recommendations (issue 25, opendata.proto ListImplementationRates): the share of those judged at
/// the next inspection that were judged Sufficient progress (the judging programme's closing word), by year made,
/// addressee group and region, with Wilson intervals.
/// </summary>
public sealed class ImplementationRates(ImplementationRateStore store, FrameworkCatalogue frameworks)
{
    public async Task<IReadOnlyList<ImplementationRate>> ListAsync(string region, string addresseeGroup, CancellationToken ct)
    {
        var group = addresseeGroup.Trim().Length == 0 ? null : WireWords.AddresseeGroups.Normalise(addresseeGroup.Trim());
        if (group is not null && !WireWords.AddresseeGroups.TryParse(group, out _))
            WireWords.AddresseeGroups.Parse("addressee_group", addresseeGroup);   // refuses, naming the field and the words
        var made = await store.ListAsync(region.Trim().Length == 0 ? null : region.Trim(), group, ct);
        return ImplementationRate.Of(made, (framework, word) => frameworks.ProgressScaleFor(framework).Closes(word));
    }
}
