namespace Inspection.Evidence.Application;

/// <summary>What this service needs to know of an inspection registered with recommendation tracking.</summary>
public sealed record RegisteredInspection(string InspectionId, string FrameworkId, string Status, string ProviderName);
