using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Inspection.Data;
using Inspection.Domain;
using Inspection.Recommendations.Domain;
using Npgsql;

namespace Inspection.Recommendations.Data;

/// <summary>
/// All of the service's SQL. Every write runs in one transaction that first claims its client request id
/// (a retry with the same id returns the first result) and checks the caller's expected version, then applies
/// the domain core's rules to what it read inside that transaction.
/// </summary>
public sealed class RecommendationStore
{
    // Serialises restructures, so two concurrent ones cannot together close a cycle the lineage check would refuse alone.
    private const long LineageLockKey = 0x5265_634C_696E_6561; // "RecLinea"

    private const string ProviderSelect =
        "select provider_id, name, type, region, active_from, active_to, version, created_by, created_at from providers p";

    private const string LinkSelect =
        """
        select l.restructure_id, l.successor_id, l.predecessor_id, r.effective_on, r.note, l.part_note, r.recorded_by
        from predecessor_links l join restructures r on r.restructure_id = l.restructure_id
        """;

    private const string InspectionSelect =
        """
        select i.inspection_id, i.provider_id, p.name as provider_name, i.framework_id, i.status, i.fieldwork_start, i.fieldwork_end,
               i.lead_inspector, i.published_on, i.improvement_plan_due, i.published_by, i.version, i.created_by, i.created_at,
               i.improvement_plan_received_on, i.improvement_plan_recorded_by,
               (select count(*) from recommendations c where c.inspection_id = i.inspection_id)::int as recommendation_count
        from inspections i join providers p on p.provider_id = i.provider_id
        """;

    private const string RecommendationSelect =
        """
        select r.recommendation_id, r.inspection_id, i.provider_id as inspected_provider_id, r.number, r.addressee_group,
               r.addressee_provider_id, a.name as addressee_name, r.text, r.version, i.published_on as inspection_published_on,
               i.improvement_plan_due, i.improvement_plan_received_on, r.recorded_by, r.recorded_at, r.correction_reason
        from recommendations r
        join inspections i on i.inspection_id = r.inspection_id
        join providers a on a.provider_id = r.addressee_provider_id
        """;

    private const string JudgementSelect =
        """
        select j.judgement_id, j.sequence, j.recommendation_id, j.inspection_id, ji.provider_id as inspection_provider_id, j.judgement,
               j.findings, j.repeated_from_previous_inspection, j.revision, j.recorded_by, j.recorded_at, j.correction_reason
        from progress_judgements j join inspections ji on ji.inspection_id = j.inspection_id
        """;

    private readonly Database _database;
    private readonly FrameworkCatalogue _frameworks;

    public RecommendationStore(Database database, FrameworkCatalogue frameworks)
    {
        _database = database;
        _frameworks = frameworks;
    }

    // ---------------- Providers ----------------

    public Task<Written<Provider>> CreateProviderAsync(string requestId, NewProvider provider, CancellationToken ct) =>
        _database.InTransactionAsync(async (c, tx) =>
        {
            var claim = await ClaimRequestAsync(c, tx, requestId, "CreateProvider", provider, ct);
            if (claim.Replayed) return new Written<Provider>(await GetProviderAsync(c, tx, claim.ResultId, ct), true);

            var id = Guid.CreateVersion7();
            try
            {
                await c.ExecuteAsync(new CommandDefinition(
                    """
                    insert into providers (provider_id, name, type, region, active_from, active_to, created_by)
                    values (@id, @Name, @type, @Region, @from::date, @to::date, @CreatedBy)
                    """,
                    new { id, provider.Name, type = provider.Type.Word, provider.Region, from = AsDate(provider.ActiveFrom), to = AsDate(provider.ActiveTo), provider.CreatedBy },
                    tx, cancellationToken: ct));
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "providers_name_key")
            {
                throw new AlreadyExistsException($"A provider named '{provider.Name}' is already in the register.");
            }
            await CompleteRequestAsync(c, tx, requestId, id, ct);
            return new Written<Provider>(await GetProviderAsync(c, tx, id, ct), false);
        }, ct);

    public async Task<Provider> GetProviderAsync(Guid providerId, CancellationToken ct)
    {
        await using var c = await _database.OpenAsync(ct);
        return await GetProviderAsync(c, null, providerId, ct);
    }

    public async Task<Page<Provider>> ListProvidersAsync(ProviderQuery query, CancellationToken ct)
    {
        await using var c = await _database.OpenAsync(ct);
        var rows = await c.QueryAsync<ProviderRow>(new CommandDefinition(
            ProviderSelect + """

            where (@type::text is null or p.type = @type)
              and (@region::text is null or lower(p.region) = lower(@region))
              and (@name::text is null or strpos(lower(p.name), lower(@name)) > 0)
              and (@activeOn::date is null or ((p.active_from is null or p.active_from <= @activeOn::date)
                                                and (p.active_to is null or p.active_to >= @activeOn::date)))
            order by p.name, p.provider_id
            limit @limit offset @offset
            """,
            new
            {
                type = query.Type?.Word,
                region = NullIfEmpty(query.Region),
                name = NullIfEmpty(query.NameContains),
                activeOn = AsDate(query.ActiveOn),
                limit = query.Page.Size + 1,
                offset = query.Page.Offset,
            }, cancellationToken: ct));
        return query.Page.ToPage(rows.Select(r => r.ToProvider()).ToList());
    }

