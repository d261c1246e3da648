using Inspection.ServiceDefaults;
using Inspection.Admin.Presentation;
using Inspection.Sampling.V1;
using Inspection.Scoring.V1;
using CallOptions = Grpc.Core.CallOptions;

namespace Inspection.Admin.Publishing;

/// <summary>What the data annexe holds, read once: the report's record, the prompts' figures, the sample and its check.</summary>
public sealed record AnnexeData(ReportRecord Record, PromptResults? Prompts, Sample? Sample, Composition? Composition);

/// <summary>
/// The data annexe of an inspection (issue 25), XLSX with a Key sheet and CSV: every key question's and prompt's
/// figures as the ratings give them (a published inspection's as stored at publication), the sample frame and size,
/// the strata, and the composition check. The column names are stable (README "What the inspectorate publishes").
/// </summary>
public sealed class DataAnnexe(AssessmentScoring.AssessmentScoringClient scoring, CaseSampling.CaseSamplingClient sampling)
{
    public static readonly IReadOnlyList<string> FigureColumns =
    [
        "domain_id", "domain", "standard_id", "standard", "question_id", "question", "level", "key_question_id", "applicable_cases", "yes",
        "percentage_printed", "interval_lower_pct", "interval_upper_pct", "interval_method", "band", "standard_rating", "borderline", "borderline_reason",
    ];

    public static readonly IReadOnlyList<string> SampleColumns =
    [
        "sample_id", "snapshot_id", "snapshot_version", "population_size", "eligible_population", "sample_size", "size_mode", "size_explanation",
        "drawn_at", "algorithm_version", "substitutions",
    ];

    public static readonly IReadOnlyList<string> StratumColumns = ["stratum", "population", "proportional_share", "quota_floor", "allocated", "active"];

    public static readonly IReadOnlyList<string> CompositionColumns =
    [
        "attribute", "value", "population", "population_share", "sample", "sample_share", "expected", "fixed_by_allocation",
        "corrected_chi_square", "degrees_of_freedom", "design_p_value", "design_p_value_method", "note",
    ];

