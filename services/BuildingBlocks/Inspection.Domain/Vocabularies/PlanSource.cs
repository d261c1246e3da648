namespace Inspection.Domain.Vocabularies;

/// <summary>Who put a plan record in: a member of staff, or the addressee's own system (plans.proto source). Its words: <c>WireWords.PlanSources</c> in Inspection.Contracts.</summary>
public enum PlanSource
{
    Staff,
    AddresseeSystem,
}
