using Inspection.Domain.Dates;
using Inspection.Sampling.Application;
using Inspection.Sampling.Data;
using Inspection.Sampling.Domain;

namespace Inspection.Sampling.Tests;

/// <summary>Imports a caseload through the use cases, in batches, and completes the snapshot.</summary>
public static class Snapshots
{
    public static CaseRow ToRow(CaseRecord c) => new(c.CaseReference, c.SentenceType, CalendarDate.ToText(c.StartDate), c.Gender, c.EthnicGroup,
        c.Disability, c.RoshLevel, c.MappaLevel, c.ProlificPriorityOffender, c.ApprovedPremisesResident, c.StatutoryVictimContact,
        c.UnpaidWorkRequirement, c.UnpaidWorkOnly, c.CourtReportType, c.AllocatedOffice, c.AllocatedTeam);

    /// <summary>A provider id (a UUID, as recommendation tracking issues them) that is the same for the same name.</summary>
    public static string Provider(string name) => new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(name))).ToString();

    /// <param name="provider">The provider's name in the test; its id is <see cref="Provider"/> of it.</param>
    public static async Task<StoredSnapshot> ImportAsync(PopulationSnapshots snapshots, string provider, IReadOnlyList<CaseRecord> cases, int batchSize = 1_000)
    {
        var snapshot = await snapshots.StartImportAsync(Guid.NewGuid().ToString(), "fp-" + provider, Provider(provider), "2022-05-01", "test caseload", CancellationToken.None);
        for (var i = 0; i < cases.Count; i += batchSize)
        {
            var batch = cases.Skip(i).Take(batchSize).Select(ToRow).ToList();
            await snapshots.ImportAsync(null, "", snapshot.SnapshotId.ToString(), batch, i + 2, CancellationToken.None);
        }
        return await snapshots.CompleteImportAsync(null, "", snapshot.SnapshotId.ToString(), cases.Count, CancellationToken.None);
    }
}
