namespace Inspection.Domain.Vocabularies;

/// <summary>The reminders filter on the addressee's response: a response, or none for none recorded (plans.proto ListRemindersRequest.response). Its words: <c>WireWords.ResponseFilters</c> in Inspection.Contracts.</summary>
public enum ResponseFilter
{
    Agreed,
    PartlyAgreed,
    NotAgreed,
    None,
}
