namespace Inspection.Sampling.Application;

/// <summary>The inspection register (recommendation tracking owns it): a sample is drawn only for an inspection that exists.</summary>
public interface IInspectionRegister
{
    /// <summary>
    /// Returns when the register knows the inspection. Otherwise (or when it cannot be reached) the call fails as every
    /// call to another app does, mapped once at the boundary: an inspection it does not know is the caller's FAILED_PRECONDITION.
    /// </summary>
    Task EnsureExistsAsync(string inspectionId, CancellationToken ct);
}
