namespace Inspection.Scoring.Domain.Ratings;

/// <summary>
/// Checks published figures against the framework: known question and standard ids, percentages 0-100, n and k
/// consistent with the printed percentage, rating and grade words as the framework spells them.
/// </summary>
public static class PublishedResultsValidator
{
    public static PublishedResults Validate(Framework framework, PublishedResultsInput input)
    {
        var violations = new List<FieldViolation>();
        var keyQuestions = Figures(input.KeyQuestions, "key_questions", id =>
            framework.FindKeyQuestion(id) is { } k && framework.StandardOf(k).IsCaseStandard, "a key question of a case standard", violations);
        var prompts = Figures(input.Prompts, "prompts", id => framework.FindPrompt(id) is not null, "a prompt", violations);

        var ratings = new Dictionary<string, PublishedRating>(StringComparer.Ordinal);
        for (var i = 0; i < input.Ratings.Count; i++)
        {
            var r = input.Ratings[i];
            var standard = framework.FindStandard(r.StandardId ?? "");
            if (framework.Overall is null)
                violations.Add(new($"ratings[{i}].standard_id", $"framework {framework.Id} has no banded ratings: record criteria and section 4 grades"));
            else if (standard is null || !standard.Rated)
                violations.Add(new($"ratings[{i}].standard_id", $"'{r.StandardId}' is not a rated standard of framework {framework.Id}"));
            else if (!PanelDepartureRules.CanBeRated(framework, standard, r.Rating))
                violations.Add(new($"ratings[{i}].rating", $"'{r.Rating}' is not a rating of {standard.Id}: use one of {string.Join(", ", PanelDepartureRules.RatingsOf(framework, standard))}"));
            else if (!ratings.TryAdd(standard.Id, new PublishedRating(standard.Id, r.Rating, r.Note ?? "")))
                violations.Add(new($"ratings[{i}].standard_id", $"{standard.Id} is rated more than once"));
        }

        var criteria = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < input.Criteria.Count; i++)
        {
            var (id, pct) = input.Criteria[i];
            if (framework.FindStandard(id ?? "") is not { Method: RatingMethod.Average8020 })
                violations.Add(new($"criteria[{i}].criterion_id", $"'{id}' is not a criterion scored by percentage in framework {framework.Id}"));
            else if (pct is < 0 or > 100 || double.IsNaN(pct))
                violations.Add(new($"criteria[{i}].pct", "a percentage is between 0 and 100"));
            else if (!criteria.TryAdd(id!, pct))
                violations.Add(new($"criteria[{i}].criterion_id", $"{id} is given more than once"));
        }

        var grades = new Dictionary<string, string>(StringComparer.Ordinal);
        var scale = framework.OmiScoring?.Section4Scale ?? [];
        for (var i = 0; i < input.Section4Grades.Count; i++)
        {
            var (id, grade) = input.Section4Grades[i];
            if (framework.FindStandard(id ?? "") is not { Method: RatingMethod.FourPoint })
                violations.Add(new($"section4_grades[{i}].criterion_id", $"'{id}' is not a four-point criterion of framework {framework.Id}"));
            else if (!scale.Contains(grade, StringComparer.Ordinal))
                violations.Add(new($"section4_grades[{i}].grade", $"'{grade}' is not one of {string.Join(", ", scale)}"));
            else if (!grades.TryAdd(id!, grade))
                violations.Add(new($"section4_grades[{i}].criterion_id", $"{id} is graded more than once"));
        }

        if (input.RiskOfHarmThreadPct is { } thread)
        {
            if (framework.OmiScoring is null)
                violations.Add(new("risk_of_harm_thread_pct", $"framework {framework.Id} has no risk-of-harm thread"));
            else if (thread is < 0 or > 100 || double.IsNaN(thread))
                violations.Add(new("risk_of_harm_thread_pct", "a percentage is between 0 and 100"));
        }
        ValidationException.ThrowIfAny(violations);
        return new PublishedResults(keyQuestions, prompts, ratings, criteria, grades, input.RiskOfHarmThreadPct);
    }

    private static Dictionary<string, PublishedFigure> Figures(
        IReadOnlyList<PublishedFigureInput> inputs, string field, Func<string, bool> known, string what, List<FieldViolation> violations)
    {
        var figures = new Dictionary<string, PublishedFigure>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var f = inputs[i];
            var path = $"{field}[{i}]";
            if (string.IsNullOrWhiteSpace(f.QuestionId) || !known(f.QuestionId))
            {
                violations.Add(new($"{path}.question_id", $"'{f.QuestionId}' is not {what} of the inspection's framework"));
                continue;
            }
            if (f.Pct is < 0 or > 100)
            {
                violations.Add(new($"{path}.pct", "a percentage is between 0 and 100"));
                continue;
            }
            if (f.Applicable is { } n)
            {
                if (n < 1)
                {
                    violations.Add(new($"{path}.n", "n, the number of applicable cases, is at least 1"));
                    continue;
                }
                if (f.Yes is { } k && (k < 0 || k > n || YesCount.RoundHalfUp(k, n) != f.Pct))
                {
                    violations.Add(new($"{path}.k", $"{k} of {n} does not round to {f.Pct}%"));
                    continue;
                }
                if (f.Yes is null && YesCount.YesCountsFor(f.Pct, n).Count == 0)
                {
                    violations.Add(new($"{path}.pct", $"no number of Yes answers out of {n} rounds to {f.Pct}%"));
                    continue;
                }
            }
            else if (f.Yes is not null)
            {
                violations.Add(new($"{path}.k", "k needs n"));
                continue;
            }
            if (!figures.TryAdd(f.QuestionId, new PublishedFigure(f.Pct, f.Applicable, f.Yes)))
                violations.Add(new($"{path}.question_id", $"{f.QuestionId} is given more than once"));
        }
        return figures;
    }
}
