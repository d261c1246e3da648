using Grpc.Core;
using Inspection.Sampling.Application;
using Inspection.ServiceDefaults;

namespace Inspection.Sampling.Tests;

/// <summary>
/// The inspection register for tests that exercise the use cases without recommendation tracking running: a fixed
/// list of inspection ids (the gRPC tests use the real service). An inspection it does not know fails as the real
/// client does: UpstreamException naming the app, with the register's NOT_FOUND.
/// </summary>
public sealed class RegisteredInspections(params string[] ids) : IInspectionRegister
{
    public Task EnsureExistsAsync(string inspectionId, CancellationToken ct)
        => ids.Contains(inspectionId)
            ? Task.CompletedTask
            : throw new UpstreamException("recommendation-tracking",
                new RpcException(new Status(StatusCode.NotFound, $"Inspection '{inspectionId}' was not found")));
}
