using System.Text;
using Google.Protobuf;
using Inspection.Sampling.Domain;
using Inspection.Sampling.Domain.Population;
using Inspection.Sampling.V1;

namespace Inspection.Sampling.Tests;

/// <summary>Caseload files as a provider would write them, and the UploadCaseload messages that carry one.</summary>
public static class CaseloadFiles
{
    public static string Csv(IEnumerable<CaseRecord> cases)
    {
        var csv = new StringBuilder(string.Join(",", CaseloadCsv.Columns)).Append('\n');
        foreach (var c in cases)
        {
            csv.AppendJoin(',', c.CaseReference, c.SentenceType, c.StartDate.ToString("yyyy-MM-dd"), c.Gender, c.EthnicGroup,
                CaseVocabulary.Flag(c.Disability), c.RoshLevel, c.MappaLevel, CaseVocabulary.Flag(c.ProlificPriorityOffender),
                CaseVocabulary.Flag(c.ApprovedPremisesResident), CaseVocabulary.Flag(c.StatutoryVictimContact),
                CaseVocabulary.Flag(c.UnpaidWorkRequirement), CaseVocabulary.Flag(c.UnpaidWorkOnly), c.CourtReportType,
                c.AllocatedOffice, c.AllocatedTeam).Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>The header, then the file's bytes in chunks of <paramref name="chunkBytes"/>.</summary>
    public static IReadOnlyList<IMessage> Upload(UploadCaseloadHeader header, string csv, int chunkBytes = 64 * 1024) =>
        Upload(header, Encoding.UTF8.GetBytes(csv), chunkBytes);

    public static IReadOnlyList<IMessage> Upload(UploadCaseloadHeader header, byte[] file, int chunkBytes = 64 * 1024) =>
        [new UploadCaseloadChunk { Header = header }, .. file.Chunk(chunkBytes).Select(part => new UploadCaseloadChunk { Data = ByteString.CopyFrom(part) })];

    /// <summary>Sends the messages as one UploadCaseload call.</summary>
    public static async Task<UploadCaseloadResponse> SendAsync(CaseSampling.CaseSamplingClient client, IEnumerable<IMessage> messages)
    {
        using var call = client.UploadCaseload(deadline: DateTime.UtcNow.AddSeconds(60));
        foreach (var message in messages) await call.RequestStream.WriteAsync((UploadCaseloadChunk)message);
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }
}
