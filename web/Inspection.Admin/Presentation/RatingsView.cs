using Inspection.Scoring.V1;

namespace Inspection.Admin.Presentation;

/// <summary>An inspection's ratings with its framework (for the domains' names), as the ratings partials draw them.</summary>
public sealed record RatingsView(InspectionRatings Ratings, Framework Framework)
{
    public string DomainName(string domainId) => Framework.Domains.FirstOrDefault(d => d.DomainId == domainId)?.Name ?? domainId;

    public IEnumerable<IGrouping<string, StandardRating>> ByDomain() => Ratings.Standards.GroupBy(s => s.DomainId);

    public static string Percent(KeyQuestionResult q) => q.HasPct ? $"{q.Pct}%" : "–";

    public static string Fraction(KeyQuestionResult q) => q.HasK && q.HasN ? $"{q.K}/{q.N}" : q.HasN ? $"?/{q.N}" : "–";

    public static string Interval(KeyQuestionResult q) =>
        q.HasCiLowerPct && q.HasCiUpperPct ? $"{q.CiLowerPct:0.0} to {q.CiUpperPct:0.0}" : "–";
}
