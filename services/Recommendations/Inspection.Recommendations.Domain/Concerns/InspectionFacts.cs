namespace Inspection.Recommendations.Domain.Concerns;

/// <summary>What the rules need of an inspection: whose it is, when, and its improvement plan's due and received dates.</summary>
public sealed record InspectionFacts(
    Guid Id, Guid ProviderId, string ProviderName, DateOnly? FieldworkStart, DateOnly? PublishedOn, DateOnly? PlanDue, DateOnly? PlanReceivedOn)
{
    /// <summary>The inspection's date, as the register dates inspections: fieldwork start, else publication.</summary>
    public DateOnly? Date => FieldworkStart ?? PublishedOn;

    public string InWords => PublishedOn is { } published
        ? $"the inspection of {ProviderName} published on {DateInWords.Of(published)}"
        : FieldworkStart is { } start
            ? $"the inspection of {ProviderName} from {DateInWords.Of(start)}"
            : $"the inspection of {ProviderName} (not dated)";
}
