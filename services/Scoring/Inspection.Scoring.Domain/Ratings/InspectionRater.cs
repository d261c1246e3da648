using IntervalMethod = Inspection.Domain.Vocabularies.IntervalMethod;
using Inspection.Scoring.Domain.Omi;

namespace Inspection.Scoring.Domain.Ratings;

/// <summary>
/// Computes every rating of an inspection under its framework, exactly as the inspectorate does (README sections 2-4):
/// a case standard is the band of its lowest key-question percentage (rounded half up, Not applicable excluded); domain
/// one is the inspector's judgement checked against the decision rules; the overall rating is the band of
/// score / maximum as an exact fraction. Beyond the published method: Wilson intervals and the design-based ones
/// (<see cref="DesignInterval"/>), borderline flags on each and the Yes answers needed to reach the next band.
/// </summary>
public static class InspectionRater
{
    public const string DefaultNotApplicableWord = "Not applicable";

    public static InspectionRatings Rate(Framework framework, RatingInputs inputs)
    {
        if (framework.OmiScoring is not null) return RateOmi(framework, inputs);

        var scale = new BandScale(framework.QuestionBands);
        var results = new Dictionary<string, StandardResult>(StringComparer.Ordinal);
        // Case standards first: the domain-one decision rules refer to their final ratings.
        foreach (var standard in framework.Standards.Where(s => !s.IsJudged))
            results[standard.Id] = RateCaseStandard(framework, standard, scale, inputs);
        foreach (var standard in framework.Standards.Where(s => s.IsJudged))
            results[standard.Id] = RateJudgedStandard(framework, standard, inputs, results);

        var ordered = framework.Standards.Select(s => results[s.Id]).ToList();
        var overall = Overall(framework, ordered);
        var blockers = Blockers(ordered, overall);
        return new InspectionRatings(framework.Id, framework.Version, inputs.Source, ordered, overall, null,
            overall is { Complete: true } && blockers.Count == 0, blockers);
    }

    public static KeyQuestionResult RateKeyQuestion(KeyQuestion keyQuestion, BandScale scale, RatingInputs inputs)
    {
        YesCount? count;
        int? rounded;
        if (inputs.Source == ResultSource.CaseAssessments)
        {
            count = inputs.KeyQuestionCounts.GetValueOrDefault(keyQuestion.Id);
            rounded = count.Value.RoundedPct;
        }
        else
        {
            var figure = inputs.Published.KeyQuestions.GetValueOrDefault(keyQuestion.Id);
            count = figure?.Count;
            rounded = figure?.Pct;
        }
        var interval = count?.Interval;
        // The design-based interval where the sample's design is known; Wilson's for published figures.
        var design = count is { HasCases: true } c0
            ? DesignInterval.For(c0, inputs.Source == ResultSource.CaseAssessments ? inputs.Design : null, inputs.ApplicableAnswers.GetValueOrDefault(keyQuestion.Id))
            : null;
        var band = rounded is { } pct && !scale.IsEmpty ? scale.BandFor(pct) : null;
        var next = band is null ? null : scale.BandAbove(band);
        return new KeyQuestionResult(
            keyQuestion.Id,
            keyQuestion.Text,
            keyQuestion.StandardId,
            count is { HasCases: true } ? count : null,
            rounded,
            count?.ExactPct,
            interval,
            band?.Rating,
            // Borderline is decided per standard (RateCaseStandard): only the deciding key question can be.
            false,
            next?.Rating,
            count is { } c && next is not null ? BandScale.YesNeeded(c, next.MinPct) : null,
            inputs.Source,
            design);
    }

