using System.Globalization;
using Inspection.Scoring.Domain.Assessments;
using Inspection.Scoring.Domain.Frameworks;
using Inspection.Scoring.Domain.Ratings;

namespace Inspection.Scoring.Tests.Reference;

/// <summary>
/// Builds case-level data for a reference inspection: a sample with its published composition (cases, licences, court
/// reports, women) and, for every published key-question and prompt percentage, a k of n that rounds to it while
/// respecting applicability (a question that always applies has every in-scope case in n; a ** question may have
/// fewer). The number of unpaid-work-only cases is not published: the smallest count (trying 2 first, to exercise the
/// * rule) that reproduces every reproducible figure is used.
/// </summary>
public static class ReferenceCaseBuilder
{
    private static readonly string[] EthnicGroups = ["white", "black", "asian", "mixed", "white", "white"];
    private static readonly string[] RoshLevels = ["low", "medium", "high", "medium", "very_high"];
    private static readonly string[] StaffGrades = ["PO", "PSO"];

    public static ReferenceSample Build(Framework framework, ReferenceInspection reference)
    {
        ReferenceSample? best = null;
        foreach (var unpaidWorkOnly in new[] { 2, 0, 1, 3, 4 })
        {
            var sample = Build(framework, reference, unpaidWorkOnly);
            if (best is null || sample.Unreproducible.Count < best.Unreproducible.Count) best = sample;
            if (sample.Unreproducible.All(u => framework.FindPrompt(u.QuestionId)?.IsPostCustodyPrompt == true)) return sample;
        }
        return best!;
    }

    public static string StaffGradeOf(SampledCaseFacts @case) =>
        StaffGrades[int.Parse(@case.CaseReference[^3..], CultureInfo.InvariantCulture) % StaffGrades.Length];

    private static ReferenceSample Build(Framework framework, ReferenceInspection reference, int unpaidWorkOnly)
    {
        var cases = Cases(reference, unpaidWorkOnly);
        var plan = new Dictionary<string, PlannedFigure>(StringComparer.Ordinal);
        var unreproducible = new List<Unreproducible>();
        // Per question: the cases answering Yes/No (the rest Not applicable), and the cases answering Yes.
        var applicableSets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var yesSets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);

        foreach (var keyQuestion in framework.CaseKeyQuestions)
        {
            var rulings = cases.Select(c => (Case: c, Ruling: QuestionApplicability.For(keyQuestion, c).Applicability)).ToList();
            var inScope = rulings.Where(r => r.Ruling != Applicability.DoesNotApply).Select(r => r.Case.CaseReference).ToList();
            var mustApply = rulings.Where(r => r.Ruling == Applicability.Applies).Select(r => r.Case.CaseReference).ToList();
            if (reference.KeyQuestionPct.TryGetValue(keyQuestion.Id, out var pct))
            {
                Assign(keyQuestion.Id, pct, inScope, mustApply, plan, unreproducible, applicableSets, yesSets);
            }
            else
            {
                applicableSets[keyQuestion.Id] = [.. inScope];
                yesSets[keyQuestion.Id] = [];
            }
        }

        foreach (var prompt in framework.CasePrompts)
        {
            var keyQuestion = prompt.KeyQuestionId is null ? null : framework.FindKeyQuestion(prompt.KeyQuestionId);
            var rulings = cases
                .Where(c => keyQuestion is null || applicableSets[keyQuestion.Id].Contains(c.CaseReference))
                .Select(c => (Case: c, Ruling: QuestionApplicability.For(prompt, keyQuestion, c).Applicability))
                .ToList();
            var inScope = rulings.Where(r => r.Ruling != Applicability.DoesNotApply).Select(r => r.Case.CaseReference).ToList();
            var mustApply = rulings.Where(r => r.Ruling == Applicability.Applies).Select(r => r.Case.CaseReference).ToList();
            if (PublishedPct(reference, prompt) is { } pct)
            {
                Assign(prompt.Id, pct, inScope, mustApply, plan, unreproducible, applicableSets, yesSets);
            }
            else
            {
                // Unpublished prompts mirror the key question's answer where they apply.
                applicableSets[prompt.Id] = [.. inScope];
                yesSets[prompt.Id] = keyQuestion is null ? [] : [.. inScope.Where(c => yesSets[keyQuestion.Id].Contains(c))];
            }
        }

