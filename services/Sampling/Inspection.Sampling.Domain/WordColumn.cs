namespace Inspection.Sampling.Domain;

/// <summary>
/// One text attribute of every case of a population: a number per case into a short list of distinct words.
/// A million cases then cost the runtime one array instead of a million strings to trace; a byte per case when
/// the column has at most 256 words (every attribute but, perhaps, the office and the team).
/// </summary>
public sealed class WordColumn
{
    public const int MaxNarrowWords = 256;

    private readonly string[] _words;
    private readonly byte[]? _narrow;
    private readonly int[]? _wide;

    public WordColumn(string[] words, byte[] codes)
    {
        _words = words;
        _narrow = codes;
    }

    public WordColumn(string[] words, int[] codes)
    {
        _words = words;
        _wide = codes;
    }

    /// <summary>The distinct words, each once; a case's code is its word's index.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>How many cases.</summary>
    public int Length => _narrow?.Length ?? _wide!.Length;

    /// <summary>The codes when they are a byte each (else empty).</summary>
    public ReadOnlySpan<byte> NarrowCodes => _narrow;

    public bool IsNarrow => _narrow is not null;

    public int Code(int caseIndex) => _narrow is not null ? _narrow[caseIndex] : _wide![caseIndex];

    public string this[int caseIndex] => _words[Code(caseIndex)];

    /// <summary>
    /// Builds a column case by case. Starts from a vocabulary (so its words keep their indexes and their own
    /// string instances); words outside it are added in the order met.
    /// </summary>
    public sealed class Builder(IReadOnlyList<string>? vocabulary, int capacity)
    {
        private readonly List<string> _words = vocabulary?.ToList() ?? [];
        private readonly Dictionary<string, int> _codes = (vocabulary ?? []).Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i, StringComparer.Ordinal);
        private readonly List<int> _caseCodes = new(capacity);
        private string? _last;
        private int _lastCode;

        public void Add(string word)
        {
            // Runs of the same word (and the vocabulary's own instances) skip the lookup.
            if (!ReferenceEquals(word, _last))
            {
                if (!_codes.TryGetValue(word, out _lastCode))
                {
                    _lastCode = _words.Count;
                    _words.Add(word);
                    _codes.Add(word, _lastCode);
                }
                _last = word;
            }
            _caseCodes.Add(_lastCode);
        }

        public WordColumn Build()
        {
            if (_words.Count > MaxNarrowWords) return new([.. _words], [.. _caseCodes]);
            var narrow = new byte[_caseCodes.Count];
            for (var i = 0; i < narrow.Length; i++) narrow[i] = (byte)_caseCodes[i];
            return new([.. _words], narrow);
        }
    }
}
