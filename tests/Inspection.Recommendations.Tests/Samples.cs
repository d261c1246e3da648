using Inspection.Recommendations.Domain.Inspections;
using Inspection.Recommendations.Domain.Progress;
using Inspection.Recommendations.Domain.Providers;
using Inspection.Recommendations.Domain.Recommendations;

namespace Inspection.Recommendations.Tests;

/// <summary>Domain objects for tests of the domain core (no database involved).</summary>
public static class Samples
{
    public static Provider Provider(string name, ProviderType type, string region = "") =>
        new(Guid.NewGuid(), name, type, region, null, null, 1, "tester", DateTimeOffset.UnixEpoch);

    public static PredecessorLink Link(Provider successor, Provider predecessor, DateOnly? on = null) =>
        new(Guid.NewGuid(), successor.Id, predecessor.Id, on ?? new DateOnly(2021, 6, 26), "unification", "", "tester");

    public static ProviderInspection Inspection(Provider provider, DateOnly? fieldworkStart, DateOnly? publishedOn = null) =>
        new(Guid.NewGuid(), provider.Id, provider.Name, "pdu-2021-2023",
            publishedOn is null ? InspectionStatus.Planned : InspectionStatus.Published,
            fieldworkStart, null, "", publishedOn, publishedOn?.AddDays(28), "", 0, 1, "tester", DateTimeOffset.UnixEpoch);

    public static RecommendationProgress Recommendation(ProviderInspection madeBy, Provider addressee, int number, AddresseeGroup? group = null, params ProgressJudgement[] history) =>
        new(new Recommendation(Guid.NewGuid(), madeBy.Id, madeBy.ProviderId, number, group ?? AddresseeGroup.Provider, addressee.Id, addressee.Name,
                $"recommendation {number}", 1, madeBy.PublishedOn, madeBy.ImprovementPlanDue, "tester", DateTimeOffset.UnixEpoch),
            history);

    private static long _sequence;

    public static ProgressJudgement Judgement(ProviderInspection at, string word, int revision = 1) =>
        new(Guid.NewGuid(), Interlocked.Increment(ref _sequence), Guid.Empty, at.Id, at.ProviderId, word, "", false, revision, "tester", DateTimeOffset.UnixEpoch);
}
