using Inspection.Domain.Dates;

namespace Inspection.Evidence.Demo;

/// <summary>
/// Loads the reference inspections' staffing returns, characteristics tables and domain-one judgements through
/// the same use cases the service serves, so the demo data passes the same rules. Idempotent: every write uses
/// a request id derived from the inspection and the record, so running it again changes nothing.
/// The inspections themselves belong to recommendation tracking: each is found there by provider name and
/// framework (load recommendation tracking's demo data first), or named explicitly.
/// </summary>
public sealed class DemoData(
    StaffingReturns staffingReturns, CaseCharacteristicsTables characteristicsTables, Judgements judgements,
    IInspectionRegister register, FrameworkCatalogue frameworks)
{
    public const string RecordedBy = "demo-data";

    /// <param name="inspectionIds">Inspection ids by provider name, overriding the lookup in the register.</param>
    public async Task<IReadOnlyList<string>> LoadAsync(IReadOnlyDictionary<string, string> inspectionIds, CancellationToken ct)
    {
        var log = new List<string>();
        foreach (var reference in ReferenceInspection.LoadShipped())
        {
            var inspectionId = await FindInspectionAsync(reference, inspectionIds, ct);
            if (inspectionId is null)
            {
                log.Add($"skipped {reference.Provider} ({reference.FrameworkId}): no single matching inspection in the register");
                continue;
            }
            log.AddRange(await LoadAsync(reference, inspectionId, ct));
        }
        return log;
    }

    public async Task<IReadOnlyList<string>> LoadAsync(ReferenceInspection reference, string inspectionId, CancellationToken ct)
    {
        var log = new List<string>();
        var name = $"{reference.Provider} ({inspectionId})";

        if (reference.StaffingAndWorkload.Count > 0)
        {
            // The report does not date its staffing figures; they are the provider's figures at fieldwork.
            var staffing = await staffingReturns.RecordAsync(new RecordStaffingReturn(
                RequestId(inspectionId, "staffing-return"), inspectionId,
                new StaffingReturnInput(AsAt(reference), reference.StaffingAndWorkload, RecordedBy)), ct);
            log.Add($"{name}: staffing return version {staffing.Version}, {staffing.Figures.Count} figures");
        }

        if (reference.CharacteristicsOfInspectedCases.Count > 0)
        {
            // The published sample itself is not loaded, so every row is entered as published.
            var table = await characteristicsTables.RecordAsync(new RecordCaseCharacteristics(
                RequestId(inspectionId, "case-characteristics"), inspectionId,
                new CaseCharacteristicsInput(false,
                    reference.CharacteristicsOfInspectedCases.Select(c => new EnteredCharacteristic(c.Key, c.Value)).ToList(),
                    RecordedBy)), ct);
            log.Add($"{name}: characteristics table version {table.Version}, {table.Rows.Count} rows");
        }

        var framework = frameworks.Get(reference.FrameworkId);
        foreach (var standard in framework.Standards)
        {
            if (!reference.Ratings.TryGetValue(standard.Id, out var rating)) continue;
            var rationale = reference.DecisionRulesApplied.GetValueOrDefault(standard.Id)
                ?? $"Rating as published in the inspection report ({reference.Published}).";
            var judgement = await judgements.RecordAsync(new RecordJudgement(
                RequestId(inspectionId, $"judgement:{standard.Id}"), inspectionId,
                new JudgementInput(standard.Id, rating, rationale, PanelDeparture: false, AgreedBy: null,
                    JudgementState.Final, RecordedBy, "lead_inspector", ExpectedVersion: null)), ct);
            log.Add($"{name}: judgement {judgement.StandardId} {judgement.Rating} (version {judgement.Version})");
        }
        return log;
    }

    private async Task<string?> FindInspectionAsync(ReferenceInspection reference, IReadOnlyDictionary<string, string> inspectionIds, CancellationToken ct)
    {
        if (inspectionIds.TryGetValue(reference.Provider, out var given)) return given;
        var found = await register.FindAsync(reference.Provider, reference.FrameworkId, ct);
        return found.Count == 1 ? found[0].InspectionId : null;
    }

    private static string RequestId(string inspectionId, string record) => $"demo-data:{inspectionId}:{record}";

    private static string AsAt(ReferenceInspection reference) =>
        CalendarDate.TryParse(reference.FieldworkStart, out _)
            ? reference.FieldworkStart
            : $"{reference.Published}-01";
}
