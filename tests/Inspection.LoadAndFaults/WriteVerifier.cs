using Dapper;
using Inspection.Evidence.V1;
using Grpc.Core;
using Inspection.Scoring.V1;
using Npgsql;

namespace Inspection.LoadAndFaults;

/// <summary>
/// Reads everything back once the faults are over and compares it with the client's ledger.
/// <list type="bullet">
/// <item>Case assessments are one current row per case, so: the current version and content of every case over gRPC
/// (ListCaseAssessments); every version a write made, from the audit trail (one insert or update per version, in the
/// write's own transaction); every request id the service carried out (the request ledger); and answer rows per case and
/// question (a duplicated row would double-count a case in the ratings).</item>
/// <item>Judgements keep every version: each standard's history over gRPC (GetJudgementHistory), the rows per version,
/// and the request ledger, which names the version each request id made.</item>
/// </list>
/// An acknowledged write is lost if its version or content is not there; a stored version no write explains is a
/// duplicate; a write the client was told had failed that is stored anyway is a phantom.
/// </summary>
public sealed class WriteVerifier(InspectionSystem system, SeededInspection inspection, WriteLedger ledger, RunOptions options)
{
    private readonly List<string> _problems = [];
    private long _lost, _duplicates, _phantoms, _committedUnacknowledged;

    /// <summary>The write that made each case's current version (for the replay); filled by <see cref="VerifyAsync"/>.</summary>
    public Dictionary<string, RecordCaseAssessmentRequest> CurrentAssessments { get; } = new(StringComparer.Ordinal);

    /// <summary>The write that made each standard's current judgement; filled by <see cref="VerifyAsync"/>.</summary>
    public Dictionary<string, RecordJudgementRequest> CurrentJudgements { get; } = new(StringComparer.Ordinal);

    public async Task<Verification> VerifyAsync()
    {
        var assessmentVersions = await VerifyAssessmentsAsync();
        var judgementVersions = await VerifyJudgementsAsync();
        return new Verification(ledger.Acknowledged, _lost, _duplicates, _phantoms, _committedUnacknowledged, assessmentVersions, judgementVersions, _problems);
    }

