using Inspection.Domain.Vocabularies;
using Inspection.Scoring.Domain.Comparisons;
using Inspection.Scoring.Domain.Frameworks;

namespace Inspection.Scoring.Application;

/// <summary>Two inspections' key questions compared, with the judgement (if one was given) to check each change against.</summary>
public sealed record ComparedInspections(
    string EarlierInspectionId, Framework EarlierFramework, string LaterInspectionId, Framework LaterFramework,
    IReadOnlyList<KeyQuestionChange> Changes, ProgressWord? Judgement);
