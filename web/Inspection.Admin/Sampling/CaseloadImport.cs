using Inspection.Sampling.Domain;
using Inspection.Sampling.V1;
using CallOptions = Grpc.Core.CallOptions;
using Inspection.Sampling.Domain.Population;

namespace Inspection.Admin.Sampling;

/// <summary>
/// Sends a checked caseload file to case sampling as one snapshot: start, batches (each citing its first file row),
/// complete with the expected count so a lost batch cannot go unnoticed.
/// </summary>
public sealed class CaseloadImport(CaseSampling.CaseSamplingClient sampling)
{
    private const int BatchSize = 2000;

    public static CaseloadCsvResult Read(Stream file)
    {
        using var reader = new StreamReader(file);
        return CaseloadCsv.Read(reader);
    }

    public async Task<Snapshot> SendAsync(string providerId, string takenOn, string description, CaseloadCsvResult checkedFile, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        var snapshot = await sampling.StartPopulationImportAsync(new StartPopulationImportRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = providerId, TakenOn = takenOn, Description = description,
        }, options);
        for (var start = 0; start < checkedFile.Rows.Count; start += BatchSize)
        {
            var batch = new ImportPopulationRequest { SnapshotId = snapshot.SnapshotId, FirstRowNumber = checkedFile.RowNumbers[start] };
            batch.Cases.AddRange(checkedFile.Rows.Skip(start).Take(BatchSize).Select(ToMessage));
            await sampling.ImportPopulationAsync(batch, options);
        }
        return await sampling.CompletePopulationImportAsync(new CompletePopulationImportRequest
        {
            SnapshotId = snapshot.SnapshotId, ExpectedCaseCount = checkedFile.Rows.Count,
        }, options);
    }

    private static PopulationCase ToMessage(CaseRow row) => new()
    {
        CaseReference = row.CaseReference ?? "",
        SentenceType = row.SentenceType ?? "",
        StartDate = row.StartDate ?? "",
        Gender = row.Gender ?? "",
        EthnicGroup = row.EthnicGroup ?? "",
        Disability = row.Disability,
        RoshLevel = row.RoshLevel ?? "",
        MappaLevel = row.MappaLevel,
        ProlificPriorityOffender = row.ProlificPriorityOffender,
        ApprovedPremisesResident = row.ApprovedPremisesResident,
        StatutoryVictimContact = row.StatutoryVictimContact,
        UnpaidWorkRequirement = row.UnpaidWorkRequirement,
        UnpaidWorkOnly = row.UnpaidWorkOnly,
        CourtReportType = row.CourtReportType ?? "",
        AllocatedOffice = row.AllocatedOffice ?? "",
        AllocatedTeam = row.AllocatedTeam ?? "",
    };
}
