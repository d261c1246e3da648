namespace Inspection.Recommendations.Domain.Progress;

/// <summary>Which judgements a summary counts (made at one inspection, of recommendations reaching one provider) and how it groups them.</summary>
public sealed record ProgressSummaryQuery(Guid? InspectionId, Guid? ProviderId, SummaryGrouping GroupBy)
{
    public static ProgressSummaryQuery Create(string? inspectionId, string? providerId, string? groupBy)
    {
        var violations = new List<FieldViolation>();
        var inspection = Identifier.ParseOptional(inspectionId, "inspection_id", violations);
        var provider = Identifier.ParseOptional(providerId, "provider_id", violations);
        var grouping = SummaryGrouping.Parse(groupBy, "group_by", violations);
        ValidationException.ThrowIfAny(violations);
        return new ProgressSummaryQuery(inspection, provider, grouping!);
    }
}
