using Grpc.Core;
using Inspection.Evidence.Application;
using Inspection.ServiceDefaults;

namespace Inspection.Evidence.Tests.Support;

/// <summary>
/// Stands in for recommendation tracking's register of inspections (another service, reached over gRPC in
/// production): the inspections a test registers, with their frameworks. An inspection it does not know fails as the
/// real client does: UpstreamException naming the app, with the register's NOT_FOUND.
/// </summary>
public sealed class KnownInspections : IInspectionRegister
{
    private readonly Dictionary<string, RegisteredInspection> _inspections = new();

    public string Register(string frameworkId, string providerName = "Test PDU")
    {
        var id = Guid.NewGuid().ToString();
        lock (_inspections) _inspections[id] = new RegisteredInspection(id, frameworkId, "planned", providerName);
        return id;
    }

    public Task<RegisteredInspection> GetAsync(string inspectionId, CancellationToken ct)
    {
        lock (_inspections)
            return _inspections.TryGetValue(inspectionId, out var inspection)
                ? Task.FromResult(inspection)
                : throw new UpstreamException("recommendation-tracking",
                    new RpcException(new Status(StatusCode.NotFound, $"Inspection '{inspectionId}' was not found")));
    }

    public Task<IReadOnlyList<RegisteredInspection>> FindAsync(string providerName, string frameworkId, CancellationToken ct)
    {
        lock (_inspections)
            return Task.FromResult<IReadOnlyList<RegisteredInspection>>(_inspections.Values
                .Where(i => i.ProviderName.Contains(providerName, StringComparison.OrdinalIgnoreCase) && i.FrameworkId == frameworkId)
                .ToList());
    }
}