    public Task<Written<LineageView>> RecordRestructureAsync(string requestId, NewRestructure restructure, long expectedVersion, CancellationToken ct) =>
        _database.InTransactionAsync(async (c, tx) =>
        {
            var claim = await ClaimRequestAsync(c, tx, requestId, "RecordRestructure", restructure, ct);
            if (claim.Replayed) return new Written<LineageView>(await GetLineageAsync(c, tx, restructure.SuccessorId, ct), true);

            await c.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(@key)", new { key = LineageLockKey }, tx, cancellationToken: ct));
            var successor = await GetProviderAsync(c, tx, restructure.SuccessorId, ct);
            var predecessorIds = restructure.Predecessors.Select(p => p.ProviderId).ToArray();
            var known = (await c.QueryAsync<Guid>(new CommandDefinition(
                "select provider_id from providers where provider_id = any(@predecessorIds)", new { predecessorIds }, tx, cancellationToken: ct))).ToHashSet();
            ValidationException.ThrowIfAny(restructure.Predecessors
                .Select((p, i) => (p, i))
                .Where(x => !known.Contains(x.p.ProviderId))
                .Select(x => new FieldViolation($"predecessors[{x.i}].provider_id", $"no provider {Identifier.Format(x.p.ProviderId)} in the register"))
                .ToList());
            await BumpVersionAsync(c, tx, "providers", "provider_id", successor.Id, expectedVersion, "Provider", ct);

            new ProviderLineage(await LoadLinksAsync(c, tx, ct)).EnsureCanRecord(restructure);

            var restructureId = Guid.CreateVersion7();
            await c.ExecuteAsync(new CommandDefinition(
                """
                insert into restructures (restructure_id, successor_id, effective_on, note, recorded_by)
                values (@restructureId, @SuccessorId, @effectiveOn::date, @Note, @RecordedBy)
                """,
                new { restructureId, restructure.SuccessorId, effectiveOn = AsDate(restructure.EffectiveOn), restructure.Note, restructure.RecordedBy },
                tx, cancellationToken: ct));
            await c.ExecuteAsync(new CommandDefinition(
                """
                insert into predecessor_links (restructure_id, successor_id, predecessor_id, part_note)
                values (@restructureId, @successorId, @ProviderId, @Note)
                """,
                restructure.Predecessors.Select(p => new { restructureId, successorId = restructure.SuccessorId, p.ProviderId, p.Note }),
                tx, cancellationToken: ct));
            await CompleteRequestAsync(c, tx, requestId, restructureId, ct);
            return new Written<LineageView>(await GetLineageAsync(c, tx, restructure.SuccessorId, ct), false);
        }, ct);

    public async Task<LineageView> GetLineageAsync(Guid providerId, CancellationToken ct)
    {
        await using var c = await _database.OpenAsync(ct);
        return await GetLineageAsync(c, null, providerId, ct);
    }

    // ---------------- Inspections ----------------

    public Task<Written<ProviderInspection>> CreateInspectionAsync(string requestId, NewInspection inspection, CancellationToken ct) =>
        _database.InTransactionAsync(async (c, tx) =>
        {
            var claim = await ClaimRequestAsync(c, tx, requestId, "CreateInspection", inspection, ct);
            if (claim.Replayed) return new Written<ProviderInspection>(await GetInspectionAsync(c, tx, claim.ResultId, ct), true);

            await GetProviderAsync(c, tx, inspection.ProviderId, ct);
            var id = Guid.CreateVersion7();
            await c.ExecuteAsync(new CommandDefinition(
                """
                insert into inspections (inspection_id, provider_id, framework_id, status, fieldwork_start, fieldwork_end, lead_inspector, created_by)
                values (@id, @ProviderId, @FrameworkId, 'planned', @start::date, @end::date, @LeadInspector, @CreatedBy)
                """,
                new { id, inspection.ProviderId, inspection.FrameworkId, start = AsDate(inspection.FieldworkStart), end = AsDate(inspection.FieldworkEnd), inspection.LeadInspector, inspection.CreatedBy },
                tx, cancellationToken: ct));
            await CompleteRequestAsync(c, tx, requestId, id, ct);
            return new Written<ProviderInspection>(await GetInspectionAsync(c, tx, id, ct), false);
        }, ct);

    public async Task<ProviderInspection> GetInspectionAsync(Guid inspectionId, CancellationToken ct)
    {
        await using var c = await _database.OpenAsync(ct);
        return await GetInspectionAsync(c, null, inspectionId, ct);
    }

