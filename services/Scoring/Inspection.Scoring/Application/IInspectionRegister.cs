namespace Inspection.Scoring.Application;

/// <summary>The inspection register (recommendation tracking owns inspections; this service only refers to them).</summary>
public interface IInspectionRegister
{
    /// <summary>The inspection, or FAILED_PRECONDITION (raised by the client) when the register has no such id.</summary>
    Task<RegisteredInspection> GetInspectionAsync(string inspectionId, CancellationToken ct);

    /// <summary>Inspections of a framework, for the demo loader to find the reference inspections by provider name.</summary>
    Task<IReadOnlyList<RegisteredInspection>> ListInspectionsAsync(string frameworkId, CancellationToken ct);
}
