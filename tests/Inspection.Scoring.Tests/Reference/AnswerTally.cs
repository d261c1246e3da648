using Inspection.Scoring.Domain.Assessments;
using Inspection.Scoring.Domain.Ratings;

namespace Inspection.Scoring.Tests.Reference;

/// <summary>k and n per question over validated case answers: what the service's SQL GROUP BY does, done in memory
/// for the domain tests.</summary>
public static class AnswerTally
{
    public static IReadOnlyDictionary<string, YesCount> Count(IEnumerable<QuestionAnswer> answers) =>
        answers
            .Where(a => a.Answer != Answer.NotApplicable)
            .GroupBy(a => a.QuestionId)
            .ToDictionary(g => g.Key, g => new YesCount(g.Count(a => a.Answer == Answer.Yes), g.Count()), StringComparer.Ordinal);
}
