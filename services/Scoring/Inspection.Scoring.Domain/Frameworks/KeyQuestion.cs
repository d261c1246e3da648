namespace Inspection.Scoring.Domain.Frameworks;

/// <summary>A key question of a standard. <c>CaseAttribute</c>, when set, names the boolean case attribute that must be
/// true for the question to apply (court_report for court work, rosh_relevant for the relevant sub-sample).</summary>
public sealed record KeyQuestion(
    string Id,
    string Text,
    string StandardId,
    IReadOnlyList<Prompt> Prompts,
    bool RelevantSubsampleOnly,
    string? CaseAttribute);
