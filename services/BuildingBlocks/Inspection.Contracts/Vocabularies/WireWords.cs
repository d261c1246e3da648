using System.Reflection;
using Inspection.Domain.Vocabularies;
using Inspection.Statistics.Composition;

namespace Inspection.Contracts.Vocabularies;

/// <summary>
/// The one place the contracts' closed vocabularies meet their typed values: every string field of protos/*/v1 that
/// carries a word from a closed list maps here to an enum of <c>Inspection.Domain.Vocabularies</c>. The v1 wire keeps
/// these canonical words; a word is read under <see cref="WordRule"/> (case and spacing aside, or a listed alias), and
/// anything else is refused naming the allowed words. Services parse with <c>WireWords.X.Parse(field, text)</c>;
/// the admin compares with <c>text.Is(Value)</c> and writes <c>Value.Word()</c>, never a literal.
/// </summary>
public static class WireWords
{
    public static readonly Vocabulary<EvidenceSource> EvidenceSources = new("a source of evidence",
        new(EvidenceSource.PractitionerInterview, "practitioner_interview"),
        new(EvidenceSource.ManagerMeeting, "manager_meeting"),
        new(EvidenceSource.FocusGroup, "focus_group"),
        new(EvidenceSource.PartnerMeeting, "partner_meeting"),
        new(EvidenceSource.StaffSurvey, "staff_survey"),
        new(EvidenceSource.PeopleOnProbationSurvey, "people_on_probation_survey"),
        new(EvidenceSource.SentencerSurvey, "sentencer_survey"),
        new(EvidenceSource.DataReturn, "data_return"),
        new(EvidenceSource.Document, "document"),
        new(EvidenceSource.Presentation, "presentation"));

    public static readonly Vocabulary<Finding> Findings = new("a finding",
        new(Finding.Strength, "strength"),
        new(Finding.AreaForImprovement, "area_for_improvement"));

    public static readonly Vocabulary<JudgementState> JudgementStates = new("a state",
        new(JudgementState.Draft, "draft"),
        new(JudgementState.Final, "final"));

    public static readonly Vocabulary<Survey> Surveys = new("a survey",
        new(Survey.Staff, "staff"),
        new(Survey.PeopleOnProbation, "people_on_probation"),
        new(Survey.Sentencer, "sentencer"));

    public static readonly Vocabulary<CharacteristicSource> CharacteristicSources = new("a characteristic source",
        new(CharacteristicSource.ComputedFromSample, "computed_from_sample"),
        new(CharacteristicSource.Entered, "entered"));

    public static readonly Vocabulary<CharacteristicUnit> CharacteristicUnits = new("a characteristic unit",
        new(CharacteristicUnit.Percent, "percent"),
        new(CharacteristicUnit.Count, "count"));

    public static readonly Vocabulary<StaffingUnit> StaffingUnits = new("a staffing unit",
        new(StaffingUnit.Fte, "fte"),
        new(StaffingUnit.Percent, "percent"),
        new(StaffingUnit.DaysPerStaffMember12m, "days_per_staff_member_12m"),
        new(StaffingUnit.CasesPerOfficer, "cases_per_officer"));

    public static readonly Vocabulary<ProviderType> ProviderTypes = new("a provider type",
        new(ProviderType.Pdu, "pdu"),
        new(ProviderType.Region, "region"),
        new(ProviderType.NpsDivision, "nps_division"),
        new(ProviderType.Crc, "crc"),
        new(ProviderType.ProbationArea, "probation_area"),
        new(ProviderType.NationalBody, "national_body"));

    public static readonly Vocabulary<InspectionStatus> InspectionStatuses = new("an inspection status",
        new(InspectionStatus.Planned, "planned"),
        new(InspectionStatus.Published, "published"));

    public static readonly Vocabulary<AddresseeGroup> AddresseeGroups = new("an addressee group",
        new(AddresseeGroup.Provider, "provider"),
        new(AddresseeGroup.Region, "region"),
        new(AddresseeGroup.Hmpps, "hmpps"),
        new(AddresseeGroup.Moj, "moj"));

