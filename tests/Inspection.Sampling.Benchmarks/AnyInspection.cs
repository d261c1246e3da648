using Inspection.Sampling.Application;

namespace Inspection.Sampling.Benchmarks;

/// <summary>The benchmark draws for one made-up inspection: recommendation tracking is not part of what is measured.</summary>
public sealed class AnyInspection : IInspectionRegister
{
    public Task EnsureExistsAsync(string inspectionId, CancellationToken ct) => Task.CompletedTask;
}
