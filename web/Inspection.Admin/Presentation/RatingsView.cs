using Inspection.Scoring.V1;

namespace Inspection.Admin.Presentation;

/// <summary>
/// An inspection's ratings with its framework (for the domains' names), as the ratings partials draw them. For the
/// report (<see cref="ForReport"/>) they leave out what is for the inspectorate only: borderline notes, intervals
/// and decision-rule workings.
/// </summary>
public sealed record RatingsView(InspectionRatings Ratings, Framework Framework)
{
    public bool ForReport { get; init; }

    /// <summary>The borderline note in words: the service's reason, then the Yes answers that would lift it.</summary>
    public static string BorderlineNote(StandardRating s) =>
        string.Join(" ", new[]
        {
            string.IsNullOrEmpty(s.BorderlineReason) ? "The deciding key question's 95% interval crosses an edge of this rating's band." : s.BorderlineReason,
            s.HasYesNeededForNextBand && !string.IsNullOrEmpty(s.NextBand) ? $"{s.YesNeededForNextBand} more Yes answers would make it {s.NextBand}." : null,
        }.Where(x => x is not null));

    public string DomainName(string domainId) => Framework.Domains.FirstOrDefault(d => d.DomainId == domainId)?.Name ?? domainId;

    public IEnumerable<IGrouping<string, StandardRating>> ByDomain() => Ratings.Standards.GroupBy(s => s.DomainId);

    public static string Percent(KeyQuestionResult q) => q.HasPct ? $"{q.Pct}%" : "–";

    public static string Fraction(KeyQuestionResult q) => q.HasK && q.HasN ? $"{q.K}/{q.N}" : q.HasN ? $"?/{q.N}" : "–";

    public static string Interval(KeyQuestionResult q) =>
        q.HasCiLowerPct && q.HasCiUpperPct ? $"{q.CiLowerPct:0.0} to {q.CiUpperPct:0.0}" : "–";
}