    public static readonly Vocabulary<ProgressWord> ProgressWords = new("a progress word",
        new(ProgressWord.NoProgress, "No progress"),
        new(ProgressWord.SomeProgress, "Some progress"),
        new(ProgressWord.SufficientProgress, "Sufficient progress"));

    public static readonly Vocabulary<LatestJudgement> LatestJudgements = new("a latest judgement",
        new(LatestJudgement.NoProgress, "No progress"),
        new(LatestJudgement.SomeProgress, "Some progress"),
        new(LatestJudgement.SufficientProgress, "Sufficient progress"),
        new(LatestJudgement.None, "none"));

    public static readonly Vocabulary<ProgressGrouping> ProgressGroupings = new("a grouping",
        new(ProgressGrouping.Inspection, "inspection"),
        new(ProgressGrouping.Provider, "provider"),
        new(ProgressGrouping.Region, "region"),
        new(ProgressGrouping.Addressee, "addressee"),
        new(ProgressGrouping.Year, "year"));

    public static readonly Vocabulary<ReachedThrough> ReachedThroughWords = new("a way a recommendation is reached",
        new(ReachedThrough.Self, "self"),
        new(ReachedThrough.Predecessor, "predecessor"));

    public static readonly Vocabulary<ChangeEventType> ChangeEventTypes = new("a change event type",
        new(ChangeEventType.Subscribed, "subscribed"),
        new(ChangeEventType.InspectionPublished, "inspection_published"),
        new(ChangeEventType.ProgressJudgementRecorded, "progress_judgement_recorded"));

    public static readonly Vocabulary<SentenceType> SentenceTypes = new("a sentence type",
        new(SentenceType.CommunityOrder, "community_order"),
        new(SentenceType.SuspendedSentenceOrder, "suspended_sentence_order"),
        new(SentenceType.Licence, "licence"),
        new(SentenceType.Custody, "custody"));

    public static readonly Vocabulary<Gender> Genders = new("a gender",
        new(Gender.Male, "male"),
        new(Gender.Female, "female"),
        new(Gender.Other, "other"),
        new(Gender.NotKnown, "not_known"));

    public static readonly Vocabulary<EthnicGroup> EthnicGroups = new("an ethnic group",
        new(EthnicGroup.White, "white"),
        new(EthnicGroup.Black, "black"),
        new(EthnicGroup.Asian, "asian"),
        new(EthnicGroup.Mixed, "mixed"),
        new(EthnicGroup.Other, "other"),
        new(EthnicGroup.NotKnown, "not_known"));

    public static readonly Vocabulary<RoshLevel> RoshLevels = new("a risk of serious harm level",
        new(RoshLevel.Low, "low"),
        new(RoshLevel.Medium, "medium"),
        new(RoshLevel.High, "high"),
        new(RoshLevel.VeryHigh, "very_high"));

    public static readonly Vocabulary<CourtReportType> CourtReportTypes = new("a court report type",
        new(CourtReportType.None, "none", ""),
        new(CourtReportType.Oral, "oral"),
        new(CourtReportType.ShortFormat, "short_format"),
        new(CourtReportType.Standard, "standard"));

    public static readonly Vocabulary<SnapshotStatus> SnapshotStatuses = new("a snapshot status",
        new(SnapshotStatus.Importing, "importing"),
        new(SnapshotStatus.Complete, "complete"));

    public static readonly Vocabulary<SampleSizeMode> SampleSizeModes = new("a sample size mode",
        new(SampleSizeMode.Calculated, "calculated"),
        new(SampleSizeMode.Fixed, "fixed"));

    public static readonly Vocabulary<SelectedBy> SelectedByWords = new("a way of selecting",
        new(SelectedBy.Quota, "quota"),
        new(SelectedBy.Proportional, "proportional"),
        new(SelectedBy.Split, "split"),
        new(SelectedBy.Substitute, "substitute"));

