namespace Inspection.Scoring.Domain.Frameworks;

/// <summary>
/// One inspection programme as data. <see cref="Version"/> is the SHA-256 of its definition, so an inspection that
/// has used a framework keeps computing with exactly that definition even if the data file later changes.
/// </summary>
public sealed class Framework
{
    private readonly Dictionary<string, Standard> _standards;
    private readonly Dictionary<string, KeyQuestion> _keyQuestions;
    private readonly Dictionary<string, Prompt> _prompts;

    public Framework(
        string id,
        string name,
        string? providerType,
        string? years,
        IReadOnlyList<string> ratingWords,
        IReadOnlyList<FrameworkDomain> domains,
        IReadOnlyList<RatingBand> questionBands,
        OverallRule? overall,
        OmiScoringScheme? omiScoring,
        string definitionJson,
        string version)
    {
        Id = id;
        Name = name;
        ProviderType = providerType;
        Years = years;
        RatingWords = ratingWords;
        Domains = domains;
        QuestionBands = questionBands;
        Overall = overall;
        OmiScoring = omiScoring;
        DefinitionJson = definitionJson;
        Version = version;
        _standards = domains.SelectMany(d => d.Standards).ToDictionary(s => s.Id, StringComparer.Ordinal);
        _keyQuestions = Standards.SelectMany(s => s.KeyQuestions).ToDictionary(k => k.Id, StringComparer.Ordinal);
        _prompts = Standards.SelectMany(s => s.AllPrompts).ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    public string Id { get; }
    public string Name { get; }
    public string? ProviderType { get; }
    public string? Years { get; }

    /// <summary>Rating words exactly as the framework spells them, best first.</summary>
    public IReadOnlyList<string> RatingWords { get; }

    public IReadOnlyList<FrameworkDomain> Domains { get; }

    /// <summary>Bands over the rounded key-question percentage, lowest first. Empty for 2008.</summary>
    public IReadOnlyList<RatingBand> QuestionBands { get; }

    /// <summary>Points and bands of the overall rating; null where the framework has none (2008).</summary>
    public OverallRule? Overall { get; }

    /// <summary>The 2008 criterion scheme; null for the banded programmes.</summary>
    public OmiScoringScheme? OmiScoring { get; }

    /// <summary>The definition this object was read from (the framework's JSON with the applicability overlay merged in).</summary>
    public string DefinitionJson { get; }

    /// <summary>Lower-case hex SHA-256 of <see cref="DefinitionJson"/>.</summary>
    public string Version { get; }

    public IEnumerable<Standard> Standards => Domains.SelectMany(d => d.Standards);

    public IEnumerable<KeyQuestion> KeyQuestions => _keyQuestions.Values;

    /// <summary>Key questions answered in case assessments (those of case standards, including unrated Outcomes).</summary>
    public IEnumerable<KeyQuestion> CaseKeyQuestions => Standards.Where(s => s.IsCaseStandard).SelectMany(s => s.KeyQuestions);

    /// <summary>Prompts answered in case assessments, in printed order.</summary>
    public IEnumerable<Prompt> CasePrompts => Standards.Where(s => s.IsCaseStandard).SelectMany(s => s.AllPrompts);

    /// <summary>Whether cases can be scored under this framework (2008 carries its criteria only, no questions).</summary>
    public bool SupportsCaseAssessments => CaseKeyQuestions.Any();

    public Standard? FindStandard(string id) => _standards.GetValueOrDefault(id);

    public KeyQuestion? FindKeyQuestion(string id) => _keyQuestions.GetValueOrDefault(id);

    public Prompt? FindPrompt(string id) => _prompts.GetValueOrDefault(id);

    public Standard StandardOf(KeyQuestion keyQuestion) => _standards[keyQuestion.StandardId];

    public Standard StandardOf(Prompt prompt) => _standards[prompt.StandardId];

    public bool IsRatingWord(string word) => RatingWords.Contains(word, StringComparer.Ordinal);

    /// <summary>Position of a rating word, 0 for the best. Unknown words sort last.</summary>
    public int RankOf(string rating)
    {
        var index = RatingWords.ToList().IndexOf(rating);
        return index < 0 ? int.MaxValue : index;
    }
}
