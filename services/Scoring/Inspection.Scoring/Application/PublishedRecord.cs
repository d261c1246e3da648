using System.Collections.Concurrent;
using Google.Protobuf;
using Inspection.Domain.Dates;
using ScoringMethod = Inspection.Scoring.Domain.Ratings.ScoringMethod;
using Inspection.Scoring.Grpc;
using Inspection.ServiceDefaults;
using Inspection.Scoring.V1;

namespace Inspection.Scoring.Application;

/// <summary>
/// What a published inspection says (issue 19): its figures are stored when it is published and read back as stored,
/// never computed afresh; a correction stores a new version beside the old. The stored form is the contract's own
/// messages (the ratings and the prompt figures as this service returns them), so what is read back is exactly what
/// was published. Whether an inspection is published is the register's word (recommendation tracking); once it says
/// so it always will, so the answer is kept.
/// </summary>
public sealed class PublishedRecord(
    ComputedRatings computed,
    InspectionFrameworks frameworks,
    PublishedFiguresStore store,
    CorrectionStore corrections,
    RequestLedger ledger,
    IInspectionRegister register,
    TimeProvider clock,
    ILogger<PublishedRecord> logger)
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));
    private readonly ConcurrentDictionary<string, bool> _published = new(StringComparer.Ordinal);

    // ---------------------------------------------------------------- reading

    /// <summary>The ratings as published (the newest stored version) once the inspection is published and its figures
    /// are stored; otherwise computed now.</summary>
    public async Task<InspectionRatings> RatingsAsync(string inspectionId, CancellationToken ct)
    {
        if (await PublishedVersionAsync(inspectionId, ct) is { } stored)
        {
            var ratings = AsPublished(stored).Ratings;
            ratings.Corrections.Clear();
            ratings.Corrections.AddRange((await corrections.ListAsync(inspectionId, ct)).Select(ScoringMessages.ToMessage));
            return ratings;
        }
        return await ComputedRatingsAsync(inspectionId, ct);
    }

    public async Task<PromptResults> PromptsAsync(string inspectionId, CancellationToken ct)
    {
        if (await PublishedVersionAsync(inspectionId, ct) is { } stored) return AsPublished(stored).Prompts;
        return await ComputedPromptsAsync(inspectionId, ct);
    }

    public async Task<PublishedFigures> VersionsAsync(string inspectionId, CancellationToken ct)
    {
        RequireId("inspection_id", inspectionId);
        var versions = await IsPublishedAsync(inspectionId, ct) ? await store.ListAsync(inspectionId, ct) : [];
        return ToMessage(inspectionId, versions);
    }

    /// <summary>The national roll-up, with each published inspection counted as published: its stored key-question
    /// figures and computed ratings, whatever the computation gives now.</summary>
    public async Task<Domain.Rollup.NationalRollup> RollupAsync(string frameworkId, CancellationToken ct)
    {
        RequireId("framework_id", frameworkId);
        var asPublished = new Dictionary<string, Domain.Rollup.RollupInspection>(StringComparer.Ordinal);
        foreach (var id in await store.ListInspectionsWithFiguresAsync(ct, frameworkId))
        {
            if (await PublishedVersionAsync(id, ct) is not { } stored) continue;
            var ratings = InspectionRatings.Parser.ParseJson(stored.RatingsJson);
            if (ratings.Source != "case_assessments") continue;
            var counts = ratings.Standards.SelectMany(s => s.KeyQuestions).Where(k => k.HasK && k.HasN)
                .ToDictionary(k => k.QuestionId, k => new Domain.Ratings.YesCount(k.K, k.N), StringComparer.Ordinal);
            var computed = ratings.Standards.Where(s => s.ComputedRating.Length > 0).ToDictionary(s => s.StandardId, s => s.ComputedRating, StringComparer.Ordinal);
            var framework = await frameworks.OfAsync(id, ct);
            asPublished[id] = new Domain.Rollup.RollupInspection(framework.Framework, counts, computed);
        }
        return await computed.GetNationalRollupAsync(frameworkId, asPublished, ct);
    }

    // ---------------------------------------------------------------- publication

    /// <summary>
    /// Stores the figures about to be published (version 1), replacing any left by a publication that did not
    /// complete; refuses while the inspection cannot be published. Once the register says the inspection is published,
    /// returns what is stored, or, when nothing is (published before figures were stored), stores what the
    /// computation gives now. Safe to retry with a request id (the ledger); without one, carried out as asked.
    /// </summary>
    public async Task<PublishedFigures> RecordAtPublicationAsync(
        string inspectionId, string? publishedOn, string? recordedBy, RequestKey? request, CancellationToken ct)
    {
        RequireId("inspection_id", inspectionId);
        (StoredFiguresVersion First, bool ReplacePending)? decided = null;
        var recorded = await ledger.OnceAsync(request, LedgerAnswer.Itself<Recorded>(),
            async token =>
            {
                decided = await FirstVersionAsync(inspectionId, publishedOn, recordedBy, token);
                return new Recorded(inspectionId);
            },
            async (_, connection, transaction) =>
            {
                if (decided is { } first) await PublishedFiguresStore.StoreFirstAsync(connection, transaction, first.First, first.ReplacePending, ct);
            }, ct);
        return ToMessage(recorded.InspectionId, await store.ListAsync(recorded.InspectionId, ct));
    }

    /// <summary>The version 1 to store, and whether it may replace one stored before; null when the inspection is
    /// published and its figures are stored already.</summary>
    private async Task<(StoredFiguresVersion, bool)?> FirstVersionAsync(string inspectionId, string? publishedOn, string? recordedBy, CancellationToken ct)
    {
        if (publishedOn is { Length: > 0 } && !CalendarDate.TryParse(publishedOn, out _))
            throw new ValidationException("published_on", CalendarDate.Refusal(publishedOn));
        var registered = await register.GetInspectionAsync(inspectionId, ct);
        if (registered.IsPublished)
        {
            _published[inspectionId] = true;
            if ((await store.ListAsync(inspectionId, ct)).Count > 0) return null;
            var first = await ComputeVersionAsync(inspectionId, StoredFiguresVersion.Backfill, "", recordedBy, registered.PublishedOn, ct);
            return (first with { Reason = BackfillReason(InspectionRatings.Parser.ParseJson(first.RatingsJson)) }, false);
        }
        var pending = await ComputeVersionAsync(inspectionId, StoredFiguresVersion.Publication, "", recordedBy, publishedOn, ct);
        var ratings = InspectionRatings.Parser.ParseJson(pending.RatingsJson);
        if (!ratings.CanPublish)
            throw new PreconditionFailedException($"inspection {inspectionId} cannot be published yet: {string.Join("; ", ratings.Blockers)}");
        return (pending, true);
    }

    /// <summary>Stores what the computation gives now for every published inspection this service holds data for and
    /// has no figures stored (published before figures were stored). Returns how many were stored.</summary>
    public async Task<int> StoreFiguresPublishedBeforeAsync(CancellationToken ct)
    {
        var stored = 0;
        foreach (var inspectionId in await store.ListInspectionsWithoutFiguresAsync(ct))
        {
            try
            {
                if (!await IsPublishedAsync(inspectionId, ct)) continue;
                await RecordAtPublicationAsync(inspectionId, null, "Assessment scoring, when figures began to be stored", null, ct);
                stored++;
            }
            catch (Exception e) when (e is DomainException or UpstreamException { Unreached: false })
            {
                // One inspection the computation cannot rate (or the register no longer lists) does not hold up the rest.
                logger.LogWarning("The figures of inspection {InspectionId} were not stored: {Reason}", inspectionId, e.Message);
            }
        }
        return stored;
    }

    // ---------------------------------------------------------------- review and correction

    /// <summary>Each published inspection whose figures computed now differ from the figures as published (with an id:
    /// that inspection, even when nothing differs), and how many were checked.</summary>
    public async Task<(IReadOnlyList<PublishedFigureReview> Reviews, int Checked)> ReviewsAsync(string? inspectionId, CancellationToken ct)
    {
        var ids = string.IsNullOrWhiteSpace(inspectionId) ? await store.ListInspectionsWithFiguresAsync(ct) : [inspectionId.Trim()];
        var reviews = new List<PublishedFigureReview>();
        var checkedCount = 0;
        foreach (var id in ids)
        {
            if (await PublishedVersionAsync(id, ct) is not { } stored)
            {
                if (ids.Count == 1 && !string.IsNullOrWhiteSpace(inspectionId))
                    throw new PreconditionFailedException($"inspection {id} has no published figures to review: it is not published, or its figures are not stored yet");
                continue;
            }
            checkedCount++;
            var review = await ReviewAsync(stored, ct);
            if (review.Differences.Count > 0 || !string.IsNullOrWhiteSpace(inspectionId)) reviews.Add(review);
        }
        return (reviews, checkedCount);
    }

    /// <summary>A person's correction of the published figures: the figures computed now become a new version, with
    /// the reason, listed among the corrections.</summary>
    public async Task<PublishedFigures> CorrectAsync(
        string inspectionId, int expectedVersion, string? reason, string? recordedBy, RequestKey? request, CancellationToken ct)
    {
        RequireId("inspection_id", inspectionId);
        (StoredFiguresVersion Next, PublicationGuard Guard)? decided = null;
        var recorded = await ledger.OnceAsync(request, LedgerAnswer.Itself<Recorded>(),
            async token =>
            {
                decided = await CorrectionAsync(inspectionId, expectedVersion, reason, recordedBy, token);
                return new Recorded(inspectionId);
            },
            (_, connection, transaction) =>
                PublishedFiguresStore.AppendAsync(connection, transaction, decided!.Value.Next, expectedVersion, decided.Value.Guard, ct), ct);
        return ToMessage(recorded.InspectionId, await store.ListAsync(recorded.InspectionId, ct));
    }

    /// <summary>The version a correction adds: the figures computed now, with the reason; refused when there is
    /// nothing to correct.</summary>
    private async Task<(StoredFiguresVersion, PublicationGuard)> CorrectionAsync(
        string inspectionId, int expectedVersion, string? reason, string? recordedBy, CancellationToken ct)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(reason)) violations.Add(new("correction_reason", "why the published figures change is required"));
        if (expectedVersion <= 0) violations.Add(new("expected_version", "the version of the published figures reviewed (1 or more)"));
        ValidationException.ThrowIfAny(violations);
        var registered = await register.GetInspectionAsync(inspectionId, ct);
        var guard = PublicationGuard.For(inspectionId, registered.IsPublished, registered.PublishedOn, reason, Data.Correction.PublishedFigures,
            "published figures", recordedBy ?? "", clock.GetUtcNow());
        if (!registered.IsPublished)
            throw new PreconditionFailedException($"inspection {inspectionId} is not published: its figures are computed, not stored, and need no correction");
        var stored = await store.LatestAsync(inspectionId, ct)
            ?? throw new PreconditionFailedException($"inspection {inspectionId} has no stored figures to correct yet");
        var next = await ComputeVersionAsync(inspectionId, StoredFiguresVersion.Correction, guard.Correction!.Reason, recordedBy, stored.PublishedOn, ct);
        if (stored.Version == expectedVersion && Differences(stored, next).Count == 0)
            throw new PreconditionFailedException($"the figures computed now are the figures as published (version {stored.Version}): there is nothing to correct");
        return (next, guard);
    }

    /// <summary>
    /// After a correction recorded here (a case assessment, a panel departure or published results changed with a
    /// reason), the figures it changes are stored as a new version with the same reason. Should this fail, the write
    /// stands and the inspection appears in the review list, where a person records the correction.
    /// </summary>
    public async Task FollowCorrectionAsync(string inspectionId, string? reason, string? recordedBy, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) return;
        try
        {
            if (await PublishedVersionAsync(inspectionId, ct) is not { } stored) return;
            var next = await ComputeVersionAsync(inspectionId, StoredFiguresVersion.Correction, reason.Trim(), recordedBy, stored.PublishedOn, ct);
            if (Differences(stored, next).Count == 0) return;
            await ledger.OnceAsync(null, LedgerAnswer.Itself<Recorded>(), async (connection, transaction) =>
            {
                await PublishedFiguresStore.AppendAsync(connection, transaction, next, stored.Version, null, ct);
                return new Recorded(inspectionId);
            }, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The corrected figures of inspection {InspectionId} were not stored; it is listed for review", inspectionId);
        }
    }

    /// <summary>Published results recorded for an inspection the register already lists as published (a report
    /// transcribed from before the system) are its figures as published.</summary>
    public async Task AfterPublishedResultsAsync(string inspectionId, string? correctionReason, string? recordedBy, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(correctionReason))
        {
            await FollowCorrectionAsync(inspectionId, correctionReason, recordedBy, ct);
            return;
        }
        if (await IsPublishedAsync(inspectionId, ct) && await store.LatestAsync(inspectionId, ct) is null)
        {
            var first = await ComputeVersionAsync(inspectionId, StoredFiguresVersion.Publication, "", recordedBy,
                (await register.GetInspectionAsync(inspectionId, ct)).PublishedOn, ct);
            await ledger.OnceAsync(null, LedgerAnswer.Itself<Recorded>(), async (connection, transaction) =>
            {
                await PublishedFiguresStore.StoreFirstAsync(connection, transaction, first, replacePending: false, ct);
                return new Recorded(inspectionId);
            }, ct);
        }
    }

    // ---------------------------------------------------------------- the parts

    /// <summary>Why a version 1 was stored after publication, and when the printed report may differ from it: before
    /// issue 19 the computation also counted assessments now set aside, so the report printed then counted them too.</summary>
    private static string BackfillReason(InspectionRatings ratings) => ratings.CasesSetAside == 0
        ? "published before figures were stored"
        : $"published before figures were stored; {ratings.CasesSetAside} assessments set aside (a substituted case or an earlier sample) were counted "
          + "when the report was printed and are not now: check these figures against the printed report";

    private async Task<PublishedFigureReview> ReviewAsync(StoredFiguresVersion stored, CancellationToken ct)
    {
        var now = await ComputeVersionAsync(stored.InspectionId, StoredFiguresVersion.Correction, "", "", stored.PublishedOn, ct);
        var review = new PublishedFigureReview
        {
            InspectionId = stored.InspectionId,
            PublishedVersion = stored.Version,
            PublishedRecordedAt = ScoringMessages.Instant(stored.RecordedAt),
            PublishedMethodVersion = stored.MethodVersion,
            ComputedMethodVersion = ScoringMethod.Version,
        };
        review.Differences.AddRange(Differences(stored, now));
        return review;
    }

    private static IReadOnlyList<FigureDifference> Differences(StoredFiguresVersion published, StoredFiguresVersion computed)
    {
        var (then, thenPrompts) = (InspectionRatings.Parser.ParseJson(published.RatingsJson), PromptResults.Parser.ParseJson(published.PromptsJson));
        var (now, nowPrompts) = (InspectionRatings.Parser.ParseJson(computed.RatingsJson), PromptResults.Parser.ParseJson(computed.PromptsJson));
        return FigureSheet.Differences(FigureSheet.Of(then, thenPrompts), FigureSheet.Of(now, nowPrompts));
    }

    private async Task<StoredFiguresVersion> ComputeVersionAsync(
        string inspectionId, string kind, string reason, string? recordedBy, string? publishedOn, CancellationToken ct)
    {
        var ratings = await ComputedRatingsAsync(inspectionId, ct);
        var prompts = await ComputedPromptsAsync(inspectionId, ct);
        // What the inspection says is its figures; the corrections are listed beside them as they are recorded.
        ratings.Corrections.Clear();
        return new StoredFiguresVersion(inspectionId, 0, kind, reason, recordedBy ?? "", clock.GetUtcNow(), publishedOn ?? "",
            ratings.FrameworkId, ratings.FrameworkVersion, ScoringMethod.Version, Json.Format(ratings), Json.Format(prompts));
    }

    private async Task<InspectionRatings> ComputedRatingsAsync(string inspectionId, CancellationToken ct)
    {
        var ratings = ScoringMessages.ToMessage(await computed.GetRatingsAsync(inspectionId, ct));
        ratings.MethodVersion = ScoringMethod.Version;
        return ratings;
    }

    private async Task<PromptResults> ComputedPromptsAsync(string inspectionId, CancellationToken ct)
    {
        var (prompts, source) = await computed.GetPromptResultsAsync(inspectionId, ct);
        return ScoringMessages.ToMessage(prompts, source, inspectionId);
    }

    /// <summary>The newest stored version when the inspection is published and has figures stored; otherwise null.</summary>
    private async Task<StoredFiguresVersion?> PublishedVersionAsync(string inspectionId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(inspectionId)) return null;
        var latest = await store.LatestAsync(inspectionId, ct);
        return latest is not null && await IsPublishedAsync(inspectionId, ct) ? latest : null;
    }

    private async Task<bool> IsPublishedAsync(string inspectionId, CancellationToken ct)
    {
        if (_published.ContainsKey(inspectionId)) return true;
        if (!(await register.GetInspectionAsync(inspectionId, ct)).IsPublished) return false;
        _published[inspectionId] = true;
        return true;
    }

    private static (InspectionRatings Ratings, PromptResults Prompts) AsPublished(StoredFiguresVersion stored)
    {
        var ratings = InspectionRatings.Parser.ParseJson(stored.RatingsJson);
        ratings.PublishedFiguresVersion = stored.Version;
        ratings.PublishedFiguresRecordedAt = ScoringMessages.Instant(stored.RecordedAt);
        ratings.MethodVersion = stored.MethodVersion;
        var prompts = PromptResults.Parser.ParseJson(stored.PromptsJson);
        prompts.PublishedFiguresVersion = stored.Version;
        return (ratings, prompts);
    }

    private static PublishedFigures ToMessage(string inspectionId, IReadOnlyList<StoredFiguresVersion> versions)
    {
        var message = new PublishedFigures { InspectionId = inspectionId };
        message.Versions.AddRange(versions.Select(v =>
        {
            var (ratings, prompts) = AsPublished(v);
            return new PublishedFiguresVersion
            {
                Version = v.Version, Kind = v.Kind, Reason = v.Reason, RecordedBy = v.RecordedBy, RecordedAt = ScoringMessages.Instant(v.RecordedAt),
                FrameworkId = v.FrameworkId, FrameworkVersion = v.FrameworkVersion, MethodVersion = v.MethodVersion, Ratings = ratings, Prompts = prompts,
                PublishedOn = v.PublishedOn,
            };
        }));
        return message;
    }

    private static void RequireId(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ValidationException(field, $"{field} is required");
    }
}
