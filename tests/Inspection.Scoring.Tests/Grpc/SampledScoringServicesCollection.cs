namespace Inspection.Scoring.Tests.Grpc;

/// <summary>The issue 19 hosts are started once for the classes that use them; tests keep apart by their own inspections.</summary>
[CollectionDefinition(Name)]
public sealed class SampledScoringServicesCollection : ICollectionFixture<SampledScoringServices>
{
    public const string Name = "scoring with real case sampling";
}
