using Npgsql;

namespace Inspection.Recommendations.Application;

/// <summary>
/// The provider register: CreateProvider, UpdateProvider, RetireProvider, RecordRestructure and the reads. A restructure
/// is checked against the whole lineage inside its transaction (one at a time), so no two together close a cycle.
/// </summary>
public sealed class ProviderRegister(ProviderStore providers, RequestLedger ledger, Database database, TimeProvider clock)
{
    /// <summary>The first answer, as the ledger keeps it: {"provider_id"}; a retry is given the provider as it stands.</summary>
    internal sealed record ProviderReference(Guid ProviderId);

    public Task<Written<Provider>> CreateAsync(string? requestId, NewProvider provider, CancellationToken ct) =>
        ledger.OnceAsync(RequestKeys.For(requestId, "CreateProvider", provider), ProviderAnswer,
            async (c, tx) =>
            {
                var id = Guid.CreateVersion7();
                await providers.InsertAsync(c, tx, id, provider, ct);
                return Written.New(await providers.GetAsync(c, tx, id, ct));
            }, ct);

    private LedgerAnswer<Written<Provider>, ProviderReference> ProviderAnswer =>
        Written.Answer<Provider, ProviderReference>(p => new(p.Id), (kept, ct) => providers.GetAsync(kept.ProviderId, ct));

    /// <summary>
    /// Edits the provider (its row locked at the version the caller read, then checked as stored: a retired one is
    /// kept as it was). The dates were checked against today in England when the change was made.
    /// </summary>
    public Task<Written<Provider>> UpdateAsync(string? requestId, ProviderChange change, long expectedVersion, CancellationToken ct) =>
        ledger.OnceAsync(RequestKeys.For(requestId, "UpdateProvider", change), ProviderAnswer,
            async (c, tx) =>
            {
                await providers.BumpVersionAsync(c, tx, change.ProviderId, expectedVersion, ct);
                change.EnsureFits(await providers.GetAsync(c, tx, change.ProviderId, ct));
                await providers.UpdateAsync(c, tx, change, ct);
                return Written.New(await providers.GetAsync(c, tx, change.ProviderId, ct));
            }, ct);

    /// <summary>Retires the provider, once: it stays in the register and the record, hidden from lists and pickers.</summary>
    public Task<Written<Provider>> RetireAsync(string? requestId, ProviderRetirement retirement, long expectedVersion, CancellationToken ct) =>
        ledger.OnceAsync(RequestKeys.For(requestId, "RetireProvider", retirement), ProviderAnswer,
            async (c, tx) =>
            {
                await providers.BumpVersionAsync(c, tx, retirement.ProviderId, expectedVersion, ct);
                ProviderRetirement.EnsureNotRetired(await providers.GetAsync(c, tx, retirement.ProviderId, ct), "retired again");
                await providers.RetireAsync(c, tx, retirement, clock.GetUtcNow(), ct);
                return Written.New(await providers.GetAsync(c, tx, retirement.ProviderId, ct));
            }, ct);

    public Task<Provider> GetAsync(Guid providerId, CancellationToken ct) => providers.GetAsync(providerId, ct);

    public Task<Page<Provider>> ListAsync(ProviderQuery query, CancellationToken ct) => providers.ListAsync(query, ct);

    /// <summary>The first answer of a restructure: {"provider_id"} of the successor, whose lineage a retry is given.</summary>
    public Task<Written<LineageView>> RecordRestructureAsync(string? requestId, NewRestructure restructure, long expectedVersion, CancellationToken ct) =>
        ledger.OnceAsync(RequestKeys.For(requestId, "RecordRestructure", restructure),
            Written.Answer<LineageView, ProviderReference>(l => new(l.Provider.Id), (kept, ct2) => GetLineageAsync(kept.ProviderId, ct2)),
            async (c, tx) =>
            {
                await providers.LockLineageAsync(c, tx, ct);
                var successor = await providers.GetAsync(c, tx, restructure.SuccessorId, ct);
                ProviderRetirement.EnsureNotRetired(successor, "recorded as formed by a restructure");
                var known = await providers.GetManyAsync(c, tx, restructure.Predecessors.Select(p => p.ProviderId).ToList(), ct);
                ValidationException.ThrowIfAny(restructure.Predecessors
                    .Select((p, i) => (p, i))
                    .Where(x => !known.ContainsKey(x.p.ProviderId))
                    .Select(x => new FieldViolation($"predecessors[{x.i}].provider_id", $"no provider {Identifier.Format(x.p.ProviderId)} in the register"))
                    .ToList());
                await providers.BumpVersionAsync(c, tx, successor.Id, expectedVersion, ct);
                (await providers.LineageAsync(c, tx, ct)).EnsureCanRecord(restructure);
                await providers.InsertRestructureAsync(c, tx, Guid.CreateVersion7(), restructure, ct);
                return Written.New(await LineageOfAsync(c, tx, restructure.SuccessorId, ct));
            }, ct);

    public async Task<LineageView> GetLineageAsync(Guid providerId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await LineageOfAsync(c, null, providerId, ct);
    }

    /// <summary>The provider and its reach: a provider with its predecessors, theirs in turn (or NOT_FOUND for an unknown provider).</summary>
    public async Task<Guid[]> ReachOfAsync(Guid providerId, CancellationToken ct)
    {
        await providers.GetAsync(providerId, ct);
        return (await providers.LineageAsync(ct)).ReachOf(providerId).ToArray();
    }

    /// <summary>
    /// The providers a list asks for: none named, null (every provider); one, that one (NOT_FOUND when unknown), with
    /// its ancestors when <paramref name="includePredecessors"/>.
    /// </summary>
    public async Task<Guid[]?> ListedAsync(Guid? providerId, bool includePredecessors, CancellationToken ct)
    {
        if (providerId is not { } id) return null;
        return includePredecessors ? await ReachOfAsync(id, ct) : [(await providers.GetAsync(id, ct)).Id];
    }

    private async Task<LineageView> LineageOfAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid providerId, CancellationToken ct)
    {
        var provider = await providers.GetAsync(c, tx, providerId, ct);
        var lineage = await providers.LineageAsync(c, tx, ct);
        var ancestors = lineage.AncestorsOf(providerId);
        var successors = lineage.SuccessorsOf(providerId);
        var reached = await providers.GetManyAsync(c, tx, ancestors.Concat(successors).Select(s => s.ProviderId).Distinct().ToList(), ct);
        return new LineageView(
            provider,
            ancestors.Select(s => new LineageEntry(reached[s.ProviderId], s)).ToList(),
            successors.Select(s => new LineageEntry(reached[s.ProviderId], s)).ToList());
    }
}
