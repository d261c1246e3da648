using Inspection.Scoring.Domain.Assessments;
using Inspection.Scoring.Domain.Frameworks;

namespace Inspection.Scoring.Application;

/// <summary>
/// Inspectors' case assessments: RecordCaseAssessment (checked against the framework and the case as the current
/// sample holds it, safe to retry through the request ledger, a correction once the inspection is published),
/// GetCaseAssessment and ListCaseAssessments.
/// </summary>
public sealed class CaseAssessments(
    CaseAssessmentStore store,
    RatingCountStore counts,
    RequestLedger ledger,
    InspectionFrameworks frameworks,
    PublicationGuards guards,
    ICaseSampleSource samples,
    PublishedRecord published,
    TimeProvider clock)
{
    public const int MaxPageSize = 200;

    public async Task<(StoredCaseAssessment Assessment, Framework Framework)> RecordAsync(CaseAssessmentCommand command, RequestKey? request, CancellationToken ct)
    {
        // Decided outside the transaction (it asks other apps), written inside the one that claims the request; the
        // ledger keeps where the record is, and a retry is answered from there before anyone is asked.
        (CaseAssessmentWrite Write, Framework Framework)? decided = null;
        var recorded = await ledger.OnceAsync(request, LedgerAnswer.Itself<Recorded>(),
            async token =>
            {
                decided = await DecideAsync(command, token);
                return new Recorded(command.InspectionId, command.CaseReference, decided.Value.Write.SampleId);
            },
            async (_, connection, transaction) =>
            {
                await InspectionStore.PinAsync(connection, transaction, command.InspectionId, decided!.Value.Framework, PinnedInspection.CaseAssessments, ct);
                await CaseAssessmentStore.WriteAsync(connection, transaction, decided.Value.Write, ct);
            }, ct);
        await published.FollowCorrectionAsync(command.InspectionId, command.CorrectionReason, command.AssessedBy, ct);
        var stored = await store.FindAsync(recorded.InspectionId, recorded.CaseReference!, recorded.SampleId, ct)
            ?? throw new NotFoundException("case assessment", $"{recorded.InspectionId}/{recorded.CaseReference}");
        return (stored, await frameworks.OfPinnedAsync(recorded.InspectionId, ct));
    }

    /// <summary>Checks the assessment with the framework, the current sample and the register, before any transaction.</summary>
    internal async Task<(CaseAssessmentWrite Write, Framework Framework)> DecideAsync(CaseAssessmentCommand command, CancellationToken ct)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(command.InspectionId)) violations.Add(new("inspection_id", "an inspection id is required"));
        if (string.IsNullOrWhiteSpace(command.CaseReference)) violations.Add(new("case_reference", "a case reference is required"));
        if (command.ExpectedVersion < 0) violations.Add(new("expected_version", "the version read, 0 for a new assessment"));
        ValidationException.ThrowIfAny(violations);

        var (framework, pinned) = await frameworks.OfAsync(command.InspectionId, ct);
        InspectionFrameworks.RequireSource(pinned, PinnedInspection.CaseAssessments, command.InspectionId);
        var sample = await samples.CurrentSampleAsync(command.InspectionId, ct);
        // A substituted case, or a case of an earlier sample, keeps its assessment set aside: it cannot be changed.
        var @case = sample.Find(command.CaseReference)
            ?? throw new ValidationException("case_reference", $"case {command.CaseReference} is not in the current sample of inspection {command.InspectionId}");

        var answers = CaseAssessmentValidator.Validate(framework, @case, command.Answers);
        var guard = await guards.ForAsync(command.InspectionId, command.CorrectionReason, Correction.CaseAssessment,
            $"case assessment of {command.CaseReference}", command.CorrectedBy ?? command.AssessedBy, ct);
        var attributes = new Dictionary<string, string>(@case.Attributes, StringComparer.Ordinal) { ["staff_grade"] = command.StaffGrade ?? "" };
        var write = new CaseAssessmentWrite(
            command.InspectionId,
            sample.SampleId,
            command.CaseReference,
            command.ExpectedVersion,
            command.StaffGrade ?? "",
            command.AssessedBy ?? "",
            answers.Where(a => framework.FindKeyQuestion(a.QuestionId) is not null).ToList(),
            answers.Where(a => framework.FindPrompt(a.QuestionId) is not null).ToList(),
            attributes,
            ContradictionCheck.Find(framework, command.CaseReference, answers),
            clock.GetUtcNow(),
            AssessmentCompleteness.Of(framework, @case, answers.Select(a => a.QuestionId)),
            guard);
        return (write, framework);
    }

    /// <summary>The case's assessment in the current sample, or (with <paramref name="sampleId"/>) in that sample; when
    /// the case has none in the current sample, its most recent assessment set aside. NOT_FOUND when it has none.</summary>
    public async Task<(StandingAssessment Assessment, Framework Framework)> GetAsync(
        string inspectionId, string caseReference, string? sampleId, CancellationToken ct)
    {
        RequestIds.Require("inspection_id", inspectionId);
        RequestIds.Require("case_reference", caseReference);
        var all = await store.GetAllAsync(inspectionId, caseReference, ct);
        if (all.Count == 0) throw new NotFoundException("case assessment", $"{inspectionId}/{caseReference}");
        var current = await samples.CurrentSampleOrNullAsync(inspectionId, ct);
        var chosen = string.IsNullOrEmpty(sampleId)
            ? all.FirstOrDefault(a => current?.Counts(a.SampleId, a.CaseReference) == true) ?? all[0]
            : all.FirstOrDefault(a => a.SampleId == sampleId) ?? throw new NotFoundException("case assessment", $"{inspectionId}/{caseReference} in sample {sampleId}");
        var standing = await StandingsAsync([chosen], current, ct);
        return (standing[0], await frameworks.OfPinnedAsync(inspectionId, ct));
    }

    public async Task<(IReadOnlyList<StandingAssessment> Page, int Total, int SetAside, (string, string)? NextAfter, Framework Framework)> ListAsync(
        string inspectionId, int pageSize, (string CaseReference, string SampleId)? after, CancellationToken ct)
    {
        var (framework, _) = await frameworks.OfAsync(inspectionId, ct);
        var size = pageSize <= 0 ? 50 : Math.Min(pageSize, MaxPageSize);
        var currentTask = samples.CurrentSampleOrNullAsync(inspectionId, ct);
        var (page, total) = await store.ListAsync(inspectionId, after, size + 1, ct);
        var current = await currentTask;
        var counted = await counts.GetRatingCountsAsync(inspectionId, current, ct);
        var next = page.Count > size ? (page[size - 1].CaseReference, page[size - 1].SampleId) : ((string, string)?)null;
        return (await StandingsAsync(page.Take(size).ToList(), current, ct), total, counted.SetAside, next, framework);
    }

    /// <summary>Each assessment with whether it counts and, if set aside, why and since when (case sampling's history
    /// of the current sample is read only when something is set aside).</summary>
    private async Task<IReadOnlyList<StandingAssessment>> StandingsAsync(IReadOnlyList<StoredCaseAssessment> assessments, CurrentSample? current, CancellationToken ct)
    {
        var history = SampleHistory.Unknown;
        if (current is not null && assessments.Any(a => !current.Counts(a.SampleId, a.CaseReference)))
            history = await samples.HistoryAsync(current.SampleId, ct);
        return assessments.Select(a => new StandingAssessment(a, AssessmentStanding.Of(a.SampleId, a.CaseReference, current, history))).ToList();
    }
}