    private async Task<long> VerifyAssessmentsAsync()
    {
        var stored = await ReadCurrentAssessmentsAsync();
        await using var connection = new NpgsqlConnection(system.ConnectionString(ServiceTopology.AssessmentScoring));
        var versionEvents = (await connection.QueryAsync<(string CaseReference, long Version, long Events)>(
            """
            SELECT after->>'case_reference', (after->>'version')::bigint, count(*)
            FROM audit.events
            WHERE table_name = 'case_assessments' AND operation IN ('insert', 'update') AND after->>'inspection_id' = @id
            GROUP BY 1, 2
            """, new { id = inspection.InspectionId })).ToDictionary(r => (r.CaseReference, r.Version), r => r.Events);
        var applied = (await connection.QueryAsync<string>(
            "SELECT request_id FROM request_ledger WHERE result->>'inspection_id' = @id AND operation = 'RecordCaseAssessmentRequest' AND request_id LIKE @prefix",
            new { id = inspection.InspectionId, prefix = options.RunId + ":%" })).ToHashSet(StringComparer.Ordinal);
        var duplicatedAnswerRows = await connection.ExecuteScalarAsync<long>(
            """
            SELECT coalesce(sum(n - 1), 0)::bigint FROM (
                SELECT count(*) AS n FROM key_question_answers WHERE inspection_id = @id GROUP BY case_reference, question_id HAVING count(*) > 1) d
            """, new { id = inspection.InspectionId });

        Duplicate(duplicatedAnswerRows, "duplicated key-question answer rows");
        Duplicate(versionEvents.Values.Sum(n => n - 1), "case assessment versions written more than once (audit trail)");

        var acknowledged = ledger.Assessments.ToList();
        foreach (var group in acknowledged.GroupBy(a => (a.Request.CaseReference, a.Version)).Where(g => g.Count() > 1))
            Lost(group.Count() - 1, $"case {group.Key.CaseReference}: {group.Count()} acknowledged writes all made version {group.Key.Version} (a lost update)");
        foreach (var write in acknowledged)
        {
            if (!applied.Contains(write.Request.RequestId))
                Lost(1, $"acknowledged assessment {write.Request.RequestId} is not among the applied requests");
            else if (!versionEvents.ContainsKey((write.Request.CaseReference, write.Version)))
                Lost(1, $"acknowledged assessment {write.Request.RequestId} (case {write.Request.CaseReference} version {write.Version}) left no version in the audit trail");
            else if (!stored.TryGetValue(write.Request.CaseReference, out var current) || current.Version < write.Version)
                Lost(1, $"acknowledged assessment {write.Request.RequestId} made version {write.Version}, but case {write.Request.CaseReference} is at {(stored.TryGetValue(write.Request.CaseReference, out var c) ? c.Version : 0)}");
        }

        var unresolved = ledger.UnresolvedAssessments.ToList();
        var committedUnresolved = unresolved.Where(u => applied.Contains(u.RequestId)).ToList();
        _committedUnacknowledged += committedUnresolved.Count;
        var known = acknowledged.Select(a => a.Request.RequestId).Concat(unresolved.Select(u => u.RequestId)).ToHashSet(StringComparer.Ordinal);
        Phantom(applied.Count(id => ledger.Refused.ContainsKey(id)), "assessments refused to the client but applied");
        Duplicate(applied.Count(id => !known.Contains(id) && !ledger.Refused.ContainsKey(id)), "applied assessment request ids the client never sent");

        var versions = stored.Values.Sum(s => s.Version);
        Duplicate(Math.Max(0, versions - acknowledged.Count - committedUnresolved.Count), "case assessment versions no write explains");

        // The current version of each case must hold exactly what the write that made it sent.
        var byVersion = acknowledged.ToLookup(a => (a.Request.CaseReference, a.Version), a => a.Request);
        foreach (var (reference, current) in stored)
        {
            var maker = byVersion[(reference, current.Version)].FirstOrDefault()
                ?? committedUnresolved.FirstOrDefault(u => u.CaseReference == reference && u.ExpectedVersion + 1 == current.Version);
            if (maker is null)
            {
                _problems.Add($"case {reference}: no write the client knows made its current version {current.Version}");
                continue;
            }
            CurrentAssessments[reference] = maker;
            if (!SameContent(maker, current))
                Lost(1, $"case {reference} version {current.Version} does not hold what {maker.RequestId} sent");
        }
        return versions;
    }

