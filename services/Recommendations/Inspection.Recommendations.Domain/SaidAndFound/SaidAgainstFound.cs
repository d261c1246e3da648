namespace Inspection.Recommendations.Domain.SaidAndFound;

/// <summary>
/// What providers said against what the inspectorate found (issue 23): for each progress judgement, the addressee's
/// latest reported status on or before the day the inspectorate looked; of those it said were Complete or On track,
/// the share then judged No progress or Some progress, per provider (the addressee) and per region (the addressee's).
/// A recommendation judged at two inspections counts at each: each is one time what was said was tested.
/// Rows list only the providers and regions that said something was Complete or On track, the highest share first.
/// </summary>
public sealed record SaidAgainstFound(IReadOnlyList<SaidAgainstFoundRow> ByProvider, IReadOnlyList<SaidAgainstFoundRow> ByRegion, SaidAgainstFoundRow Total)
{
    public static SaidAgainstFound Of(IEnumerable<JudgedRecommendation> judgements, SaidAgainstFoundQuery query)
    {
        var said = judgements.Where(query.Includes).Where(j => j.SaidDoneOrOnCourse).ToList();
        var byProvider = Rows(said.GroupBy(j => j.AddresseeProviderId), g => Identifier.Format(g.Key), g => g.First().AddresseeName, g => g.First().AddresseeRegion);
        var byRegion = Rows(said.GroupBy(j => j.AddresseeRegion), g => g.Key, g => g.Key, g => g.Key);
        return new SaidAgainstFound(byProvider, byRegion, new SaidAgainstFoundRow("", "All", "", said.Count, said.Count(j => j.FoundShort)));
    }

    private static List<SaidAgainstFoundRow> Rows<TKey>(
        IEnumerable<IGrouping<TKey, JudgedRecommendation>> groups, Func<IGrouping<TKey, JudgedRecommendation>, string> key,
        Func<IGrouping<TKey, JudgedRecommendation>, string> label, Func<IGrouping<TKey, JudgedRecommendation>, string> region) =>
        groups.Select(g => new SaidAgainstFoundRow(key(g), label(g), region(g), g.Count(), g.Count(j => j.FoundShort)))
            .OrderByDescending(r => r.Share).ThenByDescending(r => r.SaidDoneOrOnCourse).ThenBy(r => r.Label, StringComparer.Ordinal)
            .ToList();
}
