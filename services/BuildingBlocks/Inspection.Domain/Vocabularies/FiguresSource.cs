namespace Inspection.Domain.Vocabularies;

/// <summary>Where an inspection's figures come from: its case assessments, or the published report of an inspection before the system (scoring.proto source). Its words: <c>WireWords.FiguresSources</c> in Inspection.Contracts.</summary>
public enum FiguresSource
{
    CaseAssessments,
    Published,
}
