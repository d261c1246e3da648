using Inspection.Evidence.Domain.Items;
using Inspection.Evidence.Domain.Judgements;
namespace Inspection.Evidence.Domain.Summary;

/// <summary>
/// The evidence of one standard as the report prints it: grouped by key question in framework order, counted
/// by source, and listed as strengths then areas for improvement. Withdrawn evidence is left out.
/// </summary>
public sealed record StandardSummary(
    string InspectionId,
    OrganisationalStandard Standard,
    IReadOnlyList<KeyQuestionEvidence> KeyQuestions,
    IReadOnlyList<SourceCount> CountsBySource,
    IReadOnlyList<EvidenceItem> Strengths,
    IReadOnlyList<EvidenceItem> AreasForImprovement,
    Judgement? Judgement,
    int EvidenceCount)
{
    public static StandardSummary Build(string inspectionId, OrganisationalStandard standard, IEnumerable<EvidenceItem> evidence, Judgement? judgement)
    {
        // Report order: key questions as the framework orders them, the standard-as-a-whole evidence after
        // them, then by the date of the evidence, then by when it was added.
        var items = evidence
            .Where(e => !e.Withdrawn && e.Content.StandardId == standard.Id)
            .OrderBy(e => standard.KeyQuestionOrder(e.Content.KeyQuestionId))
            .ThenBy(e => e.Content.EvidenceDate)
            .ThenBy(e => e.AddedAt)
            .ThenBy(e => e.EvidenceId)
            .ToList();

        var groups = standard.KeyQuestions
            .Select(k => Group(k, items.Where(e => e.Content.KeyQuestionId == k.Id)))
            .ToList();
        var onStandard = items.Where(e => standard.FindKeyQuestion(e.Content.KeyQuestionId ?? "") is null).ToList();
        if (onStandard.Count > 0 || standard.KeyQuestions.Count == 0)
            groups.Add(Group(null, onStandard));

        var counts = EvidenceSource.All
            .Select(s => new SourceCount(s, items.Count(e => e.Content.Source == s)))
            .Where(c => c.Count > 0)
            .ToList();

        return new StandardSummary(inspectionId, standard, groups, counts,
            items.Where(e => e.Content.Finding == Finding.Strength).ToList(),
            items.Where(e => e.Content.Finding == Finding.AreaForImprovement).ToList(),
            judgement, items.Count);
    }

    private static KeyQuestionEvidence Group(KeyQuestion? keyQuestion, IEnumerable<EvidenceItem> items)
    {
        var list = items.ToList();
        return new KeyQuestionEvidence(keyQuestion,
            list.Where(e => e.Content.Finding == Finding.Strength).ToList(),
            list.Where(e => e.Content.Finding == Finding.AreaForImprovement).ToList());
    }
}
