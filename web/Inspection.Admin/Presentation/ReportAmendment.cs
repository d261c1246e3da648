using Inspection.Evidence.V1;
using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;

namespace Inspection.Admin.Presentation;

/// <summary>
/// One change made to a published report, recorded as a correction with its reason by the service that owns the
/// part changed: a published date of the inspection, a recommendation or progress judgement (recommendation tracking), a rating or case assessment (assessment scoring), a
/// domain-one judgement (organisational evidence).
/// </summary>
public sealed record ReportAmendment(DateTimeOffset At, string What, string Reason, string By)
{
    public string Date => At.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyList<ReportAmendment> Collect(
        IEnumerable<Recommendation>? recommendations, ListDueForJudgementResponse? progress, InspectionRatings? ratings, GetJudgementsResponse? judgements,
        Inspection.Recommendations.V1.Inspection? inspection = null)
    {
        var amendments = new List<ReportAmendment>();
        foreach (var c in inspection?.Corrections ?? [])
            amendments.Add(new(c.CorrectedAt.ToDateTimeOffset(), InspectionCorrectionWords.What(c), c.Reason, c.CorrectedBy));
        foreach (var r in recommendations ?? [])
            if (r.CorrectionReason.Length > 0)
                amendments.Add(new(r.RecordedAt.ToDateTimeOffset(), $"Recommendation {r.Number} added", r.CorrectionReason, r.RecordedBy));
        foreach (var due in progress?.Recommendations ?? [])
            if (due.JudgementAtThisInspection is { CorrectionReason.Length: > 0 } j)
                amendments.Add(new(j.RecordedAt.ToDateTimeOffset(), $"Progress on recommendation {due.Recommendation.Number}: {j.Judgement}", j.CorrectionReason, j.RecordedBy));
        foreach (var c in ratings?.Corrections ?? [])
            amendments.Add(new(Parse(c.RecordedAt), Capitalise(c.Subject), c.Reason, c.RecordedBy));
        foreach (var j in judgements?.Judgements ?? [])
            if (j.CorrectionReason.Length > 0)
                amendments.Add(new(Parse(j.RecordedAt), $"Judgement of standard {j.StandardId}: {j.Rating}", j.CorrectionReason, j.RecordedBy));
        // Changes recorded at the same instant are ordered by what they say, so the same record always reads (and digests) the same.
        return amendments.OrderBy(a => a.At).ThenBy(a => a.What, StringComparer.Ordinal).ThenBy(a => a.Reason, StringComparer.Ordinal).ToList();
    }

    private static DateTimeOffset Parse(string instant) =>
        DateTimeOffset.TryParse(instant, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.MinValue;

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
