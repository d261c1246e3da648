using Inspection.Scoring.Domain.Assessments;
using Inspection.Scoring.Domain.Breakdowns;
using Inspection.Scoring.Domain.Frameworks;
using Inspection.Scoring.Domain.Ratings;
using Inspection.Scoring.Domain.Rollup;
using Inspection.ServiceDefaults;

namespace Inspection.Scoring.Application;

/// <summary>
/// Every rating as computed now (the reads): an inspection's ratings, its breakdown by a case attribute, its prompt
/// results and the national roll-up. Fetches what the rules need (the pinned framework, the current sample from case
/// sampling, the counts from SQL, the judgements from organisational evidence) and lets the domain compute.
/// </summary>
public sealed class ComputedRatings(
    RatingCountStore counts,
    PublishedResultsStore publishedResults,
    CorrectionStore corrections,
    ModerationStore moderation,
    InspectionFrameworks frameworks,
    FrameworkCatalogue catalogue,
    ICaseSampleSource samples,
    IJudgementSource judgements,
    ProductMetrics? metrics = null)
{
    public async Task<RatedInspection> GetRatingsAsync(string inspectionId, CancellationToken ct)
    {
        var timer = ProductMetrics.Start();
        var rated = await RateAsync(inspectionId, ct);
        metrics?.RatingsComputed(timer.Elapsed);
        return rated;
    }

    private async Task<RatedInspection> RateAsync(string inspectionId, CancellationToken ct)
    {
        var (framework, pinned) = await frameworks.OfAsync(inspectionId, ct);
        if (pinned?.Source == PinnedInspection.Published)
        {
            var published = (await publishedResults.GetAsync(inspectionId, ct))!;
            return new RatedInspection(inspectionId, InspectionRater.Rate(framework, RatingInputs.FromPublished(published.Results)), 0,
                Corrections: await corrections.ListAsync(inspectionId, ct));
        }
        // The sample, the judgements and the corrections come from different places: fetch them at the same time; the
        // counts need the sample (only its active cases count).
        var sampleTask = samples.CurrentSampleOrNullAsync(inspectionId, ct);
        var correctionsTask = corrections.ListAsync(inspectionId, ct);
        var judgementsTask = framework.Standards.Any(s => s.IsJudged)
            ? judgements.GetJudgementsAsync(inspectionId, ct)
            : Task.FromResult<IReadOnlyList<Judgement>>([]);
        var current = await sampleTask;
        var flagsTask = moderation.ListAsync(inspectionId, current, ct);
        var counted = await counts.GetRatingCountsAsync(inspectionId, current, ct);
        var sample = current?.ActiveReferences;
        var judged = (await judgementsTask)
            .Where(j => framework.FindStandard(j.StandardId)?.IsJudged == true)
            .GroupBy(j => j.StandardId)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var designed = current is null ? null : await samples.WithDesignAsync(current, ct);
        var ratings = InspectionRater.Rate(framework, RatingInputs.FromCases(counted.KeyQuestions, counted.Departures, judged) with
        {
            Design = designed?.Design,
            ApplicableAnswers = counted.ApplicableAnswers,
        });

        // "Assessed" means complete: every case of the current sample needs an assessment answering every question
        // that can apply to it before the inspection can be published.
        var complete = sample?.Count(c => counted.CompleteByCase.GetValueOrDefault(c)) ?? 0;
        var inProgress = sample?.Count(c => counted.CompleteByCase.TryGetValue(c, out var done) && !done) ?? 0;
        var caseBlockers = new List<string>();
        if (sample is null || sample.Count == 0) caseBlockers.Add("no case sample has been drawn");
        else
        {
            var notStarted = sample.Count - complete - inProgress;
            if (notStarted > 0) caseBlockers.Add($"{notStarted} of {sample.Count} sampled cases not yet assessed");
            if (inProgress > 0) caseBlockers.Add($"{inProgress} of {sample.Count} case assessments in progress (questions not yet answered)");
        }
        // Moderation counts (issue 22): every flag of the assessments that count must be resolved by a lead inspector.
        if (ModeratedFlag.Blocker((await flagsTask).Count(f => !f.Resolved)) is { } unresolved) caseBlockers.Add(unresolved);
        if (caseBlockers.Count > 0)
            ratings = ratings with { CanPublish = false, Blockers = [.. caseBlockers, .. ratings.Blockers] };
        return new RatedInspection(inspectionId, ratings, counted.CasesAssessed, sample?.Count ?? 0, complete, inProgress, await correctionsTask, counted.SetAside);
    }

    public async Task<Breakdown> GetBreakdownAsync(string inspectionId, string attribute, CancellationToken ct)
    {
        if (!Breakdown.Attributes.Contains(attribute ?? ""))
            throw new ValidationException("attribute", $"'{attribute}' is not a case attribute: use one of {string.Join(", ", Breakdown.Attributes)}");
        var (framework, pinned) = await frameworks.OfAsync(inspectionId, ct);
        if (pinned?.Source == PinnedInspection.Published)
            throw new PreconditionFailedException($"inspection {inspectionId} is recorded from its published results: there are no cases to break down");
        return Breakdown.Compute(framework, attribute!, await counts.CountByAttributeAsync(inspectionId, attribute!, await samples.CurrentSampleOrNullAsync(inspectionId, ct), ct));
    }

    public async Task<(IReadOnlyList<PromptResult> Prompts, ResultSource Source)> GetPromptResultsAsync(string inspectionId, CancellationToken ct)
    {
        var (framework, pinned) = await frameworks.OfAsync(inspectionId, ct);
        if (pinned?.Source == PinnedInspection.Published)
        {
            var published = (await publishedResults.GetAsync(inspectionId, ct))!;
            return (PromptResult.FromPublished(framework, published.Results), ResultSource.Published);
        }
        return (PromptResult.FromCounts(framework, await counts.CountPromptAnswersAsync(inspectionId, await samples.CurrentSampleOrNullAsync(inspectionId, ct), ct)), ResultSource.CaseAssessments);
    }

    /// <param name="asPublished">Published inspections with stored figures, by id: they count as published (their
    /// key-question figures and computed ratings as stored), not as computed now.</param>
    public async Task<NationalRollup> GetNationalRollupAsync(
        string frameworkId, IReadOnlyDictionary<string, RollupInspection> asPublished, CancellationToken ct)
    {
        RequestIds.Require("framework_id", frameworkId);
        var framework = catalogue.Get(frameworkId);
        var current = (await CurrentSamplesAsync(frameworkId, ct)).Where(s => !asPublished.ContainsKey(s.Key)).ToDictionary(s => s.Key, s => s.Value);
        var counted = await counts.CountKeyQuestionsByInspectionAsync(frameworkId, current, ct);
        var inspections = new List<RollupInspection>(counted.Count + asPublished.Count);
        foreach (var (_, version, keyQuestions) in counted)
            inspections.Add(new RollupInspection(await frameworks.PinnedAsync(framework, version, ct), keyQuestions));
        inspections.AddRange(asPublished.Values);
        return NationalRollup.Compute(framework, inspections);
    }

    /// <summary>The current sample of every case-assessed inspection of the framework, read a few at a time (case
    /// sampling owns them); inspections without a sample are left out.</summary>
    private async Task<IReadOnlyDictionary<string, CurrentSample>> CurrentSamplesAsync(string frameworkId, CancellationToken ct)
    {
        var ids = await counts.ListCaseAssessedInspectionsAsync(frameworkId, ct);
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, CurrentSample>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (id, token) =>
        {
            if (await samples.CurrentSampleOrNullAsync(id, token) is { } sample) found[id] = sample;
        });
        return found;
    }
}
