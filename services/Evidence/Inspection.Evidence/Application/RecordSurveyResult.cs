namespace Inspection.Evidence.Application;

/// <summary>
/// Records one survey result (RecordSurveyResult). Its JSON form is the request's fingerprint in the request ledger, so its name and properties stay
/// as they are: requests recorded before keep being told apart from new ones by it.
/// </summary>
public sealed record RecordSurveyResult(string? RequestId, string? InspectionId, SurveyResultInput Result);
