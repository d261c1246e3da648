namespace Inspection.Domain.Vocabularies;

/// <summary>What a dated note on a recommendation is (plans.proto PlanUpdate.kind). Its words: <c>WireWords.PlanUpdateKinds</c> in Inspection.Contracts.</summary>
public enum PlanUpdateKind
{
    ProviderUpdate,
    MonitoringNote,
    DocumentReceived,
}
