namespace Inspection.Domain.Vocabularies;

/// <summary>The court report prepared for a case (sampling.proto PopulationCase.court_report_type; "" is none). Its words: <c>WireWords.CourtReportTypes</c> in Inspection.Contracts.</summary>
public enum CourtReportType
{
    None,
    Oral,
    ShortFormat,
    Standard,
}
