namespace Inspection.Scoring.Domain.Frameworks;

/// <summary>The 2008 scheme: criterion percentages weighted 80/20, section means, the risk-of-harm thread and the
/// section 4 four-point scale (<c>scoring</c> in frameworks.json).</summary>
public sealed record OmiScoringScheme(
    string CriterionRule,
    string SectionRule,
    string RiskOfHarmThreadRule,
    IReadOnlyList<string> Section4Scale);
