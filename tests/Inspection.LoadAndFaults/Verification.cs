namespace Inspection.LoadAndFaults;

/// <summary>What the read-back found. Lost, duplicated and phantom writes must all be zero.</summary>
public sealed record Verification(
    long AcknowledgedChecked,
    long Lost,
    long Duplicates,
    long Phantoms,
    long CommittedWithoutAcknowledgement,
    long StoredAssessmentVersions,
    long StoredJudgementVersions,
    IReadOnlyList<string> Problems);
