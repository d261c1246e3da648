namespace Inspection.Sampling;

/// <summary>The inspection register (recommendation tracking owns it): a sample is drawn only for an inspection that exists.</summary>
public interface IInspectionRegister
{
    /// <summary>Throws NotFoundException when there is no such inspection.</summary>
    Task EnsureExistsAsync(string inspectionId, CancellationToken ct);
}
