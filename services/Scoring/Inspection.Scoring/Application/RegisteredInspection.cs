namespace Inspection.Scoring.Application;

/// <summary>An inspection as recommendation tracking registers it: which provider, under which framework, and whether
/// (and when) it was published: a published inspection's ratings change only as corrections.</summary>
public sealed record RegisteredInspection(string InspectionId, string ProviderId, string ProviderName, string FrameworkId, string Status, string PublishedOn = "")
{
    public bool IsPublished => Status == "published";
}
