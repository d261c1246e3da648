namespace Inspection.Evidence.Application;

/// <summary>
/// Withdraws an evidence item at the version the caller read; it stays in its history (WithdrawEvidence). Its JSON form is the request's fingerprint in the request ledger, so its name and properties stay
/// as they are: requests recorded before keep being told apart from new ones by it.
/// </summary>
public sealed record WithdrawEvidence(string? RequestId, string? EvidenceId, long ExpectedVersion, string? Reason, string? WithdrawnBy);
