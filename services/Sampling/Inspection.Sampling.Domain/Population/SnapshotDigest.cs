using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace Inspection.Sampling.Domain.Population;

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
        _line.Append(c.CaseReference).Append('|').Append(c.SentenceType).Append('|').Append(CalendarDate.ToText(c.StartDate)).Append('|')
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

    /// <summary>
    /// The same digest, straight from columns (already in canonical order): each line is written as UTF-8 into a
    /// buffer, each distinct word encoded once, so a million cases hash without a string per case.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Of(PopulationColumns population)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var columns = population.WordColumns;
        // Flags travel as 1/0 here; every other word as it is stored.
        var flagColumns = new[] { population.Disability, population.ProlificPriorityOffender, population.ApprovedPremisesResident,
            population.StatutoryVictimContact, population.UnpaidWorkRequirement, population.UnpaidWorkOnly };
        var encoded = columns.Select(c => c.Words.Select(w => flagColumns.Contains(c)
            ? [w == "yes" ? (byte)'1' : (byte)'0']
            : Encoding.UTF8.GetBytes(w)).ToArray()).ToArray();
        // Line order of the fields (sentence type after the reference, then the date, then the rest as in Add).
        int[] afterDate = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
        var text = population.ReferenceText;
        var starts = population.ReferenceStarts;
        // The longest a line can be, but for its reference: the longest word of each column, the date, the separators.
        var longest = encoded.Sum(words => words.Length == 0 ? 0 : words.Max(w => w.Length)) + 10 + columns.Count + 2;
        var buffer = new byte[1 << 16];
        var used = 0;
        for (var i = 0; i < population.Count; i++)
        {
            var reference = text[starts[i]..starts[i + 1]];
            if (buffer.Length - used < longest + reference.Length)
            {
                hash.AppendData(buffer, 0, used);
                used = 0;
                if (buffer.Length < longest + reference.Length) buffer = new byte[longest + reference.Length];
            }
            reference.CopyTo(buffer.AsSpan(used));
            used += reference.Length;
            buffer[used++] = (byte)'|';
            used += Append(buffer, used, encoded[0][columns[0].Code(i)]);
            buffer[used++] = (byte)'|';
            DateOnly.FromDayNumber(population.StartDays[i]).TryFormat(buffer.AsSpan(used), out var written, CalendarDate.Format, CultureInfo.InvariantCulture);
            used += written;
            foreach (var c in afterDate)
            {
                buffer[used++] = (byte)'|';
                used += Append(buffer, used, encoded[c][columns[c].Code(i)]);
            }
            buffer[used++] = (byte)'\n';
        }
        hash.AppendData(buffer, 0, used);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static int Append(byte[] buffer, int at, byte[] word)
    {
        word.CopyTo(buffer, at);
        return word.Length;
    }

    public void Dispose() => _hash.Dispose();

    private static char Bit(bool value) => value ? '1' : '0';
}
