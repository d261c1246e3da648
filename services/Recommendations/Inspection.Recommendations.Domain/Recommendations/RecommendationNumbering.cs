namespace Inspection.Recommendations.Domain.Recommendations;

/// <summary>
/// Numbers an inspection's recommendations continuously across addressee groups, in the fixed group order
/// (provider, region or division, HMPPS, Ministry of Justice), and checks each addressee fits its group.
/// </summary>
public static class RecommendationNumbering
{
    /// <summary>
    /// Numbers <paramref name="batch"/> after the inspection's existing recommendations (the last of which had
    /// <paramref name="lastGroup"/> and <paramref name="lastNumber"/>; null and 0 when there are none).
    /// </summary>
    /// <param name="afterPublication">
    /// The inspection is published, so the batch corrects its report: numbered after the existing recommendations
    /// whatever their addressees (issue 22), the group order holding within the batch only.
    /// </param>
    /// <param name="inspectedOn">
    /// The inspection's date (fieldwork start, else publication, else today): a region, division or national body
    /// addressed must have existed then (its active dates in the register).
    /// </param>
    public static IReadOnlyList<NumberedRecommendation> Number(
        Provider inspected, AddresseeGroup? lastGroup, int lastNumber, NewRecommendations batch, IReadOnlyDictionary<Guid, Provider> addressees,
        DateOnly? inspectedOn = null, bool afterPublication = false)
    {
        var violations = new List<FieldViolation>(OrderViolations(afterPublication ? null : lastGroup, batch.Items));
        for (var i = 0; i < batch.Items.Count; i++)
        {
            var item = batch.Items[i];
            var field = $"recommendations[{i}].addressee_provider_id";
            if (!addressees.TryGetValue(item.AddresseeProviderId, out var addressee))
            {
                violations.Add(new FieldViolation(field, $"no provider {Identifier.Format(item.AddresseeProviderId)} in the register"));
                continue;
            }
            var misfit = Misfit(inspected, item.AddresseeGroup, addressee) ?? NotActive(item.AddresseeGroup, addressee, inspectedOn);
            if (misfit is not null) violations.Add(new FieldViolation(field, misfit));
        }
        ValidationException.ThrowIfAny(violations);
        return batch.Items.Select((item, i) => new NumberedRecommendation(lastNumber + i + 1, item)).ToList();
    }

    /// <summary>
    /// Each recommendation's group must not come before the one preceding it (including <paramref name="lastGroup"/>, the
    /// last one already made; null when there is none, or when the batch is a correction of a published report, which is
    /// numbered after the existing recommendations whatever its addressees). Refusals read in words.
    /// </summary>
    public static IReadOnlyList<FieldViolation> OrderViolations(AddresseeGroup? lastGroup, IReadOnlyList<NewRecommendation> items)
    {
        var violations = new List<FieldViolation>();
        var previous = lastGroup;
        for (var i = 0; i < items.Count; i++)
        {
            var group = items[i].AddresseeGroup;
            if (previous is not null && group.Rank < previous.Rank)
            {
                var order = $"Recommendations to {previous.ShortName} come after those to {group.ShortName}";
                violations.Add(new FieldViolation($"recommendations[{i}].addressee_group", i == 0
                    ? $"{order}, and the inspection already has recommendations to {previous.ShortName}"
                    : $"{order}: put recommendation {i + 1} before recommendation {i}"));
                continue;
            }
            previous = group;
        }
        return violations;
    }

    private static string? Misfit(Provider inspected, AddresseeGroup group, Provider addressee)
    {
        if (group == AddresseeGroup.Provider)
            return addressee.Id == inspected.Id ? null : $"a '{group.Word}' recommendation is addressed to the inspected provider ({inspected.Name}), not {addressee.Name}";
        if (group == AddresseeGroup.Region)
        {
            if (addressee.Type != ProviderType.Region && addressee.Type != ProviderType.NpsDivision)
                return $"a '{group.Word}' recommendation is addressed to a region or NPS division; {addressee.Name} is of type {addressee.Type.Word}";
            if (addressee.Id == inspected.Id)
                return $"{addressee.Name} is the inspected provider: use addressee group 'provider'";
            // The provider's own region or division only: both must name the same region.
            if (inspected.Region.Length == 0)
                return $"{inspected.Name} has no region in the register, so no region or division can be addressed for it";
            if (!string.Equals(inspected.Region, addressee.Region, StringComparison.OrdinalIgnoreCase))
                return addressee.Region.Length == 0
                    ? $"{addressee.Name} has no region in the register; {inspected.Name} is in {inspected.Region}"
                    : $"{addressee.Name} is in region {addressee.Region}, the inspected provider in {inspected.Region}";
            return null;
        }
        return addressee.Type == ProviderType.NationalBody
            ? null
            : $"a '{group.Word}' recommendation is addressed to a national body; {addressee.Name} is of type {addressee.Type.Word}";
    }

    /// <summary>A region, division or national body that did not exist on the inspection's date cannot be addressed.</summary>
    private static string? NotActive(AddresseeGroup group, Provider addressee, DateOnly? on)
    {
        if (group == AddresseeGroup.Provider || on is not { } date) return null;
        if (addressee.ActiveFrom is { } from && date < from)
            return $"{addressee.Name} did not exist yet on {CalendarDate.ToText(date)}, the inspection's date: it was formed on {CalendarDate.ToText(from)}";
        if (addressee.ActiveTo is { } to && date > to)
            return $"{addressee.Name} no longer existed on {CalendarDate.ToText(date)}, the inspection's date: it ended on {CalendarDate.ToText(to)}";
        return null;
    }
}
