using InspectionFact = Inspection.Domain.Vocabularies.InspectionFact;

namespace Inspection.Recommendations.Domain.Inspections;

/// <summary>One fact of a published inspection put right: what it said, what it says now, why, who and when.</summary>
public sealed record InspectionCorrection(
    InspectionFact Fact, DateOnly? Previous, DateOnly? Corrected, string Reason, string CorrectedBy, DateTimeOffset CorrectedAt);
