namespace Inspection.Evidence.Domain.Items;

/// <summary>Which evidence of an inspection to list; null means any.</summary>
public sealed record EvidenceFilter(
    string InspectionId,
    string? StandardId = null,
    string? KeyQuestionId = null,
    string? Source = null,
    string? Finding = null,
    bool IncludeWithdrawn = false);