    public async Task<Page<ProviderInspection>> ListInspectionsAsync(InspectionQuery query, CancellationToken ct)
    {
        await using var c = await _database.OpenAsync(ct);
        Guid[]? providers = null;
        if (query.ProviderId is { } providerId)
        {
            await GetProviderAsync(c, null, providerId, ct);
            providers = query.IncludePredecessors
                ? new ProviderLineage(await LoadLinksAsync(c, null, ct)).ReachOf(providerId).ToArray()
                : [providerId];
        }
        const string where =
            """

            where (@providers::uuid[] is null or i.provider_id = any(@providers))
              and (@status::text is null or i.status = @status)
              and (@framework::text is null or i.framework_id = @framework)
              and (@from::date is null or coalesce(i.fieldwork_start, i.published_on) >= @from::date)
              and (@to::date is null or coalesce(i.fieldwork_start, i.published_on) <= @to::date)
              and (not @planOverdueOnly or (i.status = 'published' and i.improvement_plan_due < @asOf::date and i.improvement_plan_received_on is null))
            """;
        var order = query.NewestFirst
            ? "order by coalesce(i.published_on, i.fieldwork_start) desc nulls last, p.name, i.inspection_id"
            : "order by coalesce(i.fieldwork_start, i.published_on) nulls last, p.name, i.inspection_id";
        var parameters = new
        {
            providers,
            status = query.Status?.Word,
            framework = NullIfEmpty(query.FrameworkId),
            from = AsDate(query.From),
            to = AsDate(query.To),
            planOverdueOnly = query.ImprovementPlanOverdueOnly,
            asOf = AsDate(query.AsOf ?? DateOnly.FromDateTime(DateTime.UtcNow)),
            limit = query.Page.Size + 1,
            offset = query.Page.Offset,
        };
        var rows = await c.QueryAsync<InspectionRow>(new CommandDefinition(
            InspectionSelect + where + order + " limit @limit offset @offset", parameters, cancellationToken: ct));
        var total = await c.ExecuteScalarAsync<int>(new CommandDefinition(
            "select count(*)::int from inspections i join providers p on p.provider_id = i.provider_id" + where, parameters, cancellationToken: ct));
        return query.Page.ToPage(rows.Select(r => r.ToInspection()).ToList()) with { Total = total };
    }

    public Task<Written<ProviderInspection>> PublishInspectionAsync(string requestId, InspectionPublication publication, long expectedVersion, CancellationToken ct) =>
        _database.InTransactionAsync(async (c, tx) =>
        {
            var claim = await ClaimRequestAsync(c, tx, requestId, "PublishInspection", publication, ct);
            if (claim.Replayed) return new Written<ProviderInspection>(await GetInspectionAsync(c, tx, claim.ResultId, ct), true);

            var inspection = await GetInspectionAsync(c, tx, publication.InspectionId, ct, forUpdate: true);
            EnsureVersion("Inspection", inspection.Id, inspection.Version, expectedVersion);
            var published = inspection.Publish(publication, _frameworks.ImprovementPlanFor(inspection.FrameworkId));
            await c.ExecuteAsync(new CommandDefinition(
                """
                update inspections
                set status = @status, published_on = @publishedOn::date, improvement_plan_due = @due::date, published_by = @PublishedBy, version = version + 1
                where inspection_id = @Id
                """,
                new { status = published.Status.Word, publishedOn = AsDate(published.PublishedOn), due = AsDate(published.ImprovementPlanDue), published.PublishedBy, published.Id },
                tx, cancellationToken: ct));
            await CompleteRequestAsync(c, tx, requestId, inspection.Id, ct);
            return new Written<ProviderInspection>(await GetInspectionAsync(c, tx, inspection.Id, ct), false);
        }, ct);

    public Task<Written<ProviderInspection>> RecordImprovementPlanReceiptAsync(
        string requestId, ImprovementPlanReceipt receipt, long expectedVersion, DateOnly today, CancellationToken ct) =>
        _database.InTransactionAsync(async (c, tx) =>
        {
            var claim = await ClaimRequestAsync(c, tx, requestId, "RecordImprovementPlanReceipt", receipt, ct);
            if (claim.Replayed) return new Written<ProviderInspection>(await GetInspectionAsync(c, tx, claim.ResultId, ct), true);

            var inspection = await GetInspectionAsync(c, tx, receipt.InspectionId, ct, forUpdate: true);
            EnsureVersion("Inspection", inspection.Id, inspection.Version, expectedVersion);
            var received = inspection.RecordImprovementPlanReceipt(receipt, today);
            await c.ExecuteAsync(new CommandDefinition(
                """
                update inspections
                set improvement_plan_received_on = @receivedOn::date, improvement_plan_recorded_by = @ImprovementPlanRecordedBy, version = version + 1
                where inspection_id = @Id
                """,
                new { receivedOn = AsDate(received.ImprovementPlanReceivedOn), received.ImprovementPlanRecordedBy, received.Id },
                tx, cancellationToken: ct));
            await CompleteRequestAsync(c, tx, requestId, inspection.Id, ct);
            return new Written<ProviderInspection>(await GetInspectionAsync(c, tx, inspection.Id, ct), false);
        }, ct);

