using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Inspection.Admin.Pages.Providers;

/// <summary>
/// The regions and divisions a provider's region is chosen from: those the register's providers already sit in. The
/// contract's region is free text, so a region typed that none of them has ("West Midlandz") is taken only once the
/// person ticks that it is a new one; a known region typed in another case is stored as the register spells it.
/// </summary>
public sealed class RegionChoice
{
    private RegionChoice(IReadOnlyList<string> existing) => Existing = existing;

    public IReadOnlyList<string> Existing { get; }

    /// <summary>Set when the region typed is not an existing one and not yet confirmed: the page asks for the tick.</summary>
    public bool AsksToConfirm { get; private set; }

    /// <summary>The regions of the providers in the register (retired ones left out), in order.</summary>
    public static async Task<RegionChoice> LoadAsync(RecommendationTracking.RecommendationTrackingClient tracking, CancellationToken ct)
    {
        var regions = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in await RegisterPages.AllAsync(tracking, new ListProvidersRequest(), ct))
            if (provider.Region.Length > 0) regions.Add(provider.Region);
        return new RegionChoice(regions.ToList());
    }

    /// <summary>
    /// The region to send: an existing one as the register spells it, a new one only when <paramref name="confirmedNew"/>;
    /// otherwise an error under <paramref name="key"/> and <see cref="AsksToConfirm"/> set.
    /// </summary>
    public string Check(string? typed, bool confirmedNew, ModelStateDictionary modelState, string key)
    {
        var region = typed?.Trim() ?? "";
        if (region.Length == 0) return region;
        if (Existing.FirstOrDefault(r => string.Equals(r, region, StringComparison.OrdinalIgnoreCase)) is { } known) return known;
        if (confirmedNew) return region;
        AsksToConfirm = true;
        modelState.AddModelError(key, $"{region} is not an existing region or division. Check the spelling, or tick the box to add it as a new one");
        return region;
    }
}
