namespace Inspection.Evidence.Application;

/// <summary>
/// Records the next version of a standard's judgement (RecordJudgement). Its JSON form is the request's fingerprint in the request ledger, so its name and properties stay
/// as they are: requests recorded before keep being told apart from new ones by it.
/// </summary>
public sealed record RecordJudgement(string? RequestId, string? InspectionId, JudgementInput Judgement);
