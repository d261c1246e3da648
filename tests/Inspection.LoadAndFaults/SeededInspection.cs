using Inspection.Sampling.V1;

namespace Inspection.LoadAndFaults;

/// <summary>A case of the drawn sample and the key questions an inspector answers for it.</summary>
public sealed record CaseToAssess(string CaseReference, IReadOnlyList<QuestionToAnswer> Questions);

/// <summary>A key question of a case standard; <see cref="NotApplicable"/> when the case is outside its scope.</summary>
public sealed record QuestionToAnswer(string QuestionId, bool NotApplicable);

/// <summary>What the run works on: an inspection in recommendation tracking with a drawn sample in case sampling.</summary>
public sealed record SeededInspection(
    string ProviderId,
    string InspectionId,
    string SnapshotId,
    DrawSampleRequest Draw,
    IReadOnlyList<CaseToAssess> Cases,
    IReadOnlyList<string> DomainOneStandards,
    IReadOnlyList<string> RatingWords);
