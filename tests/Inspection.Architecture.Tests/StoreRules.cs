using Inspection.ServiceDefaults;
using Xunit;

namespace Inspection.Architecture.Tests;

/// <summary>
/// A host's stores are registered by <c>AddServiceDatabase</c> from their place and name (README, "Finding your way"):
/// every class named <c>*Store</c> in a host must be one it finds, a public class of the host's <c>Data</c> namespace.
/// </summary>
public sealed class StoreRules
{
    public static TheoryData<string> Hosts => new(
        typeof(Inspection.Evidence.Grpc.OrganisationalEvidenceService).Assembly.GetName().Name!,
        typeof(Inspection.Recommendations.Grpc.RecommendationTrackingService).Assembly.GetName().Name!,
        typeof(Inspection.Sampling.Grpc.CaseSamplingService).Assembly.GetName().Name!,
        typeof(Inspection.Scoring.Grpc.AssessmentScoringService).Assembly.GetName().Name!);

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Every_store_of_a_host_is_one_AddServiceDatabase_registers(string host)
    {
        var assembly = System.Reflection.Assembly.Load(host);
        var stores = assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Store", StringComparison.Ordinal) && !t.IsNested)
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(stores);
        Assert.Equal(stores, ServiceDefaultsExtensions.Stores(assembly).Select(t => t.FullName!).Order(StringComparer.Ordinal));
    }
}
