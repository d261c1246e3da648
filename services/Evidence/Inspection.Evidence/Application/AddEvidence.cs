namespace Inspection.Evidence.Application;

/// <summary>
/// Adds an evidence item to an inspection (AddEvidence). Its JSON form is the request's fingerprint in the request ledger, so its name and properties stay
/// as they are: requests recorded before keep being told apart from new ones by it.
/// </summary>
public sealed record AddEvidence(string? RequestId, string? InspectionId, EvidenceInput Evidence);
