namespace Inspection.Domain.Vocabularies;

/// <summary>The addressee's own view of its progress, kept apart from the inspectorate's judgement (plans.proto ReportedStatus.status). Its words: <c>WireWords.ReportedProgressWords</c> in Inspection.Contracts.</summary>
public enum ReportedProgress
{
    OnTrack,
    Delayed,
    Complete,
}
