using Inspection.Domain.Vocabularies;
using Inspection.Scoring.Domain.Assessments;
using Inspection.Statistics.Proportions;

namespace Inspection.Scoring.Domain.Ratings;

/// <summary>
/// A key question's 95% interval as the admin shows it: Korn and Graubard's, from the stratified design the sample was
/// drawn with and centred on the printed k of n (the domain: the cases the question applies to), or Wilson's where the
/// design is unknown (figures transcribed from a published report). Its half-width is the achieved margin of error at
/// the applicable count. Where the sample is not self-weighting it also carries the caseload's weighted estimate.
/// </summary>
public sealed record DesignInterval(IntervalMethod Method, double LowerPct, double UpperPct, int Applicable, CaseloadEstimate? Caseload = null)
{
    /// <summary>Half the interval's width, in percentage points.</summary>
    public double MarginPct => (UpperPct - LowerPct) / 2;

    /// <summary>The interval of <paramref name="count"/>: from <paramref name="design"/> and the key question's
    /// applicable answers by case when both are known, otherwise Wilson's.</summary>
    public static DesignInterval For(YesCount count, SampleDesign? design, IReadOnlyDictionary<string, bool>? applicableAnswers)
    {
        if (!count.HasCases) throw new ArgumentOutOfRangeException(nameof(count), "an interval needs at least one applicable case");
        if (design is null || applicableAnswers is null || applicableAnswers.Count == 0) return Wilson(count);
        var units = design.UnitsFor(applicableAnswers);
        // Centred on the printed k of n: answers that are not exactly those counted (a case outside the design) cannot be.
        if (units.Count(u => u.InDomain) != count.Applicable || units.Count(u => u.InDomain && u.Yes) != count.Yes) return Wilson(count);
        var printed = DesignedProportion.Of(design.Strata, units, Weighting.AsPrinted);
        var interval = KornGraubardInterval.For(printed);
        CaseloadEstimate? caseload = null;
        if (!design.SelfWeighting)
        {
            var weighted = DesignedProportion.Of(design.Strata, units, Weighting.Caseload);
            var around = KornGraubardInterval.For(weighted);
            caseload = new CaseloadEstimate(weighted.Estimate * 100, around.Lower * 100, around.Upper * 100);
        }
        return new DesignInterval(IntervalMethod.KornGraubard, interval.Lower * 100, interval.Upper * 100, printed.DomainCount, caseload);
    }

    public static DesignInterval Wilson(YesCount count)
    {
        var wilson = WilsonInterval.For(count.Yes, count.Applicable);
        return new DesignInterval(IntervalMethod.Wilson, wilson.LowerPct, wilson.UpperPct, count.Applicable);
    }
}
