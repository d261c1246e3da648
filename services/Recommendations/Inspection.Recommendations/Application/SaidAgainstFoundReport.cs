using Inspection.Recommendations.Domain.SaidAndFound;

namespace Inspection.Recommendations.Application;

/// <summary>What providers said against what the inspectorate found (issue 23): read by the store, set against each other by the domain.</summary>
public sealed class SaidAgainstFoundReport(SaidAgainstFoundStore store, ProviderRegister register)
{
    public async Task<SaidAgainstFound> GetAsync(SaidAgainstFoundQuery query, CancellationToken ct)
    {
        // An unknown provider is NOT_FOUND, not an empty report.
        await register.ListedAsync(query.ProviderId, includePredecessors: false, ct);
        return SaidAgainstFound.Of(await store.JudgedAfterReportsAsync(ct), query);
    }
}
