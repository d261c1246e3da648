namespace Inspection.Evidence.Domain.Frameworks;

/// <summary>
/// A standard the inspectors judge rather than compute from cases (domain one from 2018; section 4 in 2008).
/// Where the programme prints no key questions, evidence attaches to the standard itself.
/// </summary>
public sealed record OrganisationalStandard(
    string Id,
    string Name,
    string Statement,
    IReadOnlyList<KeyQuestion> KeyQuestions,
    IReadOnlyList<string> EvidenceSubsections)
{
    public KeyQuestion? FindKeyQuestion(string keyQuestionId) =>
        KeyQuestions.FirstOrDefault(k => k.Id == keyQuestionId);

    /// <summary>Position of a key question in the framework's order; evidence on the standard as a whole comes last.</summary>
    public int KeyQuestionOrder(string? keyQuestionId)
    {
        if (string.IsNullOrEmpty(keyQuestionId)) return KeyQuestions.Count;
        for (var i = 0; i < KeyQuestions.Count; i++)
            if (KeyQuestions[i].Id == keyQuestionId) return i;
        return KeyQuestions.Count;
    }
}
