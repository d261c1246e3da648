using System.Globalization;
using System.Text;

namespace Inspection.Sampling.Domain;

/// <summary>
/// A snapshot's cases in canonical order (case reference, ordinal), held column by column: the references as one
/// block of text, the start dates as day numbers, every other attribute as a <see cref="WordColumn"/>. This is
/// how a complete snapshot stays in memory between draws: a million cases are some twenty arrays, which the
/// garbage collector never has to walk case by case, and a draw reads only the columns it needs.
/// </summary>
public sealed class PopulationColumns
{
    private static readonly string[] MappaWords = ["0", "1", "2", "3"];

    private readonly byte[] _referenceText;
    private readonly int[] _referenceStarts;

    /// <summary>From columns already in canonical order (a builder's, or a stored image's).</summary>
    public PopulationColumns(byte[] referenceText, int[] referenceStarts, int[] startDays, IReadOnlyList<WordColumn> words, string? duplicateReference = null)
    {
        Count = startDays.Length;
        if (referenceStarts.Length != Count + 1) throw new ArgumentException("One reference start per case, and the end.", nameof(referenceStarts));
        if (words.Count != WordColumnCount || words.Any(w => w.Length != Count))
            throw new ArgumentException($"{WordColumnCount} word columns of one code per case.", nameof(words));
        _referenceText = referenceText;
        _referenceStarts = referenceStarts;
        StartDays = startDays;
        WordColumns = words;
        DuplicateReference = duplicateReference;
    }

    /// <summary>The word columns, in this order (a stored image keeps it).</summary>
    public const int WordColumnCount = 14;

    public int Count { get; }

    /// <summary>Start dates as <see cref="DateOnly.DayNumber"/>.</summary>
    public int[] StartDays { get; }

    public IReadOnlyList<WordColumn> WordColumns { get; }

    public WordColumn SentenceType => WordColumns[0];
    public WordColumn Gender => WordColumns[1];
    public WordColumn EthnicGroup => WordColumns[2];
    public WordColumn Disability => WordColumns[3];
    public WordColumn RoshLevel => WordColumns[4];
    public WordColumn MappaLevel => WordColumns[5];
    public WordColumn ProlificPriorityOffender => WordColumns[6];
    public WordColumn ApprovedPremisesResident => WordColumns[7];
    public WordColumn StatutoryVictimContact => WordColumns[8];
    public WordColumn UnpaidWorkRequirement => WordColumns[9];
    public WordColumn UnpaidWorkOnly => WordColumns[10];
    public WordColumn CourtReportType => WordColumns[11];
    public WordColumn AllocatedOffice => WordColumns[12];
    public WordColumn AllocatedTeam => WordColumns[13];

    /// <summary>The references' UTF-8 text, end to end; case i's is from ReferenceStarts[i] to ReferenceStarts[i + 1].</summary>
    public ReadOnlySpan<byte> ReferenceText => _referenceText;

    public ReadOnlySpan<int> ReferenceStarts => _referenceStarts;

    /// <summary>A reference the cases given held twice (a draw refuses such a population), or null.</summary>
    public string? DuplicateReference { get; }

    public string Reference(int i) => Encoding.UTF8.GetString(_referenceText, _referenceStarts[i], _referenceStarts[i + 1] - _referenceStarts[i]);

    /// <summary>Case i as a record (for the few cases a draw picks, and for callers that want records).</summary>
    public CaseRecord Record(int i) => new(
        Reference(i), SentenceType[i], DateOnly.FromDayNumber(StartDays[i]), Gender[i], EthnicGroup[i], Flag(Disability, i),
        RoshLevel[i], int.Parse(MappaLevel[i], CultureInfo.InvariantCulture), Flag(ProlificPriorityOffender, i), Flag(ApprovedPremisesResident, i),
        Flag(StatutoryVictimContact, i), Flag(UnpaidWorkRequirement, i), Flag(UnpaidWorkOnly, i), CourtReportType[i],
        AllocatedOffice[i], AllocatedTeam[i]);

    public IEnumerable<CaseRecord> Records()
    {
        for (var i = 0; i < Count; i++) yield return Record(i);
    }

