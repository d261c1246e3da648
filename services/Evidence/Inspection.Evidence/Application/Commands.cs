using Inspection.Evidence.Domain;

namespace Inspection.Evidence.Application;

// The write requests the service accepts, as plain records: the gRPC layer maps messages onto them, and
// their JSON form is the fingerprint that tells a retry from a different request with the same id.

public sealed record AddEvidence(string? RequestId, string? InspectionId, EvidenceInput Evidence);

public sealed record UpdateEvidence(string? RequestId, string? EvidenceId, long ExpectedVersion, EvidenceInput Evidence);

public sealed record WithdrawEvidence(string? RequestId, string? EvidenceId, long ExpectedVersion, string? Reason, string? WithdrawnBy);

public sealed record RecordStaffingReturn(string? RequestId, string? InspectionId, StaffingReturnInput Return);

public sealed record RecordSurveyResult(string? RequestId, string? InspectionId, SurveyResultInput Result);

public sealed record RecordCaseCharacteristics(string? RequestId, string? InspectionId, CaseCharacteristicsInput Table);

public sealed record RecordJudgement(string? RequestId, string? InspectionId, JudgementInput Judgement);
