using System.Globalization;
using System.Security.Cryptography;
using Google.Protobuf;
using Inspection.Contracts.Vocabularies;
using Inspection.Scoring.V1;
using D = Inspection.Scoring.Domain;
using DecisionRuleOutcome = Inspection.Scoring.Domain.Ratings.DecisionRuleOutcome;
using PublishedFigureInput = Inspection.Scoring.Domain.Ratings.PublishedFigureInput;
using PublishedRatingInput = Inspection.Scoring.Domain.Ratings.PublishedRatingInput;
using PublishedResultsInput = Inspection.Scoring.Domain.Ratings.PublishedResultsInput;
using ResultSource = Inspection.Scoring.Domain.Ratings.ResultSource;
using RuleStatus = Inspection.Scoring.Domain.Ratings.RuleStatus;
using StandardResult = Inspection.Scoring.Domain.Ratings.StandardResult;

namespace Inspection.Scoring.Grpc;

/// <summary>Domain results to contract messages: words as the framework spells them, optional fields left unset where
/// a figure is not known.</summary>
public static class ScoringMessages
{
    /// <summary>
    /// The request ledger's key of a write request: its request id (optional, as it always was here), the request
    /// message's name, and the fingerprint the service has always computed: SHA-256 (lower-case hex) of the request's
    /// protobuf bytes with request_id left out, so requests recorded before the ledger keep matching.
    /// </summary>
    public static Inspection.Data.RequestKey? LedgerKey(this IMessage request)
    {
        var requestId = request.Descriptor.FindFieldByName("request_id")
            ?? throw new InvalidOperationException($"{request.Descriptor.Name} has no request_id");
        var copy = request.Descriptor.Parser.ParseFrom(request.ToByteArray());
        requestId.Accessor.Clear(copy);
        return RequestIds.Optional((string)requestId.Accessor.GetValue(request), request.Descriptor.Name,
            Convert.ToHexStringLower(SHA256.HashData(copy.ToByteArray())));
    }

    public static FrameworkSummary ToSummary(D.Frameworks.Framework f) => new()
    {
        FrameworkId = f.Id,
        Name = f.Name,
        ProviderType = f.ProviderType ?? "",
        Years = f.Years ?? "",
        Version = f.Version,
        SupportsCaseAssessments = f.SupportsCaseAssessments,
    };

    public static Framework ToMessage(D.Frameworks.Framework f)
    {
        var message = new Framework
        {
            FrameworkId = f.Id,
            Name = f.Name,
            ProviderType = f.ProviderType ?? "",
            Years = f.Years ?? "",
            Version = f.Version,
            SupportsCaseAssessments = f.SupportsCaseAssessments,
        };
        message.RatingWords.AddRange(f.RatingWords);
        message.Section4Scale.AddRange(f.OmiScoring?.Section4Scale ?? []);
        foreach (var band in f.QuestionBands)
        {
            var b = new RatingBand { Rating = band.Rating, MinPct = band.MinPct };
            if (band.MaxPctExclusive is { } max) b.MaxPctExclusive = max;
            message.QuestionBands.Add(b);
        }
        if (f.Overall is { } overall)
        {
            var rule = new OverallRule { MaxPointsPerStandard = overall.MaxPointsPerStandard };
            foreach (var (word, points) in overall.Points) rule.Points[word] = points;
            rule.Bands.AddRange(overall.Bands.Select(b => new OverallBand { Rating = b.Rating, MaxFractionInclusive = b.MaxFractionInclusive.ToString() }));
            message.Overall = rule;
        }
        foreach (var domain in f.Domains)
        {
            var d = new FrameworkDomain { DomainId = domain.Id, Name = domain.Name };
            d.Standards.AddRange(domain.Standards.Select(ToMessage));
            message.Domains.Add(d);
        }
        return message;
    }

