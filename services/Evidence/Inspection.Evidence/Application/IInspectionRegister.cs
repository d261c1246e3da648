namespace Inspection.Evidence.Application;

/// <summary>
/// The register of inspections, owned by recommendation tracking. Evidence is only recorded against an
/// inspection it knows, and the inspection's framework decides which standards and rating words apply.
/// </summary>
public interface IInspectionRegister
{
    /// <summary>
    /// The inspection. When the register does not know it (or cannot be reached) the call fails as every call to another
    /// app does, mapped once at the boundary: an inspection it does not know is the caller's FAILED_PRECONDITION.
    /// </summary>
    Task<RegisteredInspection> GetAsync(string inspectionId, CancellationToken ct);

    /// <summary>The inspections of providers whose name contains <paramref name="providerName"/> under a framework (for the demo data).</summary>
    Task<IReadOnlyList<RegisteredInspection>> FindAsync(string providerName, string frameworkId, CancellationToken ct);
}
