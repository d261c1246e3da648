namespace Inspection.Evidence.Application;

/// <summary>
/// Replaces the editable content of an evidence item at the version the caller read (UpdateEvidence). Its JSON form is the request's fingerprint in the request ledger, so its name and properties stay
/// as they are: requests recorded before keep being told apart from new ones by it.
/// </summary>
public sealed record UpdateEvidence(string? RequestId, string? EvidenceId, long ExpectedVersion, EvidenceInput Evidence);
