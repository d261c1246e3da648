using Inspection.Recommendations.V1;

namespace Inspection.Admin.Presentation;

/// <summary>
/// A correction of the published inspection record in the report's words: "Publication date corrected from 1 January
/// 2099 to 8 March 2024 on 7 December 2026: the report went online a week later".
/// </summary>
public static class InspectionCorrectionWords
{
    public static string What(InspectionCorrection correction) =>
        $"{FactName(correction.Fact)} corrected from {DisplayDate.Format(correction.PreviousValue)} to {DisplayDate.Format(correction.CorrectedValue)}";

    public static string Sentence(InspectionCorrection correction) =>
        $"{What(correction)} on {correction.CorrectedAt.ToDateTimeOffset().ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}: {correction.Reason}";

    private static string FactName(string fact) =>
        fact.Is(InspectionFact.PublishedOn) ? "Publication date"
        : fact.Is(InspectionFact.FieldworkStart) ? "First day of fieldwork"
        : fact.Is(InspectionFact.FieldworkEnd) ? "Last day of fieldwork"
        : "A date of the inspection";
}