    private static Standard ToMessage(D.Frameworks.Standard s)
    {
        var message = new Standard
        {
            StandardId = s.Id,
            Name = s.Name,
            Statement = s.Statement ?? "",
            Rated = s.Rated,
            RatingMethod = MethodWord(s.Method),
            Optional = s.Optional,
            NotApplicableRatingWord = s.NotApplicableRatingWord ?? "",
            CaseStandard = s.IsCaseStandard,
        };
        foreach (var kq in s.KeyQuestions)
        {
            var k = new KeyQuestion { QuestionId = kq.Id, Text = kq.Text, RelevantSubsampleOnly = kq.RelevantSubsampleOnly, CaseAttribute = kq.CaseAttribute ?? "" };
            k.Prompts.AddRange(kq.Prompts.Select(ToMessage));
            message.KeyQuestions.Add(k);
        }
        message.PostCustodyPrompts.AddRange(s.PostCustodyPrompts.Select(ToMessage));
        foreach (var rule in s.DecisionRules)
        {
            var r = new DecisionRule { Type = rule.Type, Kind = KindWord(rule.Kind), AppliesWhen = rule.AppliesWhen, Effect = rule.Effect };
            r.Ratings.AddRange(rule.Ratings);
            message.DecisionRules.Add(r);
        }
        return message;
    }

    private static Prompt ToMessage(D.Frameworks.Prompt p) => new()
    {
        PromptId = p.Id,
        Text = p.Text,
        Marker = p.Marker,
        NotInUnpaidWorkOnly = p.NotInUnpaidWorkOnly,
        NotEveryCase = p.NotEveryCase,
        PostCustodyOnly = p.PostCustodyOnly,
    };

    public static CaseAssessment ToMessage(StandingAssessment standing, D.Frameworks.Framework framework)
    {
        var message = ToMessage(standing.Assessment, framework);
        message.SetAside = standing.Standing.SetAside;
        message.SetAsideReason = standing.Standing.Reason;
        message.SetAsideAt = standing.Standing.Since is { } since ? Instant(since) : "";
        return message;
    }

    public static CaseAssessment ToMessage(StoredCaseAssessment a, D.Frameworks.Framework framework)
    {
        var message = new CaseAssessment
        {
            InspectionId = a.InspectionId,
            CaseReference = a.CaseReference,
            StaffGrade = a.StaffGrade,
            AssessedBy = a.AssessedBy,
            Version = a.Version,
            RecordedAt = Instant(a.RecordedAt),
            FrameworkId = framework.Id,
            FrameworkVersion = framework.Version,
            Complete = a.IsComplete,
            QuestionsApplicable = a.QuestionsApplicable ?? 0,
            QuestionsUnanswered = a.QuestionsUnanswered ?? a.QuestionsApplicable ?? 0,
            SampleId = a.SampleId,
        };
        message.Answers.AddRange(a.Answers.Select(x => new Answer { QuestionId = x.QuestionId, Answer_ = D.Assessments.AnswerWords.ToWord(x.Answer), Note = x.Note }));
        message.ModerationFlags.AddRange(a.Flags.Select(ToMessage));
        return message;
    }

    public static ModerationFlag ToMessage(D.Assessments.ModerationFlag f) => new()
    {
        CaseReference = f.CaseReference,
        KeyQuestionId = f.KeyQuestionId,
        Kind = f.Kind,
        Description = f.Description,
    };

    /// <summary>A flag with its resolution, if one stands.</summary>
    public static ModerationFlag ToMessage(D.Assessments.ModeratedFlag m)
    {
        var message = ToMessage(m.Flag);
        if (m.Resolution is { } r)
        {
            message.Resolved = true;
            message.Resolution = r.Resolution.Word();
            message.ResolutionNote = r.Note;
            message.ResolvedBy = r.ResolvedBy;
            message.ResolvedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(r.ResolvedAt);
        }
        return message;
    }

    public static PanelDeparture ToMessage(D.Ratings.PanelDeparture d, string inspectionId) => new()
    {
        InspectionId = inspectionId,
        StandardId = d.StandardId,
        Rating = d.Rating,
        Rationale = d.Rationale,
        AgreedBy = d.AgreedBy,
        RecordedAt = Instant(d.RecordedAt),
    };