    public static readonly Vocabulary<SampledCaseStatus> SampledCaseStatuses = new("a sampled case status",
        new(SampledCaseStatus.Active, "active"),
        new(SampledCaseStatus.Replaced, "replaced"));

    public static readonly Vocabulary<SubSampleKind> SubSampleKinds = new("a sub-sample kind",
        new(SubSampleKind.CourtReports, "court_reports"),
        new(SubSampleKind.StatutoryVictimContact, "statutory_victim_contact"),
        new(SubSampleKind.RoshRelevant, "rosh_relevant"));

    public static readonly Vocabulary<SampleRole> SampleRoles = new("a sample role",
        new(SampleRole.None, "none", ""),
        new(SampleRole.Sampled, "sampled"),
        new(SampleRole.Reserve, "reserve"));

    public static readonly Vocabulary<SamplingAttribute> SamplingAttributes = new("a case attribute",
        new(SamplingAttribute.SentenceType, "sentence_type"),
        new(SamplingAttribute.Gender, "gender"),
        new(SamplingAttribute.EthnicGroup, "ethnic_group"),
        new(SamplingAttribute.Disability, "disability"),
        new(SamplingAttribute.RoshLevel, "rosh_level"),
        new(SamplingAttribute.MappaLevel, "mappa_level"),
        new(SamplingAttribute.ProlificPriorityOffender, "prolific_priority_offender"),
        new(SamplingAttribute.ApprovedPremisesResident, "approved_premises_resident"),
        new(SamplingAttribute.StatutoryVictimContact, "statutory_victim_contact"),
        new(SamplingAttribute.UnpaidWorkRequirement, "unpaid_work_requirement"),
        new(SamplingAttribute.UnpaidWorkOnly, "unpaid_work_only"),
        new(SamplingAttribute.CourtReportType, "court_report_type"),
        new(SamplingAttribute.AllocatedOffice, "allocated_office"),
        new(SamplingAttribute.AllocatedTeam, "allocated_team"));

    public static readonly Vocabulary<FlagValue> FlagValues = new("yes or no",
        new(FlagValue.Yes, "yes"),
        new(FlagValue.No, "no"));

    public static readonly Vocabulary<Rating> Ratings = new("a rating word",
        new(Rating.Outstanding, "Outstanding"),
        new(Rating.Good, "Good"),
        new(Rating.RequiresImprovement, "Requires improvement"),
        new(Rating.Inadequate, "Inadequate"),
        new(Rating.NotApplicableCourtWorkOnly, "Not applicable (court work only)"));

    public static readonly Vocabulary<AnswerValue> AnswerValues = new("an answer",
        new(AnswerValue.Yes, "Yes"),
        new(AnswerValue.No, "No"),
        new(AnswerValue.NotApplicable, "Not applicable"));

    public static readonly Vocabulary<RatingMethod> RatingMethods = new("a rating method",
        new(RatingMethod.NotRated, "not_rated", ""),
        new(RatingMethod.LowestKeyQuestion, "lowest_key_question"),
        new(RatingMethod.InspectorJudgement, "inspector_judgement"),
        new(RatingMethod.Average8020, "average_80_20"),
        new(RatingMethod.FourPoint, "four_point"));

    public static readonly Vocabulary<DecisionRuleType> DecisionRuleTypes = new("a decision rule type",
        new(DecisionRuleType.Cap, "cap"),
        new(DecisionRuleType.DefaultWithOverride, "default_with_override"),
        new(DecisionRuleType.LinkedToDomainTwo, "linked_to_domain_two"));

    public static readonly Vocabulary<DecisionRuleKind> DecisionRuleKinds = new("a decision rule kind",
        new(DecisionRuleKind.Cap, "cap"),
        new(DecisionRuleKind.Default, "default"),
        new(DecisionRuleKind.Informational, "informational"));

    public static readonly Vocabulary<DecisionRuleStatus> DecisionRuleStatuses = new("a decision rule status",
        new(DecisionRuleStatus.NotInForce, "not_in_force"),
        new(DecisionRuleStatus.InForce, "in_force"),
        new(DecisionRuleStatus.Undetermined, "undetermined"));

