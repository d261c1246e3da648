namespace Inspection.Domain.Vocabularies;

/// <summary>What the addressee said to a recommendation (plans.proto PlanResponse.response). Its words: <c>WireWords.AddresseeResponses</c> in Inspection.Contracts.</summary>
public enum AddresseeResponse
{
    Agreed,
    PartlyAgreed,
    NotAgreed,
}
