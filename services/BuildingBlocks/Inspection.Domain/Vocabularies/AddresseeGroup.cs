namespace Inspection.Domain.Vocabularies;

/// <summary>Whom a recommendation is addressed to, in the order an inspection lists them (recommendations.proto addressee_group). Its words: <c>WireWords.AddresseeGroups</c> in Inspection.Contracts.</summary>
public enum AddresseeGroup
{
    Provider,
    Region,
    Hmpps,
    Moj,
}