        var answers = cases.ToDictionary(
            c => c.CaseReference,
            c => (IReadOnlyList<AnswerInput>)framework.CaseKeyQuestions.Select(k => k.Id)
                .Concat(framework.CasePrompts.Select(p => p.Id))
                .Select(id => new AnswerInput(id, !applicableSets[id].Contains(c.CaseReference)
                    ? AnswerWords.NotApplicable
                    : yesSets[id].Contains(c.CaseReference) ? AnswerWords.Yes : AnswerWords.No))
                .ToList(),
            StringComparer.Ordinal);
        return new ReferenceSample(cases, answers, plan, unreproducible, unpaidWorkOnly);
    }

    private static void Assign(
        string questionId, int pct, IReadOnlyList<string> inScope, IReadOnlyList<string> mustApply,
        Dictionary<string, PlannedFigure> plan, List<Unreproducible> unreproducible,
        Dictionary<string, HashSet<string>> applicableSets, Dictionary<string, HashSet<string>> yesSets)
    {
        var solved = Solve(pct, mustApply.Count, inScope.Count);
        if (solved is null)
        {
            var forced = mustApply.Count == inScope.Count ? $"exactly {inScope.Count}" : $"between {mustApply.Count} and {inScope.Count}";
            unreproducible.Add(new Unreproducible(questionId, pct,
                $"under the rule n is {forced} applicable cases, and no k of such n rounds to {pct}%"));
            // Answer it anyway, as near the published figure as the rule allows, so the case data stays complete.
            var n = inScope.Count;
            solved = (n, Math.Clamp((int)Math.Round(pct * n / 100.0, MidpointRounding.AwayFromZero), 0, n));
        }
        var (applicable, yes) = solved.Value;
        var chosen = mustApply.Concat(inScope.Except(mustApply)).Take(applicable).ToList();
        // Yes answers spread through the applicable cases (every other case first) rather than bunched at the start.
        var ordered = chosen.Where((_, i) => i % 2 == 0).Concat(chosen.Where((_, i) => i % 2 == 1)).ToList();
        applicableSets[questionId] = [.. chosen];
        yesSets[questionId] = [.. ordered.Take(yes)];
        plan[questionId] = new PlannedFigure(questionId, pct, yes, applicable);
    }

    /// <summary>The largest n in range (as many applicable cases as the rule allows) with a k rounding to the percentage.</summary>
    private static (int Applicable, int Yes)? Solve(int pct, int minApplicable, int maxApplicable)
    {
        for (var n = maxApplicable; n >= Math.Max(1, minApplicable); n--)
        {
            var candidates = YesCount.YesCountsFor(pct, n);
            if (candidates.Count > 0) return (n, candidates[0]);
        }
        return null;
    }

    private static int? PublishedPct(ReferenceInspection reference, Prompt prompt)
    {
        var key = prompt.IsPostCustodyPrompt ? ReferenceInspection.PostCustodyKey : prompt.KeyQuestionId!;
        return reference.PromptPct.TryGetValue(key, out var list) && list.FirstOrDefault(p => p.Text == prompt.Text) is { Text: not null } hit
            ? hit.Pct
            : null;
    }

    private static List<SampledCaseFacts> Cases(ReferenceInspection reference, int unpaidWorkOnly)
    {
        var cases = new List<SampledCaseFacts>();
        var community = reference.Cases - reference.Licences;
        var womenEvery = reference.Women > 0 ? Math.Max(1, reference.Cases / reference.Women) : int.MaxValue;
        var women = 0;
        for (var i = 0; i < reference.Cases; i++)
        {
            var licence = i >= community;
            var sentence = licence ? SampledCaseFacts.Licence : i % 2 == 0 ? "community_order" : "suspended_sentence_order";
            var uwOnly = !licence && i >= community - unpaidWorkOnly;
            var courtReport = i < reference.CourtReports;
            var woman = i % womenEvery == 0 && women < reference.Women;
            if (woman) women++;
            var rosh = RoshLevels[i % RoshLevels.Length];
            cases.Add(SampledCaseFacts.Create(
                $"C{i + 1:000}",
                sentence,
                unpaidWorkOnly: uwOnly,
                gender: woman ? "female" : "male",
                ethnicGroup: EthnicGroups[i % EthnicGroups.Length],
                roshLevel: rosh,
                stratum: $"{sentence}/{rosh}",
                courtReport: courtReport,
                statutoryVictimContact: i % 7 == 0,
                roshRelevant: rosh != "low"));
        }
        return cases;
    }
}