    public static PublishedResults ToMessage(StoredPublishedResults stored, D.Frameworks.Framework framework)
    {
        var r = stored.Results;
        var message = new PublishedResults
        {
            InspectionId = stored.InspectionId,
            FrameworkId = framework.Id,
            FrameworkVersion = framework.Version,
            Source = stored.Source,
            RecordedBy = stored.RecordedBy,
            RecordedAt = Instant(stored.RecordedAt),
        };
        message.KeyQuestions.AddRange(r.KeyQuestions.Select(f => ToMessage(f.Key, f.Value)));
        message.Prompts.AddRange(r.Prompts.Select(f => ToMessage(f.Key, f.Value)));
        message.Ratings.AddRange(r.Ratings.Values.Select(x => new V1.PublishedRating { StandardId = x.StandardId, Rating = x.Rating, Note = x.Note }));
        message.Criteria.AddRange(r.CriterionPcts.Select(c => new PublishedCriterion { CriterionId = c.Key, Pct = c.Value }));
        message.Section4Grades.AddRange(r.Section4Grades.Select(g => new PublishedGrade { CriterionId = g.Key, Grade = g.Value }));
        if (r.RiskOfHarmThreadPct is { } thread) message.RiskOfHarmThreadPct = thread;
        return message;
    }

    private static V1.PublishedFigure ToMessage(string questionId, D.Ratings.PublishedFigure f)
    {
        var message = new V1.PublishedFigure { QuestionId = questionId, Pct = f.Pct };
        if (f.Applicable is { } n) message.N = n;
        if (f.Yes is { } k) message.K = k;
        return message;
    }

    public static PublishedResultsInput ToInput(RecordPublishedResultsRequest request) => new(
        request.KeyQuestions.Select(ToInput).ToList(),
        request.Prompts.Select(ToInput).ToList(),
        request.Ratings.Select(r => new PublishedRatingInput(r.StandardId, WireWords.Ratings.Normalise(r.Rating) ?? "", r.Note)).ToList(),
        request.Criteria.Select(c => (c.CriterionId, c.Pct)).ToList(),
        request.Section4Grades.Select(g => (g.CriterionId, g.Grade)).ToList(),
        request.HasRiskOfHarmThreadPct ? request.RiskOfHarmThreadPct : null);

    private static PublishedFigureInput ToInput(V1.PublishedFigure f) =>
        new(f.QuestionId, f.Pct, f.HasN ? f.N : null, f.HasK ? f.K : null);

    public static V1.Correction ToMessage(Data.Correction c) => new()
    {
        Kind = c.Kind, Subject = c.Subject, Reason = c.Reason, RecordedBy = c.RecordedBy, RecordedAt = Instant(c.RecordedAt),
    };

    public static InspectionRatings ToMessage(RatedInspection rated)
    {
        var ratings = rated.Ratings;
        var message = new InspectionRatings
        {
            InspectionId = rated.InspectionId,
            FrameworkId = ratings.FrameworkId,
            FrameworkVersion = ratings.FrameworkVersion,
            Source = SourceWord(ratings.Source),
            CanPublish = ratings.CanPublish,
            CasesAssessed = rated.CasesAssessed,
            CasesInSample = rated.CasesInSample,
            CasesComplete = rated.CasesComplete,
            CasesInProgress = rated.CasesInProgress,
            CasesSetAside = rated.CasesSetAside,
        };
        message.Corrections.AddRange((rated.Corrections ?? []).Select(ToMessage));
        message.Blockers.AddRange(ratings.Blockers);
        message.Standards.AddRange(ratings.Standards.Select(s => ToMessage(s, rated.InspectionId)));
        if (ratings.Overall is { } overall)
        {
            message.Overall = new OverallScore
            {
                Score = overall.Score,
                MaxScore = overall.MaxScore,
                ScoredStandards = overall.ScoredStandards,
                RatedStandards = overall.RatedStandards,
                Rating = overall.Rating ?? "",
                Fraction = overall.Fraction?.ToString() ?? "",
            };
        }
        if (ratings.Omi is { } omi)
        {
            var o = new OmiResults();
            o.Criteria.AddRange(omi.Criteria.Select(c => new OmiCriterion { CriterionId = c.CriterionId, Name = c.Name, SectionId = c.SectionId, Pct = c.Pct }));
            o.Sections.AddRange(omi.Sections.Select(s => new OmiSection { SectionId = s.SectionId, Name = s.Name, Pct = s.Pct, Criteria = s.Criteria }));
            o.Section4Grades.AddRange(omi.Section4Grades.Select(g => new OmiGrade { CriterionId = g.CriterionId, Name = g.Name, Grade = g.Grade }));
            if (omi.RiskOfHarmThreadPct is { } thread) o.RiskOfHarmThreadPct = thread;
            message.Omi = o;
        }
        return message;
    }

