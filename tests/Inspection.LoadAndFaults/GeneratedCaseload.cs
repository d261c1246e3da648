using Inspection.Sampling.V1;

namespace Inspection.LoadAndFaults;

/// <summary>A seeded caseload shaped like a probation delivery unit's (the same seed gives the same cases).</summary>
public static class GeneratedCaseload
{
    public static readonly DateOnly FirstStart = new(2021, 7, 1);
    public static readonly DateOnly LastStart = new(2022, 3, 31);

    public static List<PopulationCase> Create(int count, int seed)
    {
        var random = new Random(seed);
        var days = LastStart.DayNumber - FirstStart.DayNumber + 1;
        var cases = new List<PopulationCase>(count);
        for (var i = 0; i < count; i++)
        {
            var sentence = Pick(random, ("community_order", 40), ("suspended_sentence_order", 20), ("licence", 30), ("custody", 10));
            var community = sentence is "community_order" or "suspended_sentence_order";
            var unpaidWork = community && random.Next(100) < 30;
            cases.Add(new PopulationCase
            {
                CaseReference = $"LF{i:D6}",
                SentenceType = sentence,
                StartDate = DateOnly.FromDayNumber(FirstStart.DayNumber + random.Next(days)).ToString("yyyy-MM-dd"),
                Gender = Pick(random, ("male", 85), ("female", 13), ("other", 1), ("not_known", 1)),
                EthnicGroup = Pick(random, ("white", 70), ("black", 10), ("asian", 12), ("mixed", 5), ("other", 2), ("not_known", 1)),
                Disability = random.Next(100) < 25,
                RoshLevel = Pick(random, ("low", 30), ("medium", 45), ("high", 22), ("very_high", 3)),
                MappaLevel = int.Parse(Pick(random, ("0", 90), ("1", 8), ("2", 1), ("3", 1))),
                StatutoryVictimContact = random.Next(100) < 10,
                UnpaidWorkRequirement = unpaidWork,
                UnpaidWorkOnly = unpaidWork && random.Next(100) < 40,
                CourtReportType = community ? Pick(random, ("none", 30), ("oral", 30), ("short_format", 25), ("standard", 15)) : "none",
                AllocatedOffice = Pick(random, ("Aston", 1), ("Erdington", 1), ("Solihull", 1), ("Sutton", 1)),
                AllocatedTeam = "Team " + (1 + random.Next(10)),
            });
        }
        return cases;
    }

    private static string Pick(Random random, params (string Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        throw new InvalidOperationException("unreachable: the roll is below the total weight");
    }
}
