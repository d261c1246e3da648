namespace Inspection.Evidence.Domain.Items;

/// <summary>Where a piece of evidence came from; words as they travel, in the order counts are reported.</summary>
public static class EvidenceSource
{
    public const string PractitionerInterview = "practitioner_interview";
    public const string ManagerMeeting = "manager_meeting";
    public const string FocusGroup = "focus_group";
    public const string PartnerMeeting = "partner_meeting";
    public const string StaffSurvey = "staff_survey";
    public const string PeopleOnProbationSurvey = "people_on_probation_survey";
    public const string SentencerSurvey = "sentencer_survey";
    public const string DataReturn = "data_return";
    public const string Document = "document";
    public const string Presentation = "presentation";

    public static IReadOnlyList<string> All { get; } =
    [
        PractitionerInterview, ManagerMeeting, FocusGroup, PartnerMeeting, StaffSurvey,
        PeopleOnProbationSurvey, SentencerSurvey, DataReturn, Document, Presentation,
    ];

    public static bool IsKnown(string? source) => source is not null && All.Contains(source, StringComparer.Ordinal);
}
