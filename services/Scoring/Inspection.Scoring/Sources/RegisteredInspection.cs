namespace Inspection.Scoring.Sources;

/// <summary>An inspection as recommendation tracking registers it: which provider, under which framework.</summary>
public sealed record RegisteredInspection(string InspectionId, string ProviderId, string ProviderName, string FrameworkId, string Status);