    public static readonly IReadOnlyList<KeyEntry> Key =
    [
        new("Figures", "domain_id", "The framework's domain number (1 organisational delivery, 2 case supervision, ...)."),
        new("Figures", "domain", "The domain's name in the framework."),
        new("Figures", "standard_id", "The standard's number, e.g. 2.1."),
        new("Figures", "standard", "The standard's name."),
        new("Figures", "question_id", "The key question's number (2.1.1); a prompt's is its key question's and its printed position (2.1.1.p1)."),
        new("Figures", "question", "The question as the framework words it."),
        new("Figures", "level", "key_question, prompt, or post_custody_prompt (printed under the standard, never rated)."),
        new("Figures", "key_question_id", "For a prompt: the key question it belongs to. Empty for a key question."),
        new("Figures", "applicable_cases", "Cases in the sample the question applies to (n). Empty where not known."),
        new("Figures", "yes", "Of those, cases answered Yes (k). Empty where the published report gives only the percentage."),
        new("Figures", "percentage_printed", "The percentage as the report prints it: a whole number, k of n rounded half up."),
        new("Figures", "interval_lower_pct", "Lower end of the 95% interval the ratings compute for the key question, to one decimal place. Empty for prompts (the ratings compute none) and where n is not known."),
        new("Figures", "interval_upper_pct", "Upper end of the same interval."),
        new("Figures", "interval_method", "korn_graubard: from the strata and populations the sample was drawn with, as R's survey package computes it; wilson: Wilson's score interval, where how the sample was drawn is not known (figures from a published report)."),
        new("Figures", "band", "The rating band the key question's percentage falls in."),
        new("Figures", "standard_rating", "The standard's rating as published (the panel's where it departed from the computed rating)."),
        new("Figures", "borderline", "true where this key question decides its standard's rating and its 95% interval crosses an edge of that rating's band."),
        new("Figures", "borderline_reason", "Why it is borderline, in words, with the Yes answers that would lift it."),
        new("Sample", "sample_id", "The current sample of the inspection (empty sheet: no sample is recorded, as for inspections before the system)."),
        new("Sample", "snapshot_id", "The caseload snapshot (the sample frame) the sample was drawn from."),
        new("Sample", "snapshot_version", "The snapshot's version at the draw."),
        new("Sample", "population_size", "Cases in the caseload snapshot."),
        new("Sample", "eligible_population", "Cases eligible for the sample after the exclusions: the frame."),
        new("Sample", "sample_size", "Cases in the sample."),
        new("Sample", "size_mode", "calculated (from the confidence level and margin of error) or fixed."),
        new("Sample", "size_explanation", "How the size was reached, in words."),
        new("Sample", "drawn_at", "When the sample was drawn (UTC)."),
        new("Sample", "algorithm_version", "The version of the drawing method, so the draw can be repeated."),
        new("Sample", "substitutions", "Cases substituted since the draw."),
        new("Strata", "stratum", "The stratum: attribute=value pairs joined by |."),
        new("Strata", "population", "Eligible cases in the stratum."),
        new("Strata", "proportional_share", "The stratum's share of the sample in exact proportion, before rounding."),
        new("Strata", "quota_floor", "Cases the stratum must hold because of quotas."),
        new("Strata", "allocated", "Cases allocated to the stratum at the draw."),
        new("Strata", "active", "Cases of the stratum in the sample now (after substitutions)."),
        new("Composition", "attribute", "The attribute compared between the sample and the eligible caseload."),
        new("Composition", "value", "One value of the attribute."),
        new("Composition", "population", "Eligible cases with the value."),
        new("Composition", "population_share", "Their share of the eligible caseload (0 to 1)."),
        new("Composition", "sample", "Sampled cases with the value."),
        new("Composition", "sample_share", "Their share of the sample (0 to 1)."),
        new("Composition", "expected", "The count the sample would hold in exact proportion."),
        new("Composition", "fixed_by_allocation", "Why the draw set this attribute's counts itself (then it is shown, not tested); empty when it did not."),
        new("Composition", "corrected_chi_square", "Pearson's chi-square with the finite population correction (repeated on every row of the attribute)."),
        new("Composition", "degrees_of_freedom", "Values present minus one."),
        new("Composition", "design_p_value", "The test's p-value; empty where the attribute is fixed or there is nothing to test."),
        new("Composition", "design_p_value_method", "chi_square, exact or simulated."),
        new("Composition", "note", "A warning, such as an expected count below 5."),
    ];

    public async Task<AnnexeData> ReadAsync(ReportRecord record, CancellationToken ct)
    {
        var options = new CallOptions(deadline: GrpcDeadlines.After(TimeSpan.FromSeconds(15)), cancellationToken: ct);
        var id = record.Inspection.InspectionId;
        var prompts = ReportRecord.Try(() => scoring.GetPromptResultsAsync(new GetPromptResultsRequest { InspectionId = id }, options));
        Sample? sample = null;
        Composition? composition = null;
        if (record.Sample is { } current)
        {
            sample = await ReportRecord.Try(() => sampling.GetSampleAsync(new GetSampleRequest { SampleId = current.SampleId }, options));
            composition = await ReportRecord.Try(() => sampling.GetCompositionAsync(new GetCompositionRequest { SampleId = current.SampleId }, options));
        }
        return new AnnexeData(record, await prompts, sample, composition);
    }

    public static IEnumerable<(string Label, string Value)> About(AnnexeData data)
    {
        var inspection = data.Record.Inspection;
        yield return ("Inspection", $"An inspection of probation services in {inspection.ProviderName}");
        yield return ("Region", data.Record.Region);
        yield return ("Fieldwork from", DisplayDate.Format(inspection.FieldworkStart));
        yield return ("Published", data.Record.Published ? DisplayDate.Format(inspection.PublishedOn) : "Not yet published: DRAFT figures, computed now");
        if (data.Record.Ratings is { PublishedFiguresVersion: > 0 } r)
            yield return ("Figures", $"As stored at publication (version {r.PublishedFiguresVersion}{(r.PublishedFiguresVersion > 1 ? ", after corrections" : "")})");
        if (data.Record.Amendments.Count > 0) yield return ("Amended", data.Record.Amendments[^1].Date);
    }

