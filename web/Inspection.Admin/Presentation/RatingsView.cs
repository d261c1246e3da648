using System.Globalization;
using Inspection.Contracts.Vocabularies;
using Inspection.Domain.Vocabularies;
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

    /// <summary>The borderline note in words, by the design interval the pages show: the service's reason, then the Yes
    /// answers that would lift it.</summary>
    public static string BorderlineNote(StandardRating s) =>
        string.Join(" ", new[]
        {
            string.IsNullOrEmpty(s.DesignBorderlineReason) ? "The deciding key question's 95% interval crosses an edge of this rating's band." : s.DesignBorderlineReason,
            s.HasYesNeededForNextBand && !string.IsNullOrEmpty(s.NextBand) ? $"{s.YesNeededForNextBand} more Yes {(s.YesNeededForNextBand == 1 ? "answer" : "answers")} would make it {s.NextBand}." : null,
        }.Where(x => x is not null));

    /// <summary>
    /// A 2008 criterion as its report published it (the criterion's score, or a section 4 grade): that framework
    /// rates no standard, so a criterion with no rating is not "Not rated yet" but published as a score. Null for a
    /// standard of any other framework.
    /// </summary>
    public string? PublishedCriterion(StandardRating s)
    {
        if (Ratings.Omi is not { } omi || !string.IsNullOrEmpty(s.FinalRating)) return null;
        if (omi.Section4Grades.FirstOrDefault(g => g.CriterionId == s.StandardId) is { } grade) return grade.Grade;
        return omi.Criteria.FirstOrDefault(c => c.CriterionId == s.StandardId) is { } criterion
            ? $"{criterion.Pct.ToString("0.0", CultureInfo.InvariantCulture)}% (criterion score)"
            : null;
    }

    public string DomainName(string domainId) => Framework.Domains.FirstOrDefault(d => d.DomainId == domainId)?.Name ?? domainId;

    public IEnumerable<IGrouping<string, StandardRating>> ByDomain() => Ratings.Standards.GroupBy(s => s.DomainId);

    public static string Percent(KeyQuestionResult q) => q.HasPct ? $"{q.Pct}%" : "–";

    public static string Fraction(KeyQuestionResult q) => q.HasK && q.HasN ? $"{q.K}/{q.N}" : q.HasN ? $"?/{q.N}" : "–";

    /// <summary>The design interval (Korn-Graubard from how the sample was drawn, or Wilson where that is unknown).</summary>
    public static string Interval(KeyQuestionResult q) =>
        q.HasDesignCiLowerPct && q.HasDesignCiUpperPct ? $"{q.DesignCiLowerPct:0.0} to {q.DesignCiUpperPct:0.0}" : "–";

    /// <summary>The achieved margin of error in words an inspector can read: "a margin of plus or minus 9 points at 41 cases".</summary>
    public static string? Margin(KeyQuestionResult q)
    {
        if (!q.HasMarginOfErrorPct || !q.HasN) return null;
        var cases = q.N == 1 ? "1 case" : $"{q.N} cases";
        var points = Math.Round(q.MarginOfErrorPct, MidpointRounding.AwayFromZero);
        return q.MarginOfErrorPct < 0.5
            ? $"no margin to speak of at {cases} (nearly every case was sampled)"
            : $"a margin of plus or minus {points.ToString("0", CultureInfo.InvariantCulture)} {(points == 1 ? "point" : "points")} at {cases}";
    }

    /// <summary>Where the interval is Wilson's, why: the design the sample was drawn with is not known.</summary>
    public string? MethodNote(KeyQuestionResult q) =>
        q.IntervalMethod.Is(IntervalMethod.Wilson)
            ? $"Wilson interval: how the sample was drawn is not known{(Ratings.Source.Is(FiguresSource.Published) ? " (figures from the published report)" : "")}, so it is treated as a simple random sample."
            : null;

    /// <summary>Whether any key question's interval comes from the sample's design (the page then says how).</summary>
    public bool AnyDesignInterval => Ratings.Standards.SelectMany(s => s.KeyQuestions).Any(q => q.IntervalMethod.Is(IntervalMethod.KornGraubard));

    /// <summary>Where the sample is not self-weighting: the caseload's estimate beside the printed figure, and which the rating uses.</summary>
    public static string? CaseloadNote(KeyQuestionResult q) =>
        q.HasCaseloadEstimatePct
            ? $"The sample is not in proportion to the caseload: weighted, the caseload's estimate is {q.CaseloadEstimatePct:0.0}% " +
              $"({q.CaseloadCiLowerPct:0.0} to {q.CaseloadCiUpperPct:0.0}). The rating uses the printed {Percent(q)}, as the published method does."
            : null;
}