    public static readonly Vocabulary<FiguresSource> FiguresSources = new("a source of figures",
        new(FiguresSource.CaseAssessments, "case_assessments"),
        new(FiguresSource.Published, "published"));

    public static readonly Vocabulary<CorrectionKind> CorrectionKinds = new("a correction kind",
        new(CorrectionKind.CaseAssessment, "case_assessment"),
        new(CorrectionKind.PanelDeparture, "panel_departure"),
        new(CorrectionKind.PublishedResults, "published_results"));

    public static readonly Vocabulary<InspectionFact> InspectionFacts = new("a fact of the inspection record",
        new(InspectionFact.PublishedOn, "published_on"),
        new(InspectionFact.FieldworkStart, "fieldwork_start"),
        new(InspectionFact.FieldworkEnd, "fieldwork_end"));

    public static readonly Vocabulary<ContradictionKind> ContradictionKinds = new("a contradiction kind",
        new(ContradictionKind.YesWithEveryPromptNo, "yes_with_every_prompt_no"),
        new(ContradictionKind.NoWithEveryPromptYes, "no_with_every_prompt_yes"));

    public static readonly Vocabulary<ModerationResolution> ModerationResolutions = new("a moderation resolution",
        new(ModerationResolution.AnswerKept, "answer_kept"),
        new(ModerationResolution.AnswerChanged, "answer_changed"));

    public static readonly Vocabulary<BreakdownAttribute> BreakdownAttributes = new("a breakdown attribute",
        new(BreakdownAttribute.Gender, "gender"),
        new(BreakdownAttribute.EthnicGroup, "ethnic_group"),
        new(BreakdownAttribute.RoshLevel, "rosh_level"),
        new(BreakdownAttribute.SentenceType, "sentence_type"),
        new(BreakdownAttribute.Stratum, "stratum"),
        new(BreakdownAttribute.UnpaidWorkOnly, "unpaid_work_only"),
        new(BreakdownAttribute.CourtReport, "court_report"),
        new(BreakdownAttribute.StatutoryVictimContact, "statutory_victim_contact"),
        new(BreakdownAttribute.RoshRelevant, "rosh_relevant"),
        new(BreakdownAttribute.StaffGrade, "staff_grade"));

    public static readonly Vocabulary<FiguresVersionKind> FiguresVersionKinds = new("a figures version kind",
        new(FiguresVersionKind.Publication, "publication"),
        new(FiguresVersionKind.Correction, "correction"),
        new(FiguresVersionKind.Backfill, "backfill"));

    public static readonly Vocabulary<PreviousRatingBasis> PreviousRatingBases = new("a previous rating basis",
        new(PreviousRatingBasis.SameProvider, "same_provider"),
        new(PreviousRatingBasis.Predecessor, "predecessor"),
        new(PreviousRatingBasis.SeveralPredecessors, "several_predecessors"),
        new(PreviousRatingBasis.NoCounterpart, "no_counterpart"),
        new(PreviousRatingBasis.NoEarlierInspection, "no_earlier_inspection"));

    public static readonly Vocabulary<AuditOperation> AuditOperations = new("an audit operation",
        new(AuditOperation.Insert, "insert"),
        new(AuditOperation.Update, "update"),
        new(AuditOperation.Delete, "delete"),
        new(AuditOperation.Truncate, "truncate"));

    public static readonly Vocabulary<PValueMethod> PValueMethods = new("a p-value method",
        new(PValueMethod.ChiSquare, "chi_square"),
        new(PValueMethod.Exact, "exact"),
        new(PValueMethod.Simulated, "simulated"));

    public static readonly Vocabulary<AdjustmentMethod> AdjustmentMethods = new("a p-value adjustment method",
        new(AdjustmentMethod.Holm, "holm"),
        new(AdjustmentMethod.BenjaminiHochberg, "benjamini_hochberg"));

