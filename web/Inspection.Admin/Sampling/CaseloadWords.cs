using Inspection.Sampling.V1;

namespace Inspection.Admin.Sampling;

/// <summary>The words each case attribute takes, as case sampling describes its caseload file (DescribeCaseloadFile).</summary>
public sealed class CaseloadWords(CaseloadFileFormat format)
{
    private readonly Dictionary<string, IReadOnlyList<string>> _words =
        format.Columns.ToDictionary(c => c.Name, c => (IReadOnlyList<string>)c.Words.ToList(), StringComparer.Ordinal);

    public static CaseloadWords None { get; } = new(new CaseloadFileFormat());

    /// <summary>The values an attribute takes, so forms offer them to choose; none for free text and dates.</summary>
    public IReadOnlyList<string> ValuesOf(string attribute) => _words.GetValueOrDefault(attribute, []);
}
