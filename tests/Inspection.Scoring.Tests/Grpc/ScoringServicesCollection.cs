namespace Inspection.Scoring.Tests.Grpc;

/// <summary>The hosts are started once for every gRPC test class; tests keep apart by their own inspections.</summary>
[CollectionDefinition(Name)]
public sealed class ScoringServicesCollection : ICollectionFixture<ScoringServices>
{
    public const string Name = "scoring services over gRPC";
}
