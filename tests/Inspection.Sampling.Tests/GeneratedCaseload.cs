using Inspection.Sampling.Domain;
using Inspection.Sampling.Domain.Drawing;

namespace Inspection.Sampling.Tests;

/// <summary>
/// A seeded generator of caseloads shaped like a probation delivery unit's: mostly men, a third on licence,
/// most cases at medium or high risk of serious harm. The same seed gives the same caseload.
/// </summary>
public static class GeneratedCaseload
{
    public static readonly DateOnly FirstStart = new(2021, 6, 1);
    public static readonly DateOnly LastStart = new(2021, 12, 31);

    public static List<CaseRecord> Create(int count, ulong seed = 7, string prefix = "CR")
    {
        var random = new Xoshiro256StarStar(seed);
        var days = LastStart.DayNumber - FirstStart.DayNumber + 1;
        var cases = new List<CaseRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var sentence = Pick(random, [(CaseVocabulary.CommunityOrder, 40), (CaseVocabulary.SuspendedSentenceOrder, 20), (CaseVocabulary.Licence, 30), (CaseVocabulary.Custody, 10)]);
            var community = sentence is CaseVocabulary.CommunityOrder or CaseVocabulary.SuspendedSentenceOrder;
            var unpaidWork = community && Chance(random, 30);
            cases.Add(new CaseRecord(
                CaseReference: $"{prefix}{i:D7}",
                SentenceType: sentence,
                StartDate: DateOnly.FromDayNumber(FirstStart.DayNumber + (int)random.NextBelow((ulong)days)),
                Gender: Pick(random, [("male", 85), ("female", 13), ("other", 1), ("not_known", 1)]),
                EthnicGroup: Pick(random, [("white", 70), ("black", 10), ("asian", 12), ("mixed", 5), ("other", 2), ("not_known", 1)]),
                Disability: Chance(random, 25),
                RoshLevel: Pick(random, [("low", 30), ("medium", 45), ("high", 22), ("very_high", 3)]),
                MappaLevel: int.Parse(Pick(random, [("0", 900), ("1", 80), ("2", 15), ("3", 5)])),
                ProlificPriorityOffender: Chance(random, 5),
                ApprovedPremisesResident: sentence == CaseVocabulary.Licence && Chance(random, 8),
                StatutoryVictimContact: Chance(random, 10),
                UnpaidWorkRequirement: unpaidWork,
                UnpaidWorkOnly: unpaidWork && Chance(random, 40),
                CourtReportType: community ? Pick(random, [("none", 30), ("oral", 30), ("short_format", 25), ("standard", 15)]) : "none",
                AllocatedOffice: Pick(random, [("Aston", 1), ("Erdington", 1), ("Solihull", 1), ("Sutton", 1)]),
                AllocatedTeam: "Team " + (1 + random.NextBelow(10))));
        }
        return cases;
    }

    private static bool Chance(Xoshiro256StarStar random, int percent) => random.NextBelow(100) < (ulong)percent;

    private static string Pick(Xoshiro256StarStar random, (string Value, int Weight)[] choices)
    {
        var total = choices.Sum(c => c.Weight);
        var roll = (int)random.NextBelow((ulong)total);
        foreach (var (value, weight) in choices)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        throw new InvalidOperationException("unreachable: the roll is below the total weight");
    }
}
