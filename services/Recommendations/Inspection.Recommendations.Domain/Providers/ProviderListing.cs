namespace Inspection.Recommendations.Domain.Providers;

/// <summary>Which providers a list shows by their retirement: the active ones (the default), every one, or the retired only.</summary>
public enum ProviderListing
{
    ActiveOnly,
    All,
    RetiredOnly,
}