    // ---------------- Recommendations ----------------

    public Task<Written<AddedRecommendations>> AddRecommendationsAsync(string requestId, NewRecommendations batch, long expectedVersion, CancellationToken ct) =>
        _database.InTransactionAsync(async (c, tx) =>
        {
            var claim = await ClaimRequestAsync(c, tx, requestId, "AddRecommendations", batch, ct);
            if (!claim.Replayed)
            {
                var inspection = await GetInspectionAsync(c, tx, batch.InspectionId, ct, forUpdate: true);
                EnsureVersion("Inspection", inspection.Id, inspection.Version, expectedVersion);
                var correctionReason = batch.CorrectionReasonAt(inspection);

                var inspected = await GetProviderAsync(c, tx, inspection.ProviderId, ct);
                var addresseeIds = batch.Items.Select(i => i.AddresseeProviderId).Distinct().ToArray();
                var addressees = (await c.QueryAsync<ProviderRow>(new CommandDefinition(
                        ProviderSelect + " where p.provider_id = any(@addresseeIds)", new { addresseeIds }, tx, cancellationToken: ct)))
                    .Select(r => r.ToProvider())
                    .ToDictionary(p => p.Id);
                var last = await c.QuerySingleOrDefaultAsync<LastRecommendationRow>(new CommandDefinition(
                    "select number, addressee_group from recommendations where inspection_id = @InspectionId order by number desc limit 1",
                    new { batch.InspectionId }, tx, cancellationToken: ct));
                var numbered = RecommendationNumbering.Number(
                    inspected, last is null ? null : AddresseeGroup.FromWord(last.AddresseeGroup), last?.Number ?? 0, batch, addressees,
                    inspection.CalendarDate ?? DateOnly.FromDateTime(DateTime.UtcNow));

                await c.ExecuteAsync(new CommandDefinition(
                    """
                    insert into recommendations (recommendation_id, inspection_id, number, addressee_group, addressee_provider_id, text, request_id, recorded_by, correction_reason)
                    values (@id, @inspectionId, @number, @group, @addressee, @text, @requestId, @recordedBy, @correctionReason)
                    """,
                    numbered.Select(n => new
                    {
                        id = Guid.CreateVersion7(),
                        inspectionId = batch.InspectionId,
                        number = n.Number,
                        group = n.Recommendation.AddresseeGroup.Word,
                        addressee = n.Recommendation.AddresseeProviderId,
                        text = n.Recommendation.Text,
                        requestId,
                        recordedBy = batch.RecordedBy,
                        correctionReason,
                    }),
                    tx, cancellationToken: ct));
                await c.ExecuteAsync(new CommandDefinition(
                    "update inspections set version = version + 1 where inspection_id = @InspectionId", new { batch.InspectionId }, tx, cancellationToken: ct));
                await CompleteRequestAsync(c, tx, requestId, batch.InspectionId, ct);
            }

            var made = await LoadProgressAsync(c, tx,
                RecommendationSelect + " where r.inspection_id = @inspectionId and r.request_id = @requestId order by r.number",
                new { inspectionId = batch.InspectionId, requestId }, ct);
            return new Written<AddedRecommendations>(
                new AddedRecommendations(await GetInspectionAsync(c, tx, batch.InspectionId, ct), made), claim.Replayed);
        }, ct);

    public async Task<RecommendationProgress> GetRecommendationAsync(Guid recommendationId, CancellationToken ct)
    {
        await using var c = await _database.OpenAsync(ct);
        return await GetRecommendationAsync(c, null, recommendationId, ct);
    }

