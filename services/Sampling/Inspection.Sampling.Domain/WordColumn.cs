namespace Inspection.Sampling.Domain;

/// <summary>
/// One text attribute of every case of a population: a number per case into a short list of distinct words.
/// A million cases then cost the runtime a few arrays instead of a million strings to trace.
/// </summary>
public sealed class WordColumn
{
    private readonly string[] _words;

    public WordColumn(string[] words, int[] codes)
    {
        _words = words;
        Codes = codes;
    }

    /// <summary>The distinct words, each once; a case's code is its word's index.</summary>
    public IReadOnlyList<string> Words => _words;

    public int[] Codes { get; }

    public string this[int caseIndex] => _words[Codes[caseIndex]];

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

        public WordColumn Build() => new([.. _words], [.. _caseCodes]);
    }
}