    private static StandardRating ToMessage(StandardResult s, string inspectionId)
    {
        var message = new StandardRating
        {
            StandardId = s.Standard.Id,
            Name = s.Standard.Name,
            DomainId = s.Standard.DomainId,
            Rated = s.Standard.Rated,
            RatingMethod = MethodWord(s.Standard.Method),
            Applicable = s.Applicable,
            ComputedRating = s.ComputedRating ?? "",
            Borderline = s.Borderline,
            NextBand = s.NextBand ?? "",
            FinalRating = s.FinalRating ?? "",
            RatedForPublication = s.RatedForPublication,
            PublishedNote = s.Published?.Note ?? "",
            BorderlineReason = s.BorderlineReason ?? "",
            DesignBorderline = s.DesignBorderline,
            DesignBorderlineReason = s.DesignBorderlineReason ?? "",
        };
        if (s.YesNeededForNextBand is { } needed) message.YesNeededForNextBand = needed;
        if (s.Departure is { } departure) message.PanelDeparture = ToMessage(departure, inspectionId);
        if (s.Judgement is { } j)
            message.Judgement = new InspectorJudgement { Rating = j.Rating, Rationale = j.Rationale, State = j.State, PanelDeparture = j.PanelDeparture, AgreedBy = j.AgreedBy };
        message.KeyQuestions.AddRange(s.KeyQuestions.Select(ToMessage));
        message.DecisionRules.AddRange(s.Rules.Select(ToMessage));
        return message;
    }

    private static KeyQuestionResult ToMessage(D.Ratings.KeyQuestionResult k)
    {
        var message = new KeyQuestionResult
        {
            QuestionId = k.QuestionId,
            Text = k.Text,
            Band = k.Band ?? "",
            Borderline = k.Borderline,
            NextBand = k.NextBand ?? "",
        };
        if (k.Count is { } count)
        {
            message.K = count.Yes;
            message.N = count.Applicable;
        }
        if (k.RoundedPct is { } pct) message.Pct = pct;
        if (k.ExactPct is { } exact) message.ExactPct = exact;
        if (k.Interval is { } interval)
        {
            message.CiLowerPct = interval.LowerPct;
            message.CiUpperPct = interval.UpperPct;
        }
        if (k.Design is { } design)
        {
            message.DesignCiLowerPct = design.LowerPct;
            message.DesignCiUpperPct = design.UpperPct;
            message.IntervalMethod = design.Method.Word();
            message.MarginOfErrorPct = design.MarginPct;
            if (design.Caseload is { } caseload)
            {
                message.CaseloadEstimatePct = caseload.Pct;
                message.CaseloadCiLowerPct = caseload.LowerPct;
                message.CaseloadCiUpperPct = caseload.UpperPct;
            }
        }
        message.DesignBorderline = k.DesignBorderline;
        if (k.YesNeededForNextBand is { } needed) message.YesNeededForNextBand = needed;
        return message;
    }

    private static RuleOutcome ToMessage(DecisionRuleOutcome o)
    {
        var message = new RuleOutcome
        {
            Type = o.Rule.Type,
            Kind = KindWord(o.Rule.Kind),
            AppliesWhen = o.Rule.AppliesWhen,
            Effect = o.Rule.Effect,
            Status = o.Status switch
            {
                RuleStatus.InForce => "in_force",
                RuleStatus.NotInForce => "not_in_force",
                _ => "undetermined",
            },
            Breach = o.Breach,
            Explanation = o.Explanation,
        };
        message.Ratings.AddRange(o.Ratings);
        if (o.Complies is { } complies) message.Complies = complies;
        return message;
    }

