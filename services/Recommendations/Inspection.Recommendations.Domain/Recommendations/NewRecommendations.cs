namespace Inspection.Recommendations.Domain.Recommendations;

/// <summary>
/// Recommendations to add to an inspection, in report order, validated (groups must not run backwards). Added to a
/// published inspection, they are a correction of its report and need <see cref="CorrectionReason"/> (see <see cref="CorrectionReasonAt"/>).
/// </summary>
public sealed record NewRecommendations(Guid InspectionId, IReadOnlyList<NewRecommendation> Items, string RecordedBy, string CorrectionReason = "")
{
    public static NewRecommendations Create(
        string? inspectionId, IReadOnlyList<(string? AddresseeGroup, string? AddresseeProviderId, string? Text)> items, string? recordedBy,
        string? correctionReason = null, IReadOnlyList<bool>? priorities = null)
    {
        var violations = new List<FieldViolation>();
        var inspection = Identifier.ParseRequired(inspectionId, "inspection_id", violations);
        if (items.Count == 0) violations.Add(new FieldViolation("recommendations", "required: at least one recommendation"));
        var valid = new List<NewRecommendation>();
        for (var i = 0; i < items.Count; i++)
        {
            var group = AddresseeGroup.Parse(items[i].AddresseeGroup, $"recommendations[{i}].addressee_group", violations);
            var addressee = Identifier.ParseRequired(items[i].AddresseeProviderId, $"recommendations[{i}].addressee_provider_id", violations);
            var text = RequestText.Required(items[i].Text, $"recommendations[{i}].text", 4000, violations);
            if (group is not null) valid.Add(new NewRecommendation(group, addressee, text) { Priority = priorities is not null && i < priorities.Count && priorities[i] });
        }
        if (valid.Count == items.Count)
            violations.AddRange(RecommendationNumbering.OrderViolations(null, valid));
        var by = RequestText.Required(recordedBy, "recorded_by", 200, violations);
        var reason = RequestText.Optional(correctionReason, "correction_reason", 2000, violations);
        ValidationException.ThrowIfAny(violations);
        return new NewRecommendations(inspection, valid, by, reason.Trim());
    }

    /// <summary>Recommendations added to a published inspection are a correction of its report, with the reason why.</summary>
    public string CorrectionReasonAt(ProviderInspection inspection) =>
        inspection.CorrectionReasonFor(CorrectionReason, "recommendations added to it change its published report");
}