    private async Task<long> VerifyJudgementsAsync()
    {
        var evidence = system.Client<OrganisationalEvidence.OrganisationalEvidenceClient>(ServiceTopology.OrganisationalEvidence);
        var history = new Dictionary<(string Standard, long Version), Judgement>();
        foreach (var standard in inspection.DomainOneStandards)
        {
            var reply = await evidence.GetJudgementHistoryAsync(new GetJudgementHistoryRequest { InspectionId = inspection.InspectionId, StandardId = standard },
                new CallOptions(deadline: DateTime.UtcNow.AddSeconds(60)));
            foreach (var version in reply.Versions)
                if (!history.TryAdd((standard, version.Version), version))
                    Duplicate(1, $"standard {standard} version {version.Version} is in its history twice");
        }

        await using var connection = new NpgsqlConnection(system.ConnectionString(ServiceTopology.OrganisationalEvidence));
        var rows = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM judgements WHERE inspection_id = @id", new { id = inspection.InspectionId });
        var logged = (await connection.QueryAsync<(string RequestId, string Standard, long Version)>(
            """
            SELECT request_id, result->>'standard_id', (result->>'version')::bigint FROM request_ledger
            WHERE operation = 'RecordJudgement' AND result->>'inspection_id' = @id AND request_id LIKE @prefix
            """,
            new { id = inspection.InspectionId, prefix = options.RunId + ":%" })).ToDictionary(r => r.RequestId, r => (r.Standard, r.Version), StringComparer.Ordinal);
        if (rows != history.Count) Duplicate(Math.Max(0, rows - history.Count), "judgement rows beyond the versions the history shows");

        var acknowledged = ledger.Judgements.ToList();
        foreach (var write in acknowledged)
        {
            var key = (write.Request.StandardId, write.Version);
            if (!logged.TryGetValue(write.Request.RequestId, out var made) || made != key)
                Lost(1, $"acknowledged judgement {write.Request.RequestId} (standard {key.StandardId} version {key.Version}) is not in the request ledger as that version");
            else if (!history.TryGetValue(key, out var stored) || !SameContent(write.Request, stored))
                Lost(1, $"acknowledged judgement {write.Request.RequestId}: standard {key.StandardId} version {key.Version} does not hold what it sent");
        }

        var unresolved = ledger.UnresolvedJudgements.ToList();
        var committedUnresolved = unresolved.Where(u => logged.ContainsKey(u.RequestId)).ToList();
        _committedUnacknowledged += committedUnresolved.Count;
        Phantom(logged.Keys.Count(id => ledger.Refused.ContainsKey(id)), "judgements refused to the client but recorded");
        Duplicate(Math.Max(0, history.Count - acknowledged.Count - committedUnresolved.Count), "judgement versions no write explains");

        foreach (var standard in inspection.DomainOneStandards)
        {
            var current = history.Keys.Where(k => k.Standard == standard).Select(k => k.Version).DefaultIfEmpty(0).Max();
            if (current == 0) continue;
            var maker = acknowledged.FirstOrDefault(a => a.Request.StandardId == standard && a.Version == current)?.Request
                ?? committedUnresolved.FirstOrDefault(u => logged[u.RequestId] == (standard, current));
            if (maker is null) _problems.Add($"standard {standard}: no write the client knows made its current version {current}");
            else CurrentJudgements[standard] = maker;
        }
        return history.Count;
    }

    private async Task<Dictionary<string, CaseAssessment>> ReadCurrentAssessmentsAsync()
    {
        var scoring = system.Client<AssessmentScoring.AssessmentScoringClient>(ServiceTopology.AssessmentScoring);
        var all = new Dictionary<string, CaseAssessment>(StringComparer.Ordinal);
        var token = "";
        do
        {
            var page = await scoring.ListCaseAssessmentsAsync(
                new ListCaseAssessmentsRequest { InspectionId = inspection.InspectionId, PageSize = 200, PageToken = token },
                new CallOptions(deadline: DateTime.UtcNow.AddSeconds(60)));
            foreach (var assessment in page.CaseAssessments)
                if (!all.TryAdd(assessment.CaseReference, assessment)) Duplicate(1, $"case {assessment.CaseReference} listed twice");
            token = page.NextPageToken;
        } while (token.Length > 0);
        return all;
    }

    private static bool SameContent(RecordCaseAssessmentRequest sent, CaseAssessment stored) =>
        sent.StaffGrade == stored.StaffGrade && sent.AssessedBy == stored.AssessedBy
        && sent.Answers.OrderBy(a => a.QuestionId, StringComparer.Ordinal).Select(a => (a.QuestionId, a.Answer_))
            .SequenceEqual(stored.Answers.OrderBy(a => a.QuestionId, StringComparer.Ordinal).Select(a => (a.QuestionId, a.Answer_)));

    private static bool SameContent(RecordJudgementRequest sent, Judgement stored) =>
        sent.Rating == stored.Rating && sent.Rationale == stored.Rationale && sent.State == stored.State && sent.RecordedBy == stored.RecordedBy;

    private void Lost(long count, string what)
    {
        if (count <= 0) return;
        _lost += count;
        _problems.Add("LOST: " + what);
    }

    private void Duplicate(long count, string what)
    {
        if (count <= 0) return;
        _duplicates += count;
        _problems.Add($"DUPLICATE ({count}): {what}");
    }

    private void Phantom(long count, string what)
    {
        if (count <= 0) return;
        _phantoms += count;
        _problems.Add($"PHANTOM ({count}): {what}");
    }
}
