using Inspection.Domain;
using Inspection.Evidence.Data;
using Inspection.Evidence.Domain;

namespace Inspection.Evidence.Application;

/// <summary>
/// The service's writes: checks the inspection with the register (which also names its framework), lets the
/// domain core decide, and stores the result once per request id.
/// </summary>
public sealed class EvidenceCommands(
    EvidenceStore store,
    IInspectionRegister register,
    ISampledCases sampledCases,
    FrameworkCatalogue frameworks,
    TimeProvider clock)
{
    public Task<EvidenceItem> AddEvidenceAsync(AddEvidence command, CancellationToken ct) =>
        OnceAsync(command.RequestId, command,
            outcome => ReadEvidenceAsync(outcome, ct),
            async request =>
            {
                var inspectionId = RequireId(command.InspectionId, "inspection_id");
                var framework = await FrameworkOfAsync(inspectionId, ct);
                var (content, recordedBy) = EvidenceContent.Create(framework, command.Evidence);
                await CheckCaseReferencesAsync(inspectionId, content, ct);
                var item = EvidenceItem.Add(Guid.NewGuid(), inspectionId, content, recordedBy, Now());
                await store.InsertEvidenceAsync(item, request, ct);
                return item;
            }, ct);

    public Task<EvidenceItem> UpdateEvidenceAsync(UpdateEvidence command, CancellationToken ct) =>
        OnceAsync(command.RequestId, command,
            outcome => ReadEvidenceAsync(outcome, ct),
            async request =>
            {
                var current = await CurrentEvidenceAsync(command.EvidenceId, ct);
                var framework = await FrameworkOfAsync(current.InspectionId, ct);
                var (content, recordedBy) = EvidenceContent.Create(framework, command.Evidence);
                await CheckCaseReferencesAsync(current.InspectionId, content, ct);
                var next = current.Revise(command.ExpectedVersion, content, recordedBy, Now());
                await store.AppendEvidenceVersionAsync(next, request, ct);
                return next;
            }, ct);

    public Task<EvidenceItem> WithdrawEvidenceAsync(WithdrawEvidence command, CancellationToken ct) =>
        OnceAsync(command.RequestId, command,
            outcome => ReadEvidenceAsync(outcome, ct),
            async request =>
            {
                var current = await CurrentEvidenceAsync(command.EvidenceId, ct);
                var next = current.Withdraw(command.ExpectedVersion, command.Reason, command.WithdrawnBy, Now());
                await store.AppendEvidenceVersionAsync(next, request, ct);
                return next;
            }, ct);

    public Task<StaffingReturn> RecordStaffingReturnAsync(RecordStaffingReturn command, CancellationToken ct) =>
        OnceAsync(command.RequestId, command,
            async outcome => await store.GetStaffingReturnAsync(outcome.ResultId, outcome.ResultVersion, ct)
                ?? throw new NotFoundException("Staffing return", outcome.ResultId),
            async request =>
            {
                var inspectionId = RequireId(command.InspectionId, "inspection_id");
                await register.GetAsync(inspectionId, ct);
                var current = await store.GetStaffingReturnAsync(inspectionId, null, ct);
                var staffing = StaffingReturn.Create(inspectionId, command.Return, (current?.Version ?? 0) + 1, Now());
                await store.InsertStaffingReturnAsync(staffing, request, ct);
                return staffing;
            }, ct);

    public Task<SurveyResult> RecordSurveyResultAsync(RecordSurveyResult command, CancellationToken ct) =>
        OnceAsync(command.RequestId, command,
            async outcome => await store.GetSurveyResultAsync(Guid.Parse(outcome.ResultId), ct)
                ?? throw new NotFoundException("Survey result", outcome.ResultId),
            async request =>
            {
                var inspectionId = RequireId(command.InspectionId, "inspection_id");
                var framework = await FrameworkOfAsync(inspectionId, ct);
                var result = SurveyResult.Create(Guid.NewGuid(), inspectionId, framework, command.Result, Now());
                await store.InsertSurveyResultAsync(result, request, ct);
                return result;
            }, ct);

    public Task<CaseCharacteristicsTable> RecordCaseCharacteristicsAsync(RecordCaseCharacteristics command, CancellationToken ct) =>
        OnceAsync(command.RequestId, command,
            async outcome => await store.GetCaseCharacteristicsAsync(outcome.ResultId, outcome.ResultVersion, ct)
                ?? throw new NotFoundException("Characteristics of inspected cases", outcome.ResultId),
            async request =>
            {
                var inspectionId = RequireId(command.InspectionId, "inspection_id");
                await register.GetAsync(inspectionId, ct);
                var sample = command.Table.ComputeFromSample ? await sampledCases.GetCurrentSampleAsync(inspectionId, ct) : null;
                var current = await store.GetCaseCharacteristicsAsync(inspectionId, null, ct);
                var table = CaseCharacteristicsTable.Compose(inspectionId, command.Table, sample, (current?.Version ?? 0) + 1, Now());
                await store.InsertCaseCharacteristicsAsync(table, request, ct);
                return table;
            }, ct);

    public Task<Judgement> RecordJudgementAsync(RecordJudgement command, CancellationToken ct) =>
        OnceAsync(command.RequestId, command,
            async outcome => await store.GetJudgementAsync(outcome.ResultId, outcome.ResultPart ?? "", outcome.ResultVersion, ct)
                ?? throw new NotFoundException("Judgement", $"{outcome.ResultId}/{outcome.ResultPart}"),
            async request =>
            {
                var inspectionId = RequireId(command.InspectionId, "inspection_id");
                var registered = await register.GetAsync(inspectionId, ct);
                var framework = await FrameworkOfAsync(inspectionId, ct);
                var standard = framework.FindStandard(command.Judgement.StandardId?.Trim() ?? "");
                var current = standard is null ? null : await store.GetJudgementAsync(inspectionId, standard.Id, null, ct);
                var judgement = Judgement.Record(inspectionId, framework, command.Judgement, current, Now(), registered.Status == "published");
                await store.InsertJudgementAsync(judgement, request, ct);
                return judgement;
            }, ct);

    /// <summary>
    /// Runs a write once per request id: a retry with the same content gets the first result (also when the
    /// retry raced the first call), the same id with other content is refused.
    /// </summary>
    private async Task<T> OnceAsync<TCommand, T>(string? requestId, TCommand command,
        Func<RequestOutcome, Task<T>> readFirstResult, Func<RecordedRequest, Task<T>> write, CancellationToken ct)
        where TCommand : notnull
    {
        var request = RecordedRequest.For(requestId, command);
        if (await store.FindRequestAsync(request.RequestId, ct) is { } earlier)
        {
            request.EnsureSameAs(earlier);
            return await readFirstResult(earlier);
        }
        try
        {
            return await write(request);
        }
        catch (DuplicateRequestException)
        {
            var first = await store.FindRequestAsync(request.RequestId, ct)
                ?? throw new ConcurrencyConflictException($"Request '{request.RequestId}' was recorded concurrently; retry it");
            request.EnsureSameAs(first);
            return await readFirstResult(first);
        }
    }

    private async Task<EvidenceItem> ReadEvidenceAsync(RequestOutcome outcome, CancellationToken ct) =>
        await store.GetEvidenceAsync(Guid.Parse(outcome.ResultId), outcome.ResultVersion, ct)
        ?? throw new NotFoundException("Evidence", outcome.ResultId);

    private async Task<EvidenceItem> CurrentEvidenceAsync(string? evidenceId, CancellationToken ct)
    {
        var id = ParseEvidenceId(evidenceId);
        return await store.GetEvidenceAsync(id, null, ct) ?? throw new NotFoundException("Evidence", id.ToString());
    }

    private async Task<OrganisationalFramework> FrameworkOfAsync(string inspectionId, CancellationToken ct)
    {
        var inspection = await register.GetAsync(inspectionId, ct);
        return frameworks.Find(inspection.FrameworkId)
            ?? throw new PreconditionFailedException(
                $"Inspection {inspectionId} is registered under framework '{inspection.FrameworkId}', which frameworks.json does not define");
    }

    /// <summary>Evidence may cite only cases of the inspection's current sample.</summary>
    private async Task CheckCaseReferencesAsync(string inspectionId, EvidenceContent content, CancellationToken ct)
    {
        if (content.CaseReferences.Count == 0) return;
        var sample = await sampledCases.GetCurrentSampleAsync(inspectionId, ct);
        var sampled = sample.Cases.Select(c => c.CaseReference).ToHashSet(StringComparer.Ordinal);
        var violations = content.CaseReferences
            .Select((reference, i) => (reference, i))
            .Where(x => !sampled.Contains(x.reference))
            .Select(x => new FieldViolation($"case_references[{x.i}]", $"'{x.reference}' is not a case of the inspection's current sample"))
            .ToList();
        ValidationException.ThrowIfAny(violations);
    }

    internal static string RequireId(string? id, string field)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ValidationException(field, "is required");
        return id.Trim();
    }

    internal static Guid ParseEvidenceId(string? evidenceId)
    {
        if (string.IsNullOrWhiteSpace(evidenceId)) throw new ValidationException("evidence_id", "is required");
        return Guid.TryParse(evidenceId, out var id) ? id : throw new ValidationException("evidence_id", $"'{evidenceId}' is not an evidence id");
    }

    // PostgreSQL keeps microseconds: trimming here makes the value returned now equal the value read back later.
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }
}
