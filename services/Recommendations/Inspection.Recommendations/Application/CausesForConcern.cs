using Inspection.Recommendations.Domain.Concerns;
using Inspection.Recommendations.Domain.Frameworks;
using Npgsql;

namespace Inspection.Recommendations.Application;

/// <summary>
/// Causes for concern (issue 23): every rule of the rule book evaluated against what is stored, as of England's today,
/// and each finding flagged once (the store's unique key decides, so sweeps and writes racing raise a flag once and a
/// closed flag stays closed); listing flags and closing one with a reason.
/// </summary>
public sealed class CausesForConcern(
    ConcernStore concerns, ConcernFactStore facts, PlanStore plans, FrameworkOutline outline, ConcernRuleBook rules, RequestLedger ledger, Database database,
    TimeProvider clock)
{
    /// <summary>What the ledger keeps of an evaluation: the flags it raised.</summary>
    internal sealed record RaisedReference(Guid[] ConcernIds);

    internal sealed record ConcernReference(Guid ConcernId);

    /// <summary>The evaluation asked for (its fingerprint): for one provider or, when null, all.</summary>
    internal sealed record EvaluateCommand(Guid? ProviderId);

    public Task<CauseForConcern> GetAsync(Guid concernId, CancellationToken ct) => concerns.GetAsync(concernId, ct);

    public Task<IReadOnlyList<CauseForConcern>> ListAsync(ConcernQuery query, CancellationToken ct) => concerns.ListAsync(query, ct);

    /// <summary>Evaluates every rule in a transaction of its own (the sweep, and after the writes that can meet a rule); the ids of the flags raised.</summary>
    public Task<IReadOnlyList<Guid>> RaiseAsync(CancellationToken ct) => database.InTransactionAsync((c, tx) => RaiseAsync(c, tx, null, ct), ct);

    /// <summary>EvaluateCausesForConcern: as the sweep, for one provider or all, once per request id.</summary>
    public Task<IReadOnlyList<CauseForConcern>> EvaluateAsync(string? requestId, Guid? providerId, CancellationToken ct) =>
        ledger.OnceAsync(RequestKeys.For(requestId, "EvaluateCausesForConcern", new EvaluateCommand(providerId)),
            new LedgerAnswer<IReadOnlyList<CauseForConcern>, RaisedReference>(
                raised => new RaisedReference(raised.Select(r => r.Id).ToArray()),
                (kept, ct2) => concerns.GetManyAsync(kept.ConcernIds, ct2)),
            async (c, tx) => await concerns.GetManyAsync(c, tx, (await RaiseAsync(c, tx, providerId, ct)).ToArray(), ct),
            ct);

    /// <summary>CloseCauseForConcern: a person closes an open flag at the version read, with the reason.</summary>
    public Task<Written<CauseForConcern>> CloseAsync(string? requestId, CloseConcern close, long expectedVersion, CancellationToken ct) =>
        ledger.OnceAsync(RequestKeys.For(requestId, "CloseCauseForConcern", close),
            Written.Answer<CauseForConcern, ConcernReference>(f => new ConcernReference(f.Id), (kept, ct2) => concerns.GetAsync(kept.ConcernId, ct2)),
            async (c, tx) =>
            {
                var concern = await concerns.GetAsync(c, tx, close.ConcernId, ct, forUpdate: true);
                concern.EnsureOpen();
                RowVersion.Ensure("Cause for concern", concern.Id, concern.Version, expectedVersion);
                await concerns.CloseAsync(c, tx, close, ct);
                return Written.New(await concerns.GetAsync(c, tx, close.ConcernId, ct));
            }, ct);

    private async Task<IReadOnlyList<Guid>> RaiseAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid? providerId, CancellationToken ct)
    {
        var findings = rules.Evaluate(await FactsAsync(c, tx, ct), EnglandCalendar.Today(clock));
        var raised = new List<Guid>();
        foreach (var finding in findings.Where(f => providerId is null || f.ProviderId == providerId))
            if (await concerns.RaiseAsync(c, tx, finding, ct) is { } id) raised.Add(id);
        return raised;
    }

    private async Task<ConcernFacts> FactsAsync(NpgsqlConnection c, NpgsqlTransaction tx, CancellationToken ct)
    {
        var inspections = await facts.InspectionsAsync(c, tx, ct);
        var links = await facts.JudgedLinksAsync(c, tx, ct);
        var judgements = (await facts.LatestJudgementsAsync(c, tx, ct))
            .Select(j => new JudgementFacts(j.RecommendationId, j.Number, j.MadeAt, j.JudgedAt, j.Judgement, StandardsOf(j.FrameworkId, links[j.RecommendationId])))
            .ToList();
        return new ConcernFacts(inspections, judgements, await plans.PriorityAsync(c, tx, ct), await facts.AncestryAsync(c, tx, ct));
    }

    /// <summary>The names of the standards a recommendation is linked to, directly or through one of the standard's key questions.</summary>
    private IReadOnlyList<string> StandardsOf(string frameworkId, IEnumerable<(string Kind, string TargetId)> links) =>
        links.Select(l => outline.Find(frameworkId, l.Kind == "standard" ? OutlineKind.Standard : OutlineKind.KeyQuestion, l.TargetId))
            .Where(item => item is not null)
            .Select(item => outline.Find(frameworkId, OutlineKind.Standard, item!.StandardId)?.Text)
            .OfType<string>()
            .Distinct()
            .ToList();
}
