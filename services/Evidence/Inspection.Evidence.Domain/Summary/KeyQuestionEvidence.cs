using Inspection.Evidence.Domain.Items;
namespace Inspection.Evidence.Domain.Summary;

/// <summary>The evidence on one key question (or, with no key question, on the standard as a whole).</summary>
public sealed record KeyQuestionEvidence(
    KeyQuestion? KeyQuestion,
    IReadOnlyList<EvidenceItem> Strengths,
    IReadOnlyList<EvidenceItem> AreasForImprovement);