    /// <summary>Cases in any order: put in canonical order (as <see cref="CaseSampler.CanonicalOrder"/> does), a duplicate noted.</summary>
    public static PopulationColumns From(IReadOnlyList<CaseRecord> cases)
    {
        string? duplicate = null;
        IReadOnlyList<CaseRecord> canonical;
        try
        {
            canonical = CaseSampler.CanonicalOrder(cases);
        }
        catch (Inspection.Domain.PreconditionFailedException)
        {
            // Kept in sorted order for the draw to refuse in its turn (after its checks of the request).
            var sorted = cases.ToArray();
            Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.CaseReference, b.CaseReference));
            for (var i = 1; i < sorted.Length && duplicate is null; i++)
            {
                if (string.Equals(sorted[i - 1].CaseReference, sorted[i].CaseReference, StringComparison.Ordinal)) duplicate = sorted[i].CaseReference;
            }
            canonical = sorted;
        }
        var builder = new Builder(canonical.Count);
        foreach (var c in canonical) builder.Add(c);
        return builder.Build(duplicate);
    }

    private static bool Flag(WordColumn column, int i) => ReferenceEquals(column[i], "yes") || column[i] == "yes";

    /// <summary>Adds cases one by one, in canonical order (the store reads them so).</summary>
    public sealed class Builder
    {
        private readonly List<byte> _referenceText;
        private readonly List<int> _referenceStarts;
        private readonly List<int> _startDays;
        private readonly WordColumn.Builder[] _words;

        public Builder(int capacity)
        {
            _referenceText = new List<byte>(capacity * 10);
            _referenceStarts = new List<int>(capacity + 1) { 0 };
            _startDays = new List<int>(capacity);
            _words =
            [
                new(CaseVocabulary.SentenceTypes, capacity), new(CaseVocabulary.Genders, capacity), new(CaseVocabulary.EthnicGroups, capacity),
                new(CaseVocabulary.Flags, capacity), new(CaseVocabulary.RoshLevels, capacity), new(CaseVocabulary.MappaLevels, capacity),
                new(CaseVocabulary.Flags, capacity), new(CaseVocabulary.Flags, capacity), new(CaseVocabulary.Flags, capacity),
                new(CaseVocabulary.Flags, capacity), new(CaseVocabulary.Flags, capacity), new(CaseVocabulary.CourtReportTypes, capacity),
                new(null, capacity), new(null, capacity),
            ];
        }

        public void Add(CaseRecord c) => Add(c.CaseReference, c.SentenceType, c.StartDate, c.Gender, c.EthnicGroup, c.Disability, c.RoshLevel,
            c.MappaLevel, c.ProlificPriorityOffender, c.ApprovedPremisesResident, c.StatutoryVictimContact, c.UnpaidWorkRequirement,
            c.UnpaidWorkOnly, c.CourtReportType, c.AllocatedOffice, c.AllocatedTeam);

        public void Add(string caseReference, string sentenceType, DateOnly startDate, string gender, string ethnicGroup, bool disability,
            string roshLevel, int mappaLevel, bool prolificPriorityOffender, bool approvedPremisesResident, bool statutoryVictimContact,
            bool unpaidWorkRequirement, bool unpaidWorkOnly, string courtReportType, string allocatedOffice, string allocatedTeam)
        {
            Span<byte> buffer = stackalloc byte[256];
            var length = Encoding.UTF8.GetByteCount(caseReference);
            var bytes = length <= buffer.Length ? buffer[..length] : new byte[length];
            Encoding.UTF8.GetBytes(caseReference, bytes);
            foreach (var b in bytes) _referenceText.Add(b);
            _referenceStarts.Add(_referenceText.Count);
            _startDays.Add(startDate.DayNumber);
            _words[0].Add(sentenceType);
            _words[1].Add(gender);
            _words[2].Add(ethnicGroup);
            _words[3].Add(CaseVocabulary.Flag(disability));
            _words[4].Add(roshLevel);
            _words[5].Add(mappaLevel is >= 0 and <= 3 ? MappaWords[mappaLevel] : mappaLevel.ToString(CultureInfo.InvariantCulture));
            _words[6].Add(CaseVocabulary.Flag(prolificPriorityOffender));
            _words[7].Add(CaseVocabulary.Flag(approvedPremisesResident));
            _words[8].Add(CaseVocabulary.Flag(statutoryVictimContact));
            _words[9].Add(CaseVocabulary.Flag(unpaidWorkRequirement));
            _words[10].Add(CaseVocabulary.Flag(unpaidWorkOnly));
            _words[11].Add(courtReportType);
            _words[12].Add(allocatedOffice);
            _words[13].Add(allocatedTeam);
        }

        public PopulationColumns Build(string? duplicateReference = null)
            => new([.. _referenceText], [.. _referenceStarts], [.. _startDays], _words.Select(w => w.Build()).ToArray(), duplicateReference);
    }
}