    private static StandardResult RateCaseStandard(Framework framework, Standard standard, BandScale scale, RatingInputs inputs)
    {
        var keyQuestions = standard.KeyQuestions.Select(k => RateKeyQuestion(k, scale, inputs)).ToList();
        var published = inputs.Published.Ratings.GetValueOrDefault(standard.Id);
        var departure = inputs.Departures.GetValueOrDefault(standard.Id);
        var notApplicableWord = standard.NotApplicableRatingWord ?? DefaultNotApplicableWord;
        if (!standard.IsRatedFromCases)
        {
            // Outcomes and the like: computed and shown, never rated (and so never scored).
            return new StandardResult(standard, keyQuestions, true, null, false, null, null, published?.Rating, null, null,
                published, [], true);
        }

        var withPct = keyQuestions.Where(k => k.RoundedPct is not null).ToList();
        string? computed = null;
        var applicable = true;
        var borderline = false;
        string? borderlineReason = null;
        var designBorderline = false;
        string? designBorderlineReason = null;
        string? nextBand = null;
        int? yesNeeded = null;
        if (withPct.Count == 0)
        {
            // An optional standard with no applicable case (court work where the PDU wrote no reports) is Not applicable.
            if (standard.Optional && inputs.Source == ResultSource.CaseAssessments)
            {
                applicable = false;
                computed = notApplicableWord;
            }
        }
        else
        {
            var lowestPct = withPct.Min(k => k.RoundedPct!.Value);
            var band = scale.BandFor(lowestPct);
            computed = band.Rating;
            (borderline, borderlineReason, keyQuestions) = Borderline(keyQuestions, lowestPct, band, scale, WilsonBounds, WilsonWords,
                k => k with { Borderline = true });
            (designBorderline, designBorderlineReason, keyQuestions) = Borderline(keyQuestions, lowestPct, band, scale, DesignBounds, DesignWords,
                k => k with { DesignBorderline = true });
            var next = scale.BandAbove(band);
            if (next is not null)
            {
                nextBand = next.Rating;
                yesNeeded = 0;
                foreach (var keyQuestion in withPct.Where(k => k.RoundedPct < next.MinPct))
                {
                    var extra = keyQuestion.Count is { } c ? BandScale.YesNeeded(c, next.MinPct) : null;
                    yesNeeded = extra is null ? null : yesNeeded + extra;
                    if (yesNeeded is null) break;
                }
            }
        }

        string? final;
        if (inputs.Source == ResultSource.Published)
        {
            final = published?.Rating ?? computed;
            if (final is not null && IsNotApplicable(final, notApplicableWord)) applicable = false;
        }
        else
        {
            final = departure?.Rating ?? computed;
            if (departure is not null) applicable = !IsNotApplicable(departure.Rating, notApplicableWord);
        }
        var ratedForPublication = final is not null && (!applicable || framework.Overall?.Points.ContainsKey(final) != false);
        return new StandardResult(standard, keyQuestions, applicable, computed, borderline, nextBand, yesNeeded, final,
            departure, null, published, [], ratedForPublication, borderlineReason, designBorderline, designBorderlineReason);
    }

    private static (double Lower, double Upper)? WilsonBounds(KeyQuestionResult k) =>
        k.Interval is { } w ? (w.LowerPct, w.UpperPct) : null;

    private static (double Lower, double Upper)? DesignBounds(KeyQuestionResult k) =>
        k.Design is { } d ? (d.LowerPct, d.UpperPct) : null;

    private static string WilsonWords(KeyQuestionResult k) => "its 95% interval";

    private static string DesignWords(KeyQuestionResult k) => k.Design?.Method == IntervalMethod.KornGraubard
        ? "its 95% interval from the sample's design (Korn-Graubard)"
        : "its 95% Wilson interval (the sample's design is not known)";

    /// <summary>
    /// A computed rating is borderline only where a deciding key question (one at the lowest percentage) has a 95%
    /// interval (<paramref name="bounds"/>: Wilson's, or the design's) crossing an edge of the band the standard is
    /// rated in; the reason names it, its figures, the interval and the edge. Only those key questions are marked.
    /// </summary>
    private static (bool, string?, List<KeyQuestionResult>) Borderline(
        List<KeyQuestionResult> keyQuestions, int lowestPct, RatingBand band, BandScale scale,
        Func<KeyQuestionResult, (double Lower, double Upper)?> bounds, Func<KeyQuestionResult, string> intervalWords,
        Func<KeyQuestionResult, KeyQuestionResult> mark)
    {
        var reasons = new List<string>();
        var marked = keyQuestions.Select(k =>
        {
            if (k.RoundedPct != lowestPct || bounds(k) is not { } interval) return k;
            var edges = scale.EdgesCrossed(band, interval.Lower, interval.Upper);
            if (edges.Count == 0) return k;
            var figures = k.Count is { } c ? $"{c.Yes} of {c.Applicable}, {lowestPct}%" : $"{lowestPct}%";
            var across = string.Join(" and ", edges.Select(e => $"the {e.EdgePct}% line between {band.Rating} and {e.Neighbour}"));
            reasons.Add($"Key question {k.QuestionId} decides the rating ({figures}); {intervalWords(k)}, " +
                $"{Math.Round(interval.Lower):0}% to {Math.Round(interval.Upper):0}%, crosses {across}.");
            return mark(k);
        }).ToList();
        return (reasons.Count > 0, reasons.Count > 0 ? string.Join(" ", reasons) : null, marked);
    }

