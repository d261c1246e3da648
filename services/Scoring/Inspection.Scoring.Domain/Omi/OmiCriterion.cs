namespace Inspection.Scoring.Domain.Omi;

/// <summary>
/// The 2008 criterion score: 0.8 x the mean of the individual questions' proportions + 0.2 x the summary question's
/// proportion, each proportion over the relevant cases, as a percentage.
/// </summary>
public static class OmiCriterion
{
    public static double Percentage(IReadOnlyList<Ratings.YesCount> individualQuestions, Ratings.YesCount summaryQuestion)
    {
        var individual = individualQuestions.Where(q => q.HasCases).ToList();
        if (individual.Count == 0) throw new ArgumentException("a criterion needs at least one individual question with relevant cases", nameof(individualQuestions));
        if (!summaryQuestion.HasCases) throw new ArgumentException("the summary question needs relevant cases", nameof(summaryQuestion));
        var meanIndividual = individual.Average(q => (double)q.Yes / q.Applicable);
        var summary = (double)summaryQuestion.Yes / summaryQuestion.Applicable;
        return 100 * (0.8 * meanIndividual + 0.2 * summary);
    }

    /// <summary>Section score: the mean of its criteria.</summary>
    public static double SectionPercentage(IReadOnlyList<double> criterionPcts) =>
        criterionPcts.Count == 0 ? throw new ArgumentException("a section needs criteria", nameof(criterionPcts)) : criterionPcts.Average();

    /// <summary>Risk-of-harm thread: the mean over all risk-of-harm questions (sections 1 and 2) of the proportion sufficient.</summary>
    public static double RiskOfHarmThreadPercentage(IReadOnlyList<Ratings.YesCount> riskOfHarmQuestions)
    {
        var relevant = riskOfHarmQuestions.Where(q => q.HasCases).ToList();
        if (relevant.Count == 0) throw new ArgumentException("the thread needs at least one question with relevant cases", nameof(riskOfHarmQuestions));
        return 100 * relevant.Average(q => (double)q.Yes / q.Applicable);
    }
}
