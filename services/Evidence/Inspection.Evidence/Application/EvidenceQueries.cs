using Inspection.Domain;
using Inspection.Evidence.Data;
using Inspection.Evidence.Domain;

namespace Inspection.Evidence.Application;

/// <summary>The service's reads. Plain lists read the store only; reads that need the framework ask the register.</summary>
public sealed class EvidenceQueries(EvidenceStore store, IInspectionRegister register, FrameworkCatalogue frameworks)
{
    /// <summary>The domain-one standards of a framework, named directly or through an inspection.</summary>
    public async Task<OrganisationalFramework> GetFrameworkAsync(string? frameworkId, string? inspectionId, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(frameworkId))
            return frameworks.Find(frameworkId.Trim())
                ?? throw new ValidationException("framework_id",
                    $"'{frameworkId}' is not a framework of frameworks.json (expected one of {string.Join(", ", frameworks.Frameworks.Select(f => f.Id))})");
        if (string.IsNullOrWhiteSpace(inspectionId))
            throw new ValidationException("framework_id", "give framework_id or inspection_id");
        var inspection = await register.GetAsync(inspectionId.Trim(), ct);
        return frameworks.Get(inspection.FrameworkId);
    }

    public async Task<EvidenceItem> GetEvidenceAsync(string? evidenceId, CancellationToken ct)
    {
        var id = EvidenceCommands.ParseEvidenceId(evidenceId);
        return await store.GetEvidenceAsync(id, null, ct) ?? throw new NotFoundException("Evidence", id.ToString());
    }

    public async Task<IReadOnlyList<EvidenceItem>> GetEvidenceHistoryAsync(string? evidenceId, CancellationToken ct)
    {
        var id = EvidenceCommands.ParseEvidenceId(evidenceId);
        var versions = await store.GetEvidenceHistoryAsync(id, ct);
        return versions.Count > 0 ? versions : throw new NotFoundException("Evidence", id.ToString());
    }

    public Task<IReadOnlyList<EvidenceItem>> ListEvidenceAsync(EvidenceFilter filter, CancellationToken ct)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(filter.InspectionId))
            violations.Add(new FieldViolation("inspection_id", "is required"));
        if (filter.Source is not null && !EvidenceSource.IsKnown(filter.Source))
            violations.Add(new FieldViolation("source", $"'{filter.Source}' is not a source of evidence (expected one of {string.Join(", ", EvidenceSource.All)})"));
        if (filter.Finding is not null && !Finding.IsKnown(filter.Finding))
            violations.Add(new FieldViolation("finding", $"'{filter.Finding}' is not a finding (expected {Finding.Strength} or {Finding.AreaForImprovement})"));
        ValidationException.ThrowIfAny(violations);
        return store.ListEvidenceAsync(filter with { InspectionId = filter.InspectionId.Trim() }, ct);
    }

    /// <param name="version">An earlier version, or null for the latest.</param>
    public async Task<StaffingReturn> GetStaffingReturnAsync(string? inspectionId, CancellationToken ct, long? version = null)
    {
        var id = EvidenceCommands.RequireId(inspectionId, "inspection_id");
        return await store.GetStaffingReturnAsync(id, version, ct)
            ?? throw new NotFoundException("Staffing return of inspection", version is null ? id : $"{id} version {version}");
    }

    public Task<IReadOnlyList<SurveyResult>> ListSurveyResultsAsync(string? inspectionId, string? survey, CancellationToken ct)
    {
        var id = EvidenceCommands.RequireId(inspectionId, "inspection_id");
        if (survey is not null && !Survey.IsKnown(survey))
            throw new ValidationException("survey", $"'{survey}' is not a survey (expected one of {string.Join(", ", Survey.All)})");
        return store.ListSurveyResultsAsync(id, survey, ct);
    }

    /// <param name="version">An earlier version, or null for the latest.</param>
    public async Task<CaseCharacteristicsTable> GetCaseCharacteristicsAsync(string? inspectionId, CancellationToken ct, long? version = null)
    {
        var id = EvidenceCommands.RequireId(inspectionId, "inspection_id");
        return await store.GetCaseCharacteristicsAsync(id, version, ct)
            ?? throw new NotFoundException("Characteristics of inspected cases of inspection", version is null ? id : $"{id} version {version}");
    }

    /// <summary>The current judgement of each standard, in standard order. Read by assessment scoring.</summary>
    public async Task<IReadOnlyList<Judgement>> GetJudgementsAsync(string? inspectionId, CancellationToken ct)
    {
        var id = EvidenceCommands.RequireId(inspectionId, "inspection_id");
        var judgements = await store.GetCurrentJudgementsAsync(id, ct);
        return judgements.OrderBy(j => j.StandardId, StandardIdOrder.Instance).ToList();
    }

    public async Task<IReadOnlyList<Judgement>> GetJudgementHistoryAsync(string? inspectionId, string? standardId, CancellationToken ct)
    {
        var id = EvidenceCommands.RequireId(inspectionId, "inspection_id");
        var standard = EvidenceCommands.RequireId(standardId, "standard_id");
        return await store.GetJudgementHistoryAsync(id, standard, ct);
    }

    public async Task<StandardSummary> GetStandardSummaryAsync(string? inspectionId, string? standardId, CancellationToken ct)
    {
        var id = EvidenceCommands.RequireId(inspectionId, "inspection_id");
        var inspection = await register.GetAsync(id, ct);
        var standard = frameworks.Get(inspection.FrameworkId).RequireStandard(standardId?.Trim());
        var evidence = await store.ListEvidenceAsync(new EvidenceFilter(id, StandardId: standard.Id), ct);
        var judgement = await store.GetJudgementAsync(id, standard.Id, null, ct);
        return StandardSummary.Build(id, standard, evidence, judgement);
    }
}
