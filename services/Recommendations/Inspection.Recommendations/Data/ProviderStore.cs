using Dapper;
using Npgsql;

namespace Inspection.Recommendations.Data;

/// <summary>The provider register and its restructures (the predecessor links the lineage is walked over).</summary>
public sealed class ProviderStore(Database database)
{
    // Serialises restructures, so two concurrent ones cannot together close a cycle the lineage check would refuse alone.
    private const long LineageLockKey = 0x5265_634C_696E_6561; // "RecLinea"

    internal const string ProviderSelect =
        "select provider_id, name, type, region, active_from, active_to, version, created_by, created_at, retired_at, retired_by, retired_reason from providers p";

    private const string LinkSelect =
        """
        select l.restructure_id, l.successor_id, l.predecessor_id, r.effective_on, r.note, l.part_note, r.recorded_by
        from predecessor_links l join restructures r on r.restructure_id = l.restructure_id
        """;

    /// <summary>Adds the provider; a second entry of the same name is ALREADY_EXISTS (it would split its recommendations).</summary>
    public async Task InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid id, NewProvider provider, CancellationToken ct)
    {
        try
        {
            await c.ExecuteAsync(new CommandDefinition(
                """
                insert into providers (provider_id, name, type, region, active_from, active_to, created_by)
                values (@id, @Name, @type, @Region, @from::date, @to::date, @CreatedBy)
                """,
                new { id, provider.Name, type = provider.Type.Word, provider.Region,
                    from = StoredValues.AsDate(provider.ActiveFrom), to = StoredValues.AsDate(provider.ActiveTo), provider.CreatedBy },
                tx, cancellationToken: ct));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "providers_name_key")
        {
            throw new AlreadyExistsException($"A provider named '{provider.Name}' is already in the register.");
        }
    }

    public async Task<Provider> GetAsync(Guid providerId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await GetAsync(c, null, providerId, ct);
    }

    public async Task<Provider> GetAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid providerId, CancellationToken ct)
    {
        var row = await c.QuerySingleOrDefaultAsync<ProviderRow>(new CommandDefinition(
            ProviderSelect + " where p.provider_id = @providerId", new { providerId }, tx, cancellationToken: ct));
        return row?.ToProvider() ?? throw new NotFoundException("Provider", Identifier.Format(providerId));
    }

    public async Task<IReadOnlyDictionary<Guid, Provider>> GetManyAsync(NpgsqlConnection c, NpgsqlTransaction? tx, IReadOnlyCollection<Guid> providerIds, CancellationToken ct)
    {
        var ids = providerIds.ToArray();
        return (await c.QueryAsync<ProviderRow>(new CommandDefinition(
                ProviderSelect + " where p.provider_id = any(@ids)", new { ids }, tx, cancellationToken: ct)))
            .Select(r => r.ToProvider())
            .ToDictionary(p => p.Id);
    }

    public async Task<Page<Provider>> ListAsync(ProviderQuery query, CancellationToken ct)
    {
        const string where = """

            where (@type::text is null or p.type = @type)
              and (@region::text is null or lower(p.region) = lower(@region))
              and (@name::text is null or strpos(lower(p.name), lower(@name)) > 0)
              and (@activeOn::date is null or ((p.active_from is null or p.active_from <= @activeOn::date)
                                                and (p.active_to is null or p.active_to >= @activeOn::date)))
              and (@retired::boolean is null or (p.retired_at is not null) = @retired)
            """;
        var parameters = new
        {
            type = query.Type?.Word,
            region = StoredValues.NullIfEmpty(query.Region),
            name = StoredValues.NullIfEmpty(query.NameContains),
            activeOn = StoredValues.AsDate(query.ActiveOn),
            retired = query.Listing switch { ProviderListing.ActiveOnly => false, ProviderListing.RetiredOnly => true, _ => (bool?)null },
            limit = query.Page.Size + 1,
            offset = query.Page.Offset,
        };
        await using var c = await database.OpenAsync(ct);
        var rows = await c.QueryAsync<ProviderRow>(new CommandDefinition(
            ProviderSelect + where + " order by p.name, p.provider_id limit @limit offset @offset", parameters, cancellationToken: ct));
        // Every list answers how many match over every page (issue 26, the guide's conventions).
        var total = await c.ExecuteScalarAsync<int>(new CommandDefinition("select count(*)::int from providers p" + where, parameters, cancellationToken: ct));
        return query.Page.ToPage(rows.Select(r => r.ToProvider()).ToList()) with { Total = total };
    }

    /// <summary>Writes the provider as the change says (UpdateProvider); another provider of the new name is ALREADY_EXISTS, as on creation.</summary>
    public async Task UpdateAsync(NpgsqlConnection c, NpgsqlTransaction tx, ProviderChange change, CancellationToken ct)
    {
        try
        {
            await c.ExecuteAsync(new CommandDefinition(
                "update providers set name = @Name, region = @Region, active_from = @from::date, active_to = @to::date where provider_id = @ProviderId",
                new { change.ProviderId, change.Name, change.Region, from = StoredValues.AsDate(change.ActiveFrom), to = StoredValues.AsDate(change.ActiveTo) },
                tx, cancellationToken: ct));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "providers_name_key")
        {
            throw new AlreadyExistsException($"A provider named '{change.Name}' is already in the register.");
        }
    }

    /// <summary>Marks the provider retired, now, with the reason (RetireProvider).</summary>
    public Task RetireAsync(NpgsqlConnection c, NpgsqlTransaction tx, ProviderRetirement retirement, DateTimeOffset at, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            "update providers set retired_at = @at, retired_by = @RetiredBy, retired_reason = @Reason where provider_id = @ProviderId",
            new { retirement.ProviderId, retirement.RetiredBy, retirement.Reason, at }, tx, cancellationToken: ct));

    /// <summary>Every predecessor link: the lineage is small (one per restructure), so it is walked in memory.</summary>
    public async Task<ProviderLineage> LineageAsync(NpgsqlConnection c, NpgsqlTransaction? tx, CancellationToken ct) =>
        new((await c.QueryAsync<LinkRow>(new CommandDefinition(LinkSelect, transaction: tx, cancellationToken: ct))).Select(l => l.ToLink()).ToList());

    public async Task<ProviderLineage> LineageAsync(CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await LineageAsync(c, null, ct);
    }

    /// <summary>Held to the end of the transaction: restructures are recorded one at a time.</summary>
    public Task LockLineageAsync(NpgsqlConnection c, NpgsqlTransaction tx, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(@key)", new { key = LineageLockKey }, tx, cancellationToken: ct));

    /// <summary>Moves the successor to its next version if still at the one the caller read.</summary>
    public Task BumpVersionAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid providerId, long expectedVersion, CancellationToken ct) =>
        RowVersion.BumpAsync(c, tx, "providers", "provider_id", providerId, expectedVersion, "Provider", ct);

    public async Task InsertRestructureAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid restructureId, NewRestructure restructure, CancellationToken ct)
    {
        await c.ExecuteAsync(new CommandDefinition(
            """
            insert into restructures (restructure_id, successor_id, effective_on, note, recorded_by)
            values (@restructureId, @SuccessorId, @effectiveOn::date, @Note, @RecordedBy)
            """,
            new { restructureId, restructure.SuccessorId, effectiveOn = StoredValues.AsDate(restructure.EffectiveOn), restructure.Note, restructure.RecordedBy },
            tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            """
            insert into predecessor_links (restructure_id, successor_id, predecessor_id, part_note)
            values (@restructureId, @successorId, @ProviderId, @Note)
            """,
            restructure.Predecessors.Select(p => new { restructureId, successorId = restructure.SuccessorId, p.ProviderId, p.Note }),
            tx, cancellationToken: ct));
    }

    // Row shapes Dapper fills through their constructors: ProviderSelect and LinkSelect read exactly these columns, in this order.

    private sealed record ProviderRow(
        Guid ProviderId, string Name, string Type, string Region, DateOnly? ActiveFrom, DateOnly? ActiveTo, long Version,
        string CreatedBy, DateTime CreatedAt, DateTime? RetiredAt, string RetiredBy, string RetiredReason)
    {
        public Provider ToProvider()
        {
            ProviderType.TryParse(Type, out var type);
            var retired = RetiredAt is { } at ? new RetiredProvider(StoredValues.Instant(at), RetiredReason, RetiredBy) : null;
            return new Provider(ProviderId, Name, type, Region, ActiveFrom, ActiveTo, Version, CreatedBy, StoredValues.Instant(CreatedAt), retired);
        }
    }

    private sealed record LinkRow(
        Guid RestructureId, Guid SuccessorId, Guid PredecessorId, DateOnly EffectiveOn, string Note, string PartNote, string RecordedBy)
    {
        public PredecessorLink ToLink() =>
            new(RestructureId, SuccessorId, PredecessorId, EffectiveOn, Note, PartNote, RecordedBy);
    }
}
