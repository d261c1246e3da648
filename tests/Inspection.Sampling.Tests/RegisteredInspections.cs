using Inspection.Domain;
using Inspection.Sampling;

namespace Inspection.Sampling.Tests;

/// <summary>
/// The inspection register for tests that exercise the store and workflow without recommendation tracking
/// running: a fixed list of inspection ids (the gRPC tests use the real service).
/// </summary>
public sealed class RegisteredInspections(params string[] ids) : IInspectionRegister
{
    public Task EnsureExistsAsync(string inspectionId, CancellationToken ct)
        => ids.Contains(inspectionId) ? Task.CompletedTask : throw new NotFoundException("Inspection", inspectionId);
}