    public static Table Figures(AnnexeData data)
    {
        var rows = new List<object?[]>();
        if (data.Record.Ratings is not { } ratings) return new Table("Figures", FigureColumns, rows);
        var view = data.Record.RatingsView;
        var prompts = data.Prompts?.Prompts ?? [];
        foreach (var s in ratings.Standards)
        {
            var domain = view?.DomainName(s.DomainId) ?? s.DomainId;
            var rating = s.Applicable ? s.FinalRating : "Not applicable";
            foreach (var q in s.KeyQuestions)
            {
                rows.Add([
                    s.DomainId, domain, s.StandardId, s.Name, q.QuestionId, q.Text, "key_question", null,
                    q.HasN ? q.N : null, q.HasK ? q.K : null, q.HasPct ? q.Pct : null,
                    q.HasDesignCiLowerPct ? Math.Round(q.DesignCiLowerPct, 1) : null, q.HasDesignCiUpperPct ? Math.Round(q.DesignCiUpperPct, 1) : null,
                    q.IntervalMethod, q.Band, rating, q.DesignBorderline, q.DesignBorderline ? RatingsView.BorderlineNote(s) : null,
                ]);
                foreach (var p in prompts.Where(p => p.KeyQuestionId == q.QuestionId && !p.PostCustody)) rows.Add(PromptRow(s, domain, rating, p, "prompt"));
            }
            foreach (var p in prompts.Where(p => p.StandardId == s.StandardId && p.PostCustody)) rows.Add(PromptRow(s, domain, rating, p, "post_custody_prompt"));
        }
        return new Table("Figures", FigureColumns, rows);
    }

    private static object?[] PromptRow(StandardRating s, string domain, string rating, PromptResult p, string level) =>
    [
        s.DomainId, domain, s.StandardId, s.Name, p.PromptId, p.Text, level, p.PostCustody ? null : p.KeyQuestionId,
        p.HasN ? p.N : null, p.HasK ? p.K : null, p.HasPct ? p.Pct : null, null, null, null, null, rating, false, null,
    ];

    public static Table SampleTable(AnnexeData data) => new("Sample", SampleColumns, data.Sample is not { } s ? [] :
    [
        [
            s.SampleId, s.SnapshotId, s.SnapshotVersion, s.PopulationSize, s.EligibleSize, s.Size?.N,
            s.Size?.Mode, s.Size?.Explanation, s.DrawnAt, s.AlgorithmVersion, s.Substitutions.Count,
        ],
    ]);

    public static Table Strata(AnnexeData data) => new("Strata", StratumColumns,
        (data.Sample?.Strata ?? []).Select(t => new object?[] { t.Key, t.Population, Math.Round(t.ProportionalShare, 4), t.QuotaFloor, t.Allocated, t.Active }).ToList());

    public static Table CompositionTable(AnnexeData data) => new("Composition", CompositionColumns,
        (data.Composition?.Attributes ?? []).SelectMany(a => a.Rows.Select(r => new object?[]
        {
            a.Attribute, r.Value, r.Population, Math.Round(r.PopulationShare, 4), r.Sample, Math.Round(r.SampleShare, 4), Math.Round(r.Expected, 2),
            a.FixedByAllocation, a.FixedByAllocation.Length > 0 ? null : Math.Round(a.CorrectedChiSquare, 4), a.DegreesOfFreedom,
            a.HasDesignPValue ? Math.Round(a.DesignPValue, 4) : null, a.DesignPValueMethod, a.Note,
        })).ToList());

    public static byte[] Xlsx(AnnexeData data) =>
        Spreadsheets.Xlsx(About(data), Key, Figures(data), SampleTable(data), Strata(data), CompositionTable(data));

    /// <summary>One table of the annexe as CSV: figures (the default), sample, strata or composition.</summary>
    public static byte[]? Csv(AnnexeData data, string? part) => part?.ToLowerInvariant() switch
    {
        null or "" or "figures" => Spreadsheets.Csv(Figures(data)),
        "sample" => Spreadsheets.Csv(SampleTable(data)),
        "strata" => Spreadsheets.Csv(Strata(data)),
        "composition" => Spreadsheets.Csv(CompositionTable(data)),
        _ => null,
    };
}
