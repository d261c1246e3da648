using Inspection.Domain;
using Inspection.Scoring.Data;
using Inspection.Scoring.Domain.Assessments;
using Inspection.Scoring.Domain.Breakdowns;
using Inspection.Scoring.Domain.Frameworks;
using Inspection.Scoring.Domain.Ratings;
using Inspection.Scoring.Domain.Rollup;
using Inspection.Scoring.Sources;

namespace Inspection.Scoring.Application;

/// <summary>
/// The service's use cases: fetch what the domain core needs (the pinned framework, the case's attributes from the
/// sample, the counts from SQL, the judgements from organisational evidence), let the core decide, and store.
/// </summary>
public sealed class InspectionScoring(
    ScoringStore store,
    FrameworkCatalog catalog,
    FrameworkResolver resolver,
    IInspectionRegister register,
    ICaseSampleSource samples,
    IJudgementSource judgements,
    TimeProvider clock)
{
    public const int MaxPageSize = 200;

    /// <summary>The framework governing an inspection: its pinned version, or (before its first write) the current
    /// version of the framework the register gives it. An unknown inspection is NOT_FOUND.</summary>
    public async Task<(Framework Framework, PinnedInspection? Pinned)> FrameworkOfAsync(string inspectionId, CancellationToken ct)
    {
        RequireId("inspection_id", inspectionId);
        var pinned = await store.GetInspectionAsync(inspectionId, ct);
        if (pinned is not null) return (resolver.ForPinned(pinned), pinned);
        var registered = await register.GetInspectionAsync(inspectionId, ct);
        if (!catalog.TryGet(registered.FrameworkId, out var framework))
            throw new PreconditionFailedException($"inspection {inspectionId} uses framework '{registered.FrameworkId}', which this service has no data for");
        return (framework, null);
    }

    public async Task<StoredCaseAssessment> RecordCaseAssessmentAsync(CaseAssessmentCommand command, RequestKey request, CancellationToken ct)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(command.InspectionId)) violations.Add(new("inspection_id", "an inspection id is required"));
        if (string.IsNullOrWhiteSpace(command.CaseReference)) violations.Add(new("case_reference", "a case reference is required"));
        if (command.ExpectedVersion < 0) violations.Add(new("expected_version", "the version read, 0 for a new assessment"));
        ValidationException.ThrowIfAny(violations);

        var (framework, pinned) = await FrameworkOfAsync(command.InspectionId, ct);
        RequireSource(pinned, PinnedInspection.CaseAssessments, command.InspectionId);
        var sample = await samples.CurrentSampleAsync(command.InspectionId, ct);
        // A substituted case, or a case of an earlier sample, keeps its assessment set aside: it cannot be changed.
        var @case = sample.Find(command.CaseReference)
            ?? throw new ValidationException("case_reference", $"case {command.CaseReference} is not in the current sample of inspection {command.InspectionId}");

        var answers = CaseAssessmentValidator.Validate(framework, @case, command.Answers);
        var guard = await GuardAsync(command.InspectionId, command.CorrectionReason, Correction.CaseAssessment,
            $"case assessment of {command.CaseReference}", command.AssessedBy, ct);
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
            request,
            AssessmentCompleteness.Of(framework, @case, answers.Select(a => a.QuestionId)),
            guard);
        return await store.RecordCaseAssessmentAsync(write, framework, ct);
    }

    /// <summary>The case's assessment in the current sample, or (with <paramref name="sampleId"/>) in that sample; when
    /// the case has none in the current sample, its most recent assessment set aside. NOT_FOUND when it has none.</summary>
    public async Task<(StandingAssessment Assessment, Framework Framework)> GetCaseAssessmentAsync(
        string inspectionId, string caseReference, string? sampleId, CancellationToken ct)
    {
        RequireId("inspection_id", inspectionId);
        RequireId("case_reference", caseReference);
        var all = await store.GetCaseAssessmentsAsync(inspectionId, caseReference, ct);
        if (all.Count == 0) throw new NotFoundException("case assessment", $"{inspectionId}/{caseReference}");
        var current = await CurrentSampleOrNullAsync(inspectionId, ct);
        var chosen = string.IsNullOrEmpty(sampleId)
            ? all.FirstOrDefault(a => current?.Counts(a.SampleId, a.CaseReference) == true) ?? all[0]
            : all.FirstOrDefault(a => a.SampleId == sampleId) ?? throw new NotFoundException("case assessment", $"{inspectionId}/{caseReference} in sample {sampleId}");
        var standing = await StandingsAsync([chosen], current, ct);
        var pinned = (await store.GetInspectionAsync(inspectionId, ct))!;
        return (standing[0], resolver.ForPinned(pinned));
    }

    public async Task<(IReadOnlyList<StandingAssessment> Page, int Total, int SetAside, (string, string)? NextAfter, Framework Framework)> ListCaseAssessmentsAsync(
        string inspectionId, int pageSize, (string CaseReference, string SampleId)? after, CancellationToken ct)
    {
        var (framework, _) = await FrameworkOfAsync(inspectionId, ct);
        var size = pageSize <= 0 ? 50 : Math.Min(pageSize, MaxPageSize);
        var currentTask = CurrentSampleOrNullAsync(inspectionId, ct);
        var (page, total) = await store.ListCaseAssessmentsAsync(inspectionId, after, size + 1, ct);
        var current = await currentTask;
        var counts = await store.GetRatingCountsAsync(inspectionId, current, ct);
        var next = page.Count > size ? (page[size - 1].CaseReference, page[size - 1].SampleId) : ((string, string)?)null;
        return (await StandingsAsync(page.Take(size).ToList(), current, ct), total, counts.SetAside, next, framework);
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

    public async Task<IReadOnlyList<ModerationFlag>> ListModerationFlagsAsync(string inspectionId, CancellationToken ct)
    {
        await FrameworkOfAsync(inspectionId, ct);
        return await store.ListModerationFlagsAsync(inspectionId, await CurrentSampleOrNullAsync(inspectionId, ct), ct);
    }

    public async Task<RatedInspection> GetRatingsAsync(string inspectionId, CancellationToken ct)
    {
        var (framework, pinned) = await FrameworkOfAsync(inspectionId, ct);
        if (pinned?.Source == PinnedInspection.Published)
        {
            var published = (await store.GetPublishedResultsAsync(inspectionId, ct))!;
            return new RatedInspection(inspectionId, InspectionRater.Rate(framework, RatingInputs.FromPublished(published.Results)), 0,
                Corrections: await store.ListCorrectionsAsync(inspectionId, ct));
        }
        // The sample, the judgements and the corrections come from different places: fetch them at the same time; the
        // counts need the sample (only its active cases count).
        var sampleTask = CurrentSampleOrNullAsync(inspectionId, ct);
        var correctionsTask = store.ListCorrectionsAsync(inspectionId, ct);
        var judgementsTask = framework.Standards.Any(s => s.IsJudged)
            ? judgements.GetJudgementsAsync(inspectionId, ct)
            : Task.FromResult<IReadOnlyList<Judgement>>([]);
        var current = await sampleTask;
        var counts = await store.GetRatingCountsAsync(inspectionId, current, ct);
        var sample = current?.ActiveReferences;
        var judged = (await judgementsTask)
            .Where(j => framework.FindStandard(j.StandardId)?.IsJudged == true)
            .GroupBy(j => j.StandardId)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var ratings = InspectionRater.Rate(framework, RatingInputs.FromCases(counts.KeyQuestions, counts.Departures, judged));

        // "Assessed" means complete: every case of the current sample needs an assessment answering every question
        // that can apply to it before the inspection can be published.
        var complete = sample?.Count(c => counts.CompleteByCase.GetValueOrDefault(c)) ?? 0;
        var inProgress = sample?.Count(c => counts.CompleteByCase.TryGetValue(c, out var done) && !done) ?? 0;
        var caseBlockers = new List<string>();
        if (sample is null || sample.Count == 0) caseBlockers.Add("no case sample has been drawn");
        else
        {
            var notStarted = sample.Count - complete - inProgress;
            if (notStarted > 0) caseBlockers.Add($"{notStarted} of {sample.Count} sampled cases not yet assessed");
            if (inProgress > 0) caseBlockers.Add($"{inProgress} of {sample.Count} case assessments in progress (questions not yet answered)");
        }
        if (caseBlockers.Count > 0)
            ratings = ratings with { CanPublish = false, Blockers = [.. caseBlockers, .. ratings.Blockers] };
        return new RatedInspection(inspectionId, ratings, counts.CasesAssessed, sample?.Count ?? 0, complete, inProgress, await correctionsTask, counts.SetAside);
    }

    /// <summary>The inspection's current sample; null when none is drawn.</summary>
    private async Task<CurrentSample?> CurrentSampleOrNullAsync(string inspectionId, CancellationToken ct)
    {
        try
        {
            return await samples.CurrentSampleAsync(inspectionId, ct);
        }
        catch (PreconditionFailedException)
        {
            return null;
        }
    }

    /// <summary>Asks the register whether the inspection is published: a published inspection's ratings change only as
    /// corrections with a reason (FAILED_PRECONDITION without one).</summary>
    private async Task<PublicationGuard> GuardAsync(string inspectionId, string? reason, string kind, string subject, string? recordedBy, CancellationToken ct)
    {
        var registered = await register.GetInspectionAsync(inspectionId, ct);
        return PublicationGuard.For(inspectionId, registered.IsPublished, registered.PublishedOn, reason, kind, subject, recordedBy ?? "", clock.GetUtcNow());
    }

    public async Task<PanelDeparture> RecordPanelDepartureAsync(
        string inspectionId, string standardId, string rating, string rationale, string agreedBy, RequestKey request, CancellationToken ct,
        string? correctionReason = null, string? recordedBy = null)
    {
        var (framework, pinned) = await FrameworkOfAsync(inspectionId, ct);
        RequireSource(pinned, PinnedInspection.CaseAssessments, inspectionId);
        PanelDepartureRules.Validate(framework, standardId, rating, rationale, agreedBy);
        var guard = await GuardAsync(inspectionId, correctionReason, Correction.PanelDeparture, $"panel departure for standard {standardId}",
            string.IsNullOrWhiteSpace(recordedBy) ? agreedBy : recordedBy, ct);
        var departure = new PanelDeparture(standardId, rating, rationale.Trim(), agreedBy.Trim(), clock.GetUtcNow());
        return await store.RecordPanelDepartureAsync(inspectionId, framework, departure, request, guard, ct);
    }

    public async Task<(StoredPublishedResults Stored, Framework Framework)> RecordPublishedResultsAsync(
        string inspectionId, PublishedResultsInput input, string source, string recordedBy, RequestKey request, CancellationToken ct,
        string? correctionReason = null)
    {
        var (framework, pinned) = await FrameworkOfAsync(inspectionId, ct);
        RequireSource(pinned, PinnedInspection.Published, inspectionId);
        var results = PublishedResultsValidator.Validate(framework, input);
        var guard = await GuardAsync(inspectionId, correctionReason, Correction.PublishedResults, "published results", recordedBy, ct);
        var stored = await store.RecordPublishedResultsAsync(inspectionId, framework, results, source ?? "", recordedBy ?? "", clock.GetUtcNow(), request, guard, ct);
        return (stored, framework);
    }

    public async Task<Breakdown> GetBreakdownAsync(string inspectionId, string attribute, CancellationToken ct)
    {
        if (!Breakdown.Attributes.Contains(attribute ?? ""))
            throw new ValidationException("attribute", $"'{attribute}' is not a case attribute: use one of {string.Join(", ", Breakdown.Attributes)}");
        var (framework, pinned) = await FrameworkOfAsync(inspectionId, ct);
        if (pinned?.Source == PinnedInspection.Published)
            throw new PreconditionFailedException($"inspection {inspectionId} is recorded from its published results: there are no cases to break down");
        return Breakdown.Compute(framework, attribute!, await store.CountByAttributeAsync(inspectionId, attribute!, await CurrentSampleOrNullAsync(inspectionId, ct), ct));
    }

    public async Task<(IReadOnlyList<PromptResult> Prompts, ResultSource Source)> GetPromptResultsAsync(string inspectionId, CancellationToken ct)
    {
        var (framework, pinned) = await FrameworkOfAsync(inspectionId, ct);
        if (pinned?.Source == PinnedInspection.Published)
        {
            var published = (await store.GetPublishedResultsAsync(inspectionId, ct))!;
            return (PromptResult.FromPublished(framework, published.Results), ResultSource.Published);
        }
        return (PromptResult.FromCounts(framework, await store.CountPromptAnswersAsync(inspectionId, await CurrentSampleOrNullAsync(inspectionId, ct), ct)), ResultSource.CaseAssessments);
    }

    /// <param name="asPublished">Published inspections with stored figures, by id: they count as published (their
    /// key-question figures and computed ratings as stored), not as computed now.</param>
    public async Task<NationalRollup> GetNationalRollupAsync(
        string frameworkId, IReadOnlyDictionary<string, RollupInspection> asPublished, CancellationToken ct)
    {
        RequireId("framework_id", frameworkId);
        var framework = catalog.Get(frameworkId);
        var samples = (await CurrentSamplesAsync(frameworkId, ct)).Where(s => !asPublished.ContainsKey(s.Key)).ToDictionary(s => s.Key, s => s.Value);
        var counted = await store.CountKeyQuestionsByInspectionAsync(frameworkId, samples, ct);
        var inspections = new List<RollupInspection>(counted.Count + asPublished.Count);
        foreach (var (_, version, counts) in counted)
            inspections.Add(new RollupInspection(await PinnedFrameworkAsync(framework, version, ct), counts));
        inspections.AddRange(asPublished.Values);
        return NationalRollup.Compute(framework, inspections);
    }

    /// <summary>The framework as an inspection pinned to <paramref name="version"/> uses it.</summary>
    public async Task<Framework> PinnedFrameworkAsync(Framework current, string version, CancellationToken ct) =>
        version == current.Version
            ? current
            : resolver.ForVersion(current.Id, version, await store.GetFrameworkDefinitionAsync(current.Id, version, ct) ?? current.DefinitionJson);

    /// <summary>The current sample of every case-assessed inspection of the framework, read a few at a time (case
    /// sampling owns them); inspections without a sample are left out.</summary>
    private async Task<IReadOnlyDictionary<string, CurrentSample>> CurrentSamplesAsync(string frameworkId, CancellationToken ct)
    {
        var ids = await store.ListCaseAssessedInspectionsAsync(frameworkId, ct);
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, CurrentSample>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (id, token) =>
        {
            if (await CurrentSampleOrNullAsync(id, token) is { } sample) found[id] = sample;
        });
        return found;
    }

    private static void RequireSource(PinnedInspection? pinned, string source, string inspectionId)
    {
        if (pinned is null || pinned.Source == source) return;
        throw new PreconditionFailedException(pinned.Source == PinnedInspection.Published
            ? $"inspection {inspectionId} is recorded from its published results; it takes no case-level data"
            : $"inspection {inspectionId} has case assessments; its ratings are computed from them, not recorded as published");
    }

    private static void RequireId(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ValidationException(field, $"{field} is required");
    }
}
