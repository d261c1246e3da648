using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Inspection.Sampling.Domain;

/// <summary>
/// The SHA-256 of a snapshot's cases in canonical order, one line per case ("\n"-terminated, fields joined by
/// "|", dates yyyy-MM-dd, flags 1/0). Stored when the snapshot is completed and with every sample, so anyone
/// re-running a draw can check they hold exactly the population it was drawn from.
/// </summary>
public sealed class SnapshotDigest : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly StringBuilder _line = new();
    private string? _previous;

    /// <summary>Adds the next case; cases must come in canonical (ordinal reference) order.</summary>
    public void Add(CaseRecord c)
    {
        if (_previous is not null && string.CompareOrdinal(_previous, c.CaseReference) >= 0)
            throw new InvalidOperationException("Cases must be added in canonical order.");
        _previous = c.CaseReference;
        _line.Clear();
        _line.Append(c.CaseReference).Append('|').Append(c.SentenceType).Append('|').Append(IsoDate.Print(c.StartDate)).Append('|')
            .Append(c.Gender).Append('|').Append(c.EthnicGroup).Append('|').Append(Bit(c.Disability)).Append('|')
            .Append(c.RoshLevel).Append('|').Append(c.MappaLevel.ToString(CultureInfo.InvariantCulture)).Append('|')
            .Append(Bit(c.ProlificPriorityOffender)).Append('|').Append(Bit(c.ApprovedPremisesResident)).Append('|')
            .Append(Bit(c.StatutoryVictimContact)).Append('|').Append(Bit(c.UnpaidWorkRequirement)).Append('|')
            .Append(Bit(c.UnpaidWorkOnly)).Append('|').Append(c.CourtReportType).Append('|')
            .Append(c.AllocatedOffice).Append('|').Append(c.AllocatedTeam).Append('\n');
        _hash.AppendData(Encoding.UTF8.GetBytes(_line.ToString()));
    }

    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public static string Of(IEnumerable<CaseRecord> canonicalCases)
    {
        using var digest = new SnapshotDigest();
        foreach (var c in canonicalCases) digest.Add(c);
        return digest.Finish();
    }

    public void Dispose() => _hash.Dispose();

    private static char Bit(bool value) => value ? '1' : '0';
}
