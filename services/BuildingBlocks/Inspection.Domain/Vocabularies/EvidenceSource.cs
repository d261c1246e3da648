namespace Inspection.Domain.Vocabularies;

/// <summary>Where a piece of evidence came from (evidence.proto EvidenceItem.source), in the order counts are reported. Its words: <c>WireWords.EvidenceSources</c> in Inspection.Contracts.</summary>
public enum EvidenceSource
{
    PractitionerInterview,
    ManagerMeeting,
    FocusGroup,
    PartnerMeeting,
    StaffSurvey,
    PeopleOnProbationSurvey,
    SentencerSurvey,
    DataReturn,
    Document,
    Presentation,
}