    public static readonly Vocabulary<IntervalMethod> IntervalMethods = new("an interval method",
        new(IntervalMethod.KornGraubard, "korn_graubard"),
        new(IntervalMethod.Wilson, "wilson"));

    public static readonly Vocabulary<AddresseeResponse> AddresseeResponses = new("a response",
        new(AddresseeResponse.Agreed, "Agreed"),
        new(AddresseeResponse.PartlyAgreed, "Partly agreed"),
        new(AddresseeResponse.NotAgreed, "Not agreed"));

    public static readonly Vocabulary<PlanActionStatus> PlanActionStatuses = new("an action status",
        new(PlanActionStatus.NotStarted, "Not started"),
        new(PlanActionStatus.InProgress, "In progress"),
        new(PlanActionStatus.Complete, "Complete"),
        new(PlanActionStatus.Withdrawn, "Withdrawn"));

    public static readonly Vocabulary<ReportedProgress> ReportedProgressWords = new("a reported status",
        new(ReportedProgress.OnTrack, "On track"),
        new(ReportedProgress.Delayed, "Delayed"),
        new(ReportedProgress.Complete, "Complete"));

    public static readonly Vocabulary<PlanUpdateKind> PlanUpdateKinds = new("a kind of update",
        new(PlanUpdateKind.ProviderUpdate, "provider_update"),
        new(PlanUpdateKind.MonitoringNote, "monitoring_note"),
        new(PlanUpdateKind.DocumentReceived, "document_received"));

    public static readonly Vocabulary<PlanSource> PlanSources = new("a source",
        new(PlanSource.Staff, "staff"),
        new(PlanSource.AddresseeSystem, "addressee_system"));

    public static readonly Vocabulary<OffTrackReason> OffTrackReasons = new("a reason for being off track",
        new(OffTrackReason.TargetDatePassed, "target_date_passed"),
        new(OffTrackReason.RevisedTooOften, "revised_too_often"));

    public static readonly Vocabulary<ReminderKind> ReminderKinds = new("a kind of reminder",
        new(ReminderKind.ImprovementPlan, "improvement_plan"),
        new(ReminderKind.PlanAction, "plan_action"));

    public static readonly Vocabulary<ResponseFilter> ResponseFilters = new("a response",
        new(ResponseFilter.Agreed, "Agreed"),
        new(ResponseFilter.PartlyAgreed, "Partly agreed"),
        new(ResponseFilter.NotAgreed, "Not agreed"),
        new(ResponseFilter.None, "none"));

    /// <summary>The vocabulary of <typeparamref name="T"/>, found once among the fields above.</summary>
    public static Vocabulary<T> Of<T>() where T : struct, Enum => Lookup<T>.Vocabulary;

    /// <summary>Every vocabulary above, for checks over all wire words (the admin's architecture test).</summary>
    public static IEnumerable<(string Name, IReadOnlyList<string> Words)> All() =>
        typeof(WireWords).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (f.Name, (IReadOnlyList<string>)f.FieldType.GetProperty(nameof(Vocabulary<Finding>.Words))!.GetValue(f.GetValue(null))!));

    /// <summary>True when the word read from a message is a spelling of <paramref name="value"/>.</summary>
    public static bool Is<T>(this string? word, T value) where T : struct, Enum => Of<T>().Matches(word, value);

    /// <summary>The word read from a message as its value, or null when it is none of the vocabulary's words.</summary>
    public static T? As<T>(this string? word) where T : struct, Enum => Of<T>().TryParse(word, out var value) ? value : null;

    /// <summary>The canonical word a value travels as.</summary>
    public static string Word<T>(this T value) where T : struct, Enum => Of<T>().WordFor(value);

    private static class Lookup<T> where T : struct, Enum
    {
        public static readonly Vocabulary<T> Vocabulary =
            typeof(WireWords).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => f.GetValue(null)).OfType<Vocabulary<T>>().SingleOrDefault()
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no words in WireWords");
    }
}
