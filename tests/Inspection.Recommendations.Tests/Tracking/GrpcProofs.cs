using Xunit;

namespace Inspection.Recommendations.Tests.Tracking;

/// <summary>The same proofs over gRPC: HTTP/2 on real sockets to the real host, which migrates its own database at start.</summary>
public sealed class GrpcProofs(ServiceHostFixture service) : TrackingProofs, IClassFixture<ServiceHostFixture>
{
    protected override ITrackingDriver Driver { get; } = new GrpcDriver(service.Client);
}