    private static StandardResult RateJudgedStandard(
        Framework framework, Standard standard, RatingInputs inputs, IReadOnlyDictionary<string, StandardResult> rated)
    {
        var judgement = inputs.Judgements.GetValueOrDefault(standard.Id);
        var departure = inputs.Departures.GetValueOrDefault(standard.Id);
        var published = inputs.Published.Ratings.GetValueOrDefault(standard.Id);
        var final = inputs.Source == ResultSource.Published ? published?.Rating : departure?.Rating ?? judgement?.Rating;
        var rules = standard.DecisionRules
            .Select(rule => DecisionRuleEvaluator.Evaluate(framework, rule, rated, final, judgement, departure, published, inputs.Source))
            .ToList();
        var ratedForPublication = inputs.Source == ResultSource.Published
            ? final is not null
            : final is not null && (departure is not null || judgement?.IsFinal == true);
        return new StandardResult(standard, [], true, null, false, null, null, final, departure, judgement, published, rules,
            ratedForPublication);
    }

    private static OverallResult? Overall(Framework framework, IReadOnlyList<StandardResult> results)
    {
        if (framework.Overall is not { } rule) return null;
        var scored = results.Where(r => r.Scored).ToList();
        var rated = scored.Where(r => r.FinalRating is { } f && rule.Points.ContainsKey(f)).ToList();
        var score = rated.Sum(r => rule.Points[r.FinalRating!]);
        var max = rule.MaxPointsPerStandard * scored.Count;
        var rating = rated.Count == scored.Count && max > 0 ? rule.RatingFor(new Fraction(score, max)) : null;
        return new OverallResult(score, max, scored.Count, rated.Count, rating);
    }

    private static List<string> Blockers(IReadOnlyList<StandardResult> results, OverallResult? overall)
    {
        var blockers = new List<string>();
        foreach (var result in results.Where(r => r.Standard.Rated))
        {
            var standard = result.Standard;
            if (!result.RatedForPublication)
            {
                blockers.Add(standard.IsJudged
                    ? $"{standard.Id} {standard.Name}: no final judgement yet"
                    : $"{standard.Id} {standard.Name}: no rating yet (no applicable answers)");
            }
            blockers.AddRange(result.Rules.Where(r => r.Breach).Select(r => $"{standard.Id} {standard.Name}: {r.Explanation}"));
        }
        if (overall is null) blockers.Add("the framework has no overall rating");
        return blockers;
    }

    private static bool IsNotApplicable(string rating, string notApplicableWord) =>
        rating == notApplicableWord || rating.StartsWith(DefaultNotApplicableWord, StringComparison.Ordinal);

    private static InspectionRatings RateOmi(Framework framework, RatingInputs inputs)
    {
        var published = inputs.Published;
        var criteria = new List<OmiCriterionResult>();
        var grades = new List<OmiGrade>();
        var results = new List<StandardResult>();
        var blockers = new List<string>();
        foreach (var standard in framework.Standards)
        {
            string? final = null;
            if (standard.Method == RatingMethod.Average8020)
            {
                if (published.CriterionPcts.TryGetValue(standard.Id, out var pct))
                    criteria.Add(new OmiCriterionResult(standard.Id, standard.Name, standard.DomainId, pct));
                else
                    blockers.Add($"{standard.Id} {standard.Name}: no criterion percentage");
            }
            else if (standard.Method == RatingMethod.FourPoint)
            {
                if (published.Section4Grades.TryGetValue(standard.Id, out var grade))
                {
                    grades.Add(new OmiGrade(standard.Id, standard.Name, grade));
                    final = grade;
                }
                else
                {
                    blockers.Add($"{standard.Id} {standard.Name}: no grade");
                }
            }
            results.Add(new StandardResult(standard, [], true, null, false, null, null, final, null, null,
                published.Ratings.GetValueOrDefault(standard.Id), [], final is not null || standard.Method == RatingMethod.Average8020));
        }
        var sections = criteria
            .GroupBy(c => c.SectionId)
            .Select(g => new OmiSectionResult(g.Key, framework.Domains.First(d => d.Id == g.Key).Name,
                OmiCriterion.SectionPercentage(g.Select(c => c.Pct).ToList()), g.Count()))
            .ToList();
        if (published.RiskOfHarmThreadPct is null) blockers.Add("no risk-of-harm thread percentage");
        var omi = new OmiResults(criteria, sections, published.RiskOfHarmThreadPct, grades);
        return new InspectionRatings(framework.Id, framework.Version, inputs.Source, results, null, omi, blockers.Count == 0, blockers);
    }
}