    public async Task<Page<RecommendationProgress>> ListRecommendationsAsync(RecommendationQuery query, CancellationToken ct)
    {
        await using var c = await _database.OpenAsync(ct);
        Guid[]? providers = null;
        if (query.ProviderId is { } providerId)
        {
            await GetProviderAsync(c, null, providerId, ct);
            providers = query.IncludePredecessors
                ? new ProviderLineage(await LoadLinksAsync(c, null, ct)).ReachOf(providerId).ToArray()
                : [providerId];
        }
        const string filter =
            """

            join providers ip on ip.provider_id = i.provider_id
            left join lateral (
                select lj.judgement from progress_judgements lj where lj.recommendation_id = r.recommendation_id order by lj.sequence desc limit 1
            ) latest on true
            where (@providers::uuid[] is null or r.addressee_provider_id = any(@providers))
              and (@addresseeGroup::text is null or r.addressee_group = @addresseeGroup)
              and (@inspectionId::uuid is null or r.inspection_id = @inspectionId)
              and (@latest::text is null or (@latest = @neverJudged and latest.judgement is null) or latest.judgement = @latest)
              and (not @overdueOnly or (i.improvement_plan_due < @asOf::date and i.improvement_plan_received_on is null
                                        and (latest.judgement is null or latest.judgement <> @closing)))
              and (@text::text is null or strpos(lower(r.text), lower(@text)) > 0)
              and (@region::text is null or lower(a.region) = lower(@region) or lower(ip.region) = lower(@region))
            """;
        var order = query.NewestFirst
            ? " order by i.published_on desc nulls last, r.inspection_id, r.number"
            : " order by i.published_on nulls last, r.inspection_id, r.number";
        var parameters = new
            {
                providers,
                addresseeGroup = query.AddresseeGroup?.Word,
                inspectionId = query.InspectionId,
                latest = NullIfEmpty(query.LatestJudgement),
                neverJudged = RecommendationQuery.NeverJudged,
                overdueOnly = query.OverdueOnly,
                asOf = AsDate(query.AsOf),
                closing = _frameworks.CombinedProgressScale().ClosingWord,
                text = NullIfEmpty(query.TextContains),
                region = NullIfEmpty(query.Region),
                limit = query.Page.Size + 1,
                offset = query.Page.Offset,
            };
        var items = await LoadProgressAsync(c, null, RecommendationSelect + filter + order + " limit @limit offset @offset", parameters, ct);
        var total = await c.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            select count(*)::int from recommendations r
            join inspections i on i.inspection_id = r.inspection_id
            join providers a on a.provider_id = r.addressee_provider_id
            """ + filter, parameters, cancellationToken: ct));
        return query.Page.ToPage(items) with { Total = total };
    }

    // ---------------- Progress ----------------

    public async Task<DueList> ListDueForJudgementAsync(Guid inspectionId, CancellationToken ct)
    {
        await using var c = await _database.OpenAsync(ct);
        var inspection = await GetInspectionAsync(c, null, inspectionId, ct);
        var reach = new ProviderLineage(await LoadLinksAsync(c, null, ct)).ReachOf(inspection.ProviderId);
        var candidates = await LoadProgressAsync(c, null,
            RecommendationSelect + " where r.addressee_provider_id = any(@reach)", new { reach = reach.ToArray() }, ct);
        var scale = _frameworks.ProgressScaleFor(inspection.FrameworkId);
        return new DueList(inspection, scale, DueForJudgement.Select(inspection, reach, candidates, scale));
    }

    public Task<Written<RecordedJudgement>> RecordProgressJudgementAsync(string requestId, NewProgressJudgement judgement, long expectedVersion, CancellationToken ct) =>
        _database.InTransactionAsync(async (c, tx) =>
        {
            var claim = await ClaimRequestAsync(c, tx, requestId, "RecordProgressJudgement", judgement, ct);
            Guid judgementId;
            if (claim.Replayed)
            {
                judgementId = claim.ResultId;
            }
            else
            {
                var recommendation = await GetRecommendationAsync(c, tx, judgement.RecommendationId, ct);
                var inspection = await GetInspectionAsync(c, tx, judgement.InspectionId, ct);
                var scale = _frameworks.ProgressScaleFor(inspection.FrameworkId);
                var word = judgement.ValidJudgement(scale);
                var reach = new ProviderLineage(await LoadLinksAsync(c, tx, ct)).ReachOf(inspection.ProviderId);
                DueForJudgement.EnsureDue(inspection, reach, recommendation, scale);
                var correctionReason = judgement.CorrectionReasonAt(inspection);

                // The version check takes the recommendation's row lock: of two judgements racing from the same
                // version, the second waits here, then finds the version moved on and is refused.
                await BumpVersionAsync(c, tx, "recommendations", "recommendation_id", judgement.RecommendationId, expectedVersion, "Recommendation", ct);
                judgementId = Guid.CreateVersion7();
                try
                {
                    await c.ExecuteAsync(new CommandDefinition(
                        """
                        insert into progress_judgements
                            (judgement_id, recommendation_id, inspection_id, revision, judgement, findings, repeated_from_previous_inspection, recorded_by, correction_reason)
                        values (@judgementId, @RecommendationId, @InspectionId,
                                (select coalesce(max(revision), 0) + 1 from progress_judgements
                                 where recommendation_id = @RecommendationId and inspection_id = @InspectionId),
                                @word, @Findings, @RepeatedFromPreviousInspection, @RecordedBy, @correctionReason)
                        """,
                        new { judgementId, judgement.RecommendationId, judgement.InspectionId, word, judgement.Findings, judgement.RepeatedFromPreviousInspection, judgement.RecordedBy, correctionReason },
                        tx, cancellationToken: ct));
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "progress_judgements_revision_key")
                {
                    throw new ConcurrencyConflictException(
                        $"Another judgement of recommendation {Identifier.Format(judgement.RecommendationId)} at this inspection was recorded at the same time; read it and try again.");
                }
                await CompleteRequestAsync(c, tx, requestId, judgementId, ct);
            }

            var recorded = (await c.QueryAsync<JudgementRow>(new CommandDefinition(
                JudgementSelect + " where j.judgement_id = @judgementId", new { judgementId }, tx, cancellationToken: ct))).Single().ToJudgement();
            var progress = await GetRecommendationAsync(c, tx, recorded.RecommendationId, ct);
            var at = await GetInspectionAsync(c, tx, recorded.InspectionId, ct);
            return new Written<RecordedJudgement>(new RecordedJudgement(recorded, progress, at), claim.Replayed);
        }, ct);

    public async Task<ProgressSummary> GetProgressSummaryAsync(ProgressSummaryQuery query, CancellationToken ct)
    {
        await using var c = await _database.OpenAsync(ct);
        var scale = _frameworks.CombinedProgressScale();
        if (query.InspectionId is { } inspectionId)
            scale = _frameworks.ProgressScaleFor((await GetInspectionAsync(c, null, inspectionId, ct)).FrameworkId);
        Guid[]? providers = null;
        if (query.ProviderId is { } providerId)
        {
            await GetProviderAsync(c, null, providerId, ct);
            providers = new ProviderLineage(await LoadLinksAsync(c, null, ct)).ReachOf(providerId).ToArray();
        }
        var rows = await c.QueryAsync<FactRow>(new CommandDefinition(
            """
            select j.judgement_id, j.sequence, j.recommendation_id, j.inspection_id, ji.provider_id as inspection_provider_id, j.judgement,
                   j.findings, j.repeated_from_previous_inspection, j.revision, j.recorded_by, j.recorded_at, j.correction_reason,
                   jp.name as judging_provider_name, ji.fieldwork_start as judging_fieldwork_start, ji.published_on as judging_published_on,
                   r.addressee_provider_id, a.name as addressee_name, a.region as addressee_region, r.addressee_group
            from progress_judgements j
            join inspections ji on ji.inspection_id = j.inspection_id
            join providers jp on jp.provider_id = ji.provider_id
            join recommendations r on r.recommendation_id = j.recommendation_id
            join providers a on a.provider_id = r.addressee_provider_id
            where (@inspectionId::uuid is null or j.inspection_id = @inspectionId)
              and (@providers::uuid[] is null or r.addressee_provider_id = any(@providers))
            order by j.sequence
            """,
            new { inspectionId = query.InspectionId, providers }, cancellationToken: ct));
        return ProgressSummary.Count(rows.Select(r => r.ToFact()), query.GroupBy, scale);
    }

    // ---------------- Reads inside a connection or transaction ----------------

    private static async Task<Provider> GetProviderAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid providerId, CancellationToken ct)
    {
        var row = await c.QuerySingleOrDefaultAsync<ProviderRow>(new CommandDefinition(
            ProviderSelect + " where p.provider_id = @providerId", new { providerId }, tx, cancellationToken: ct));
        return row?.ToProvider() ?? throw new NotFoundException("Provider", Identifier.Format(providerId));
    }

    private static async Task<ProviderInspection> GetInspectionAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, Guid inspectionId, CancellationToken ct, bool forUpdate = false)
    {
        var row = await c.QuerySingleOrDefaultAsync<InspectionRow>(new CommandDefinition(
            InspectionSelect + " where i.inspection_id = @inspectionId" + (forUpdate ? " for update of i" : string.Empty),
            new { inspectionId }, tx, cancellationToken: ct));
        return row?.ToInspection() ?? throw new NotFoundException("Inspection", Identifier.Format(inspectionId));
    }

    private static async Task<RecommendationProgress> GetRecommendationAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid recommendationId, CancellationToken ct)
    {
        var found = await LoadProgressAsync(c, tx, RecommendationSelect + " where r.recommendation_id = @recommendationId", new { recommendationId }, ct);
        return found.SingleOrDefault() ?? throw new NotFoundException("Recommendation", Identifier.Format(recommendationId));
    }

    /// <summary>Recommendations selected by <paramref name="sql"/> (which must start with <see cref="RecommendationSelect"/>), each with its history.</summary>
    private static async Task<IReadOnlyList<RecommendationProgress>> LoadProgressAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, string sql, object parameters, CancellationToken ct)
    {
        var recommendations = (await c.QueryAsync<RecommendationRow>(new CommandDefinition(sql, parameters, tx, cancellationToken: ct)))
            .Select(r => r.ToRecommendation())
            .ToList();
        if (recommendations.Count == 0) return [];
        var ids = recommendations.Select(r => r.Id).ToArray();
        var history = (await c.QueryAsync<JudgementRow>(new CommandDefinition(
                JudgementSelect + " where j.recommendation_id = any(@ids) order by j.sequence", new { ids }, tx, cancellationToken: ct)))
            .Select(j => j.ToJudgement())
            .ToLookup(j => j.RecommendationId);
        return recommendations.Select(r => new RecommendationProgress(r, history[r.Id].ToList())).ToList();
    }

    private static async Task<IReadOnlyList<PredecessorLink>> LoadLinksAsync(NpgsqlConnection c, NpgsqlTransaction? tx, CancellationToken ct) =>
        (await c.QueryAsync<LinkRow>(new CommandDefinition(LinkSelect, transaction: tx, cancellationToken: ct))).Select(l => l.ToLink()).ToList();

    private static async Task<LineageView> GetLineageAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid providerId, CancellationToken ct)
    {
        var provider = await GetProviderAsync(c, tx, providerId, ct);
        var lineage = new ProviderLineage(await LoadLinksAsync(c, tx, ct));
        var ancestors = lineage.AncestorsOf(providerId);
        var successors = lineage.SuccessorsOf(providerId);
        var ids = ancestors.Concat(successors).Select(s => s.ProviderId).Distinct().ToArray();
        var providers = (await c.QueryAsync<ProviderRow>(new CommandDefinition(
                ProviderSelect + " where p.provider_id = any(@ids)", new { ids }, tx, cancellationToken: ct)))
            .Select(r => r.ToProvider())
            .ToDictionary(p => p.Id);
        return new LineageView(
            provider,
            ancestors.Select(s => new LineageEntry(providers[s.ProviderId], s)).ToList(),
            successors.Select(s => new LineageEntry(providers[s.ProviderId], s)).ToList());
    }

    // ---------------- Request ids and versions ----------------

    /// <summary>
    /// Claims the request id for this transaction. When it was claimed already (a retry), waits for that
    /// transaction to finish and returns what it made; the same id with different content is refused.
    /// </summary>
    private static async Task<(bool Replayed, Guid ResultId)> ClaimRequestAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string requestId, string operation, object request, CancellationToken ct)
    {
        var fingerprint = Fingerprint(operation, request);
        var claimed = await c.ExecuteAsync(new CommandDefinition(
            """
            insert into client_requests (request_id, operation, fingerprint) values (@requestId, @operation, @fingerprint)
            on conflict (request_id) do nothing
            """,
            new { requestId, operation, fingerprint }, tx, cancellationToken: ct));
        if (claimed == 1) return (false, Guid.Empty);

        var earlier = await c.QuerySingleAsync<RequestRow>(new CommandDefinition(
            "select operation, fingerprint, result_id from client_requests where request_id = @requestId", new { requestId }, tx, cancellationToken: ct));
        if (earlier.Operation != operation || earlier.Fingerprint != fingerprint || earlier.ResultId is null)
            throw new AlreadyExistsException(
                $"Request id '{requestId}' was already used for a different {earlier.Operation} request; use a new request id for a new request.");
        return (true, earlier.ResultId.Value);
    }

    private static Task CompleteRequestAsync(NpgsqlConnection c, NpgsqlTransaction tx, string requestId, Guid resultId, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            "update client_requests set result_id = @resultId where request_id = @requestId", new { requestId, resultId }, tx, cancellationToken: ct));

    private static string Fingerprint(string operation, object request)
    {
        var json = JsonSerializer.Serialize(request, request.GetType());
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(operation + "\n" + json)));
    }

    /// <summary>Moves the row to the next version if it is still at the version the caller read; the row stays locked to the end of the transaction.</summary>
    private static async Task BumpVersionAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string table, string key, Guid id, long expectedVersion, string what, CancellationToken ct)
    {
        var bumped = await c.ExecuteAsync(new CommandDefinition(
            $"update {table} set version = version + 1 where {key} = @id and version = @expectedVersion", new { id, expectedVersion }, tx, cancellationToken: ct));
        if (bumped == 1) return;
        var current = await c.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            $"select version from {table} where {key} = @id", new { id }, tx, cancellationToken: ct));
        if (current is null) throw new NotFoundException(what, Identifier.Format(id));
        EnsureVersion(what, id, current.Value, expectedVersion);
    }

    private static void EnsureVersion(string what, Guid id, long current, long expected)
    {
        if (current != expected)
            throw new ConcurrencyConflictException(
                $"{what} {Identifier.Format(id)} is at version {current}, not {expected}: someone else changed it; read it again and retry.");
    }

    private static DateTime? AsDate(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    private static DateOnly? FromDate(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;

    private static DateTimeOffset FromTimestamp(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    // ---------------- Rows ----------------

    private sealed class ProviderRow
    {
        public Guid ProviderId { get; set; }
        public string Name { get; set; } = "";
        public string Type { get; set; } = "";
        public string Region { get; set; } = "";
        public DateTime? ActiveFrom { get; set; }
        public DateTime? ActiveTo { get; set; }
        public long Version { get; set; }
        public string CreatedBy { get; set; } = "";
        public DateTime CreatedAt { get; set; }

        public Provider ToProvider()
        {
            ProviderType.TryParse(Type, out var type);
            return new Provider(ProviderId, Name, type, Region, FromDate(ActiveFrom), FromDate(ActiveTo), Version, CreatedBy, FromTimestamp(CreatedAt));
        }
    }

    private sealed class LinkRow
    {
        public Guid RestructureId { get; set; }
        public Guid SuccessorId { get; set; }
        public Guid PredecessorId { get; set; }
        public DateTime EffectiveOn { get; set; }
        public string Note { get; set; } = "";
        public string PartNote { get; set; } = "";
        public string RecordedBy { get; set; } = "";

        public PredecessorLink ToLink() =>
            new(RestructureId, SuccessorId, PredecessorId, DateOnly.FromDateTime(EffectiveOn), Note, PartNote, RecordedBy);
    }

    private sealed class InspectionRow
    {
        public Guid InspectionId { get; set; }
        public Guid ProviderId { get; set; }
        public string ProviderName { get; set; } = "";
        public string FrameworkId { get; set; } = "";
        public string Status { get; set; } = "";
        public DateTime? FieldworkStart { get; set; }
        public DateTime? FieldworkEnd { get; set; }
        public string LeadInspector { get; set; } = "";
        public DateTime? PublishedOn { get; set; }
        public DateTime? ImprovementPlanDue { get; set; }
        public string PublishedBy { get; set; } = "";
        public int RecommendationCount { get; set; }
        public long Version { get; set; }
        public string CreatedBy { get; set; } = "";
        public DateTime CreatedAt { get; set; }
        public DateTime? ImprovementPlanReceivedOn { get; set; }
        public string ImprovementPlanRecordedBy { get; set; } = "";

        public ProviderInspection ToInspection() =>
            new(InspectionId, ProviderId, ProviderName, FrameworkId, InspectionStatus.FromWord(Status), FromDate(FieldworkStart), FromDate(FieldworkEnd),
                LeadInspector, FromDate(PublishedOn), FromDate(ImprovementPlanDue), PublishedBy, RecommendationCount, Version, CreatedBy, FromTimestamp(CreatedAt))
            {
                ImprovementPlanReceivedOn = FromDate(ImprovementPlanReceivedOn),
                ImprovementPlanRecordedBy = ImprovementPlanRecordedBy,
            };
    }

    private sealed class LastRecommendationRow
    {
        public int Number { get; set; }
        public string AddresseeGroup { get; set; } = "";
    }

    private sealed class RecommendationRow
    {
        public Guid RecommendationId { get; set; }
        public Guid InspectionId { get; set; }
        public Guid InspectedProviderId { get; set; }
        public int Number { get; set; }
        public string AddresseeGroup { get; set; } = "";
        public Guid AddresseeProviderId { get; set; }
        public string AddresseeName { get; set; } = "";
        public string Text { get; set; } = "";
        public long Version { get; set; }
        public DateTime? InspectionPublishedOn { get; set; }
        public DateTime? ImprovementPlanDue { get; set; }
        public DateTime? ImprovementPlanReceivedOn { get; set; }
        public string RecordedBy { get; set; } = "";
        public DateTime RecordedAt { get; set; }
        public string CorrectionReason { get; set; } = "";

        public Recommendation ToRecommendation() =>
            new(RecommendationId, InspectionId, InspectedProviderId, Number, Domain.AddresseeGroup.FromWord(AddresseeGroup), AddresseeProviderId,
                AddresseeName, Text, Version, FromDate(InspectionPublishedOn), FromDate(ImprovementPlanDue), RecordedBy, FromTimestamp(RecordedAt))
            {
                ImprovementPlanReceivedOn = FromDate(ImprovementPlanReceivedOn),
                CorrectionReason = CorrectionReason,
            };
    }

    private class JudgementRow
    {
        public Guid JudgementId { get; set; }
        public long Sequence { get; set; }
        public Guid RecommendationId { get; set; }
        public Guid InspectionId { get; set; }
        public Guid InspectionProviderId { get; set; }
        public string Judgement { get; set; } = "";
        public string Findings { get; set; } = "";
        public bool RepeatedFromPreviousInspection { get; set; }
        public int Revision { get; set; }
        public string RecordedBy { get; set; } = "";
        public DateTime RecordedAt { get; set; }
        public string CorrectionReason { get; set; } = "";

        public ProgressJudgement ToJudgement() =>
            new(JudgementId, Sequence, RecommendationId, InspectionId, InspectionProviderId, Judgement, Findings, RepeatedFromPreviousInspection,
                Revision, RecordedBy, FromTimestamp(RecordedAt), CorrectionReason);
    }

    private sealed class FactRow : JudgementRow
    {
        public string JudgingProviderName { get; set; } = "";
        public DateTime? JudgingFieldworkStart { get; set; }
        public DateTime? JudgingPublishedOn { get; set; }
        public Guid AddresseeProviderId { get; set; }
        public string AddresseeName { get; set; } = "";
        public string AddresseeRegion { get; set; } = "";
        public string AddresseeGroup { get; set; } = "";

        public ProgressFact ToFact()
        {
            var date = FromDate(JudgingFieldworkStart) ?? FromDate(JudgingPublishedOn);
            var label = date is { } d ? $"{JudgingProviderName} ({CalendarDate.Format(d)})" : JudgingProviderName;
            return new ProgressFact(ToJudgement(), label, date, AddresseeProviderId, AddresseeName, AddresseeRegion, Domain.AddresseeGroup.FromWord(AddresseeGroup));
        }
    }

    private sealed class RequestRow
    {
        public string Operation { get; set; } = "";
        public string Fingerprint { get; set; } = "";
        public Guid? ResultId { get; set; }
    }
}