    public static Breakdown ToMessage(D.Breakdowns.Breakdown b, string inspectionId)
    {
        var message = new Breakdown
        {
            InspectionId = inspectionId,
            Attribute = b.Attribute,
            Comparisons = b.Comparisons,
            AdjustmentMethod = b.AdjustmentMethod.Word(),
        };
        foreach (var row in b.Rows)
        {
            var r = new BreakdownRow
            {
                QuestionId = row.QuestionId,
                Value = row.Value,
                K = row.Group.Yes,
                N = row.Group.Applicable,
                Pct = row.Group.RoundedPct ?? 0,
                RestK = row.Rest.Yes,
                RestN = row.Rest.Applicable,
                FisherP = row.FisherP,
                SmallGroup = row.SmallGroup,
                Significant = row.Significant,
                SignificantAfterAdjustment = row.SignificantAfterAdjustment,
                SameTestAs = row.SameTestAs ?? "",
            };
            if (row.Rest.RoundedPct is { } restPct) r.RestPct = restPct;
            if (row.RelativeRateIndex is { } rri) r.RelativeRateIndex = rri;
            if (row.RateInterval is { } interval) (r.RelativeRateIndexLower, r.RelativeRateIndexUpper) = (interval.Lower, interval.Upper);
            if (row.AdjustedP is { } adjusted) r.AdjustedP = adjusted;
            message.Rows.Add(r);
        }
        return message;
    }

    public static PromptResults ToMessage(IReadOnlyList<D.Breakdowns.PromptResult> prompts, ResultSource source, string inspectionId)
    {
        var message = new PromptResults { InspectionId = inspectionId, Source = SourceWord(source) };
        foreach (var p in prompts)
        {
            var r = new PromptResult
            {
                PromptId = p.PromptId,
                Text = p.Text,
                StandardId = p.StandardId,
                KeyQuestionId = p.KeyQuestionId ?? "",
                Marker = p.Marker,
                PostCustody = p.PostCustody,
            };
            if (p.Count is { } count)
            {
                r.K = count.Yes;
                r.N = count.Applicable;
            }
            if (p.RoundedPct is { } pct) r.Pct = pct;
            message.Prompts.Add(r);
        }
        return message;
    }

    public static NationalRollup ToMessage(D.Rollup.NationalRollup rollup)
    {
        var message = new NationalRollup { FrameworkId = rollup.FrameworkId, Inspections = rollup.Inspections };
        foreach (var k in rollup.KeyQuestions)
        {
            var r = new RollupKeyQuestion { QuestionId = k.QuestionId, StandardId = k.StandardId, K = k.Yes, N = k.Applicable };
            if (k.Pct is { } pct) r.Pct = pct;
            message.KeyQuestions.Add(r);
        }
        foreach (var s in rollup.Standards)
        {
            var r = new RollupStandard { StandardId = s.StandardId, Name = s.Name };
            r.RatingCounts.AddRange(s.RatingCounts.Select(c => new RatingCount { Rating = c.Key, Inspections = c.Value }));
            message.Standards.Add(r);
        }
        return message;
    }

    public static string SourceWord(ResultSource source) => source == ResultSource.Published ? "published" : "case_assessments";

    private static string MethodWord(D.Frameworks.RatingMethod method) => method switch
    {
        D.Frameworks.RatingMethod.LowestKeyQuestion => "lowest_key_question",
        D.Frameworks.RatingMethod.InspectorJudgement => "inspector_judgement",
        D.Frameworks.RatingMethod.Average8020 => "average_80_20",
        D.Frameworks.RatingMethod.FourPoint => "four_point",
        _ => "",
    };

    private static string KindWord(D.Frameworks.DecisionRuleKind kind) => kind switch
    {
        D.Frameworks.DecisionRuleKind.Cap => "cap",
        D.Frameworks.DecisionRuleKind.Default => "default",
        _ => "informational",
    };

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
