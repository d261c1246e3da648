using Inspection.Domain.Dates;
using Inspection.Contracts.Vocabularies;
using System.Globalization;
using Google.Protobuf.Reflection;
using V1 = Inspection.Evidence.V1;
using Inspection.Evidence.Domain.Summary;

namespace Inspection.Evidence.Grpc;

/// <summary>Maps the domain core's records to and from the contract's messages; no rules live here.</summary>
public static class EvidenceMessages
{
    public static string ToWire(this DateOnly date) => CalendarDate.ToText(date);

    public static string ToWire(this DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Proto3 strings are never null: empty means "not given".</summary>
    public static string? OrNull(this string value) => string.IsNullOrWhiteSpace(value) ? null : value;

    // ------------------------------------------------------------------ frameworks

    public static V1.ListOrganisationalStandardsResponse ToMessage(this OrganisationalFramework framework)
    {
        var response = new V1.ListOrganisationalStandardsResponse { FrameworkId = framework.Id };
        response.RatingWords.AddRange(framework.RatingWords);
        response.Standards.AddRange(framework.Standards.Select(ToMessage));
        return response;
    }

    public static V1.OrganisationalStandard ToMessage(this OrganisationalStandard standard)
    {
        var message = new V1.OrganisationalStandard { StandardId = standard.Id, Name = standard.Name, Statement = standard.Statement };
        message.KeyQuestions.AddRange(standard.KeyQuestions.Select(k => new V1.KeyQuestion { KeyQuestionId = k.Id, Text = k.Text }));
        message.EvidenceSubsections.AddRange(standard.EvidenceSubsections);
        return message;
    }

    // ------------------------------------------------------------------ evidence

    // Words are read under the product's one word rule (WireWords): an alias becomes the canonical word here, and the
    // domain refuses anything else, naming the allowed words, with the request's other problems.

    public static EvidenceInput ToInput(this V1.AddEvidenceRequest r) =>
        new(r.StandardId, r.KeyQuestionId.OrNull(), WireWords.EvidenceSources.Normalise(r.Source), r.EvidenceDate, r.Summary, WireWords.Findings.Normalise(r.Finding), r.CaseReferences.ToList(), r.RecordedBy, r.EvidenceSubsection.OrNull());

    public static EvidenceInput ToInput(this V1.UpdateEvidenceRequest r) =>
        new(r.StandardId, r.KeyQuestionId.OrNull(), WireWords.EvidenceSources.Normalise(r.Source), r.EvidenceDate, r.Summary, WireWords.Findings.Normalise(r.Finding), r.CaseReferences.ToList(), r.RecordedBy, r.EvidenceSubsection.OrNull());

    public static V1.EvidenceItem ToMessage(this EvidenceItem item)
    {
        var message = new V1.EvidenceItem
        {
            EvidenceId = item.EvidenceId.ToString(),
            InspectionId = item.InspectionId,
            StandardId = item.Content.StandardId,
            KeyQuestionId = item.Content.KeyQuestionId ?? "",
            Source = item.Content.Source,
            EvidenceDate = item.Content.EvidenceDate.ToWire(),
            Summary = item.Content.Summary,
            Finding = item.Content.Finding,
            RecordedBy = item.RecordedBy,
            Version = item.Version,
            Withdrawn = item.Withdrawn,
            WithdrawalReason = item.WithdrawalReason ?? "",
            RecordedAt = item.RecordedAt.ToWire(),
            EvidenceSubsection = item.Content.EvidenceSubsection ?? "",
        };
        message.CaseReferences.AddRange(item.Content.CaseReferences);
        return message;
    }

    // ------------------------------------------------------------------ staffing return

    /// <summary>The figures the request sets, by field name. The message's field names are the return's field names.</summary>
    public static IReadOnlyDictionary<string, double> ToFigures(this V1.StaffingFigures? figures)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (figures is null) return result;
        foreach (var field in V1.StaffingFigures.Descriptor.Fields.InDeclarationOrder())
            if (field.Accessor.HasValue(figures))
                result[field.Name] = (double)field.Accessor.GetValue(figures);
        return result;
    }

    public static V1.StaffingReturn ToMessage(this StaffingReturn staffing)
    {
        var figures = new V1.StaffingFigures();
        var byName = V1.StaffingFigures.Descriptor.Fields.InDeclarationOrder().ToDictionary(f => f.Name, StringComparer.Ordinal);
        var message = new V1.StaffingReturn
        {
            InspectionId = staffing.InspectionId,
            AsAt = staffing.AsAt.ToWire(),
            Figures = figures,
            RecordedBy = staffing.RecordedBy,
            RecordedAt = staffing.RecordedAt.ToWire(),
            Version = staffing.Version,
        };
        foreach (var figure in staffing.Figures)
        {
            if (byName.TryGetValue(figure.Field.Name, out var field)) field.Accessor.SetValue(figures, (double)figure.Value);
            message.FigureList.Add(new V1.StaffingFigure
            {
                Field = figure.Field.Name, Value = (double)figure.Value, Unit = figure.Field.Unit.Word(), Label = figure.Field.Label,
            });
        }
        return message;
    }

    /// <summary>The names of the contract's staffing fields, so a test can hold them to the domain's list.</summary>
    public static IEnumerable<string> StaffingFieldNames => V1.StaffingFigures.Descriptor.Fields.InDeclarationOrder().Select(f => f.Name);

    // ------------------------------------------------------------------ surveys

    public static V1.SurveyResult ToMessage(this SurveyResult result) => new()
    {
        SurveyResultId = result.SurveyResultId.ToString(),
        InspectionId = result.InspectionId,
        Survey = result.Survey,
        Question = result.Question,
        Respondents = result.Agreeing.Denominator,
        Agreeing = result.Agreeing.Numerator,
        PercentageAgreeing = (double)result.Agreeing.Exact,
        PercentageAgreeingRounded = result.Agreeing.Rounded,
        StandardId = result.StandardId ?? "",
        KeyQuestionId = result.KeyQuestionId ?? "",
        RecordedBy = result.RecordedBy,
        RecordedAt = result.RecordedAt.ToWire(),
    };

    // ------------------------------------------------------------------ characteristics

    public static V1.CaseCharacteristicsTable ToMessage(this CaseCharacteristicsTable table)
    {
        var message = new V1.CaseCharacteristicsTable
        {
            InspectionId = table.InspectionId,
            RecordedBy = table.RecordedBy,
            RecordedAt = table.RecordedAt.ToWire(),
            Version = table.Version,
        };
        message.Rows.AddRange(table.Rows.Select(r => new V1.CaseCharacteristic
        {
            Characteristic = r.Characteristic.Name,
            Value = (double)r.Value,
            Unit = r.Characteristic.Unit,
            Source = r.Source,
            Numerator = r.Fraction?.Numerator ?? 0,
            Denominator = r.Fraction?.Denominator ?? 0,
            Label = r.Characteristic.Label,
        }));
        return message;
    }

    // ------------------------------------------------------------------ judgements

    public static JudgementInput ToInput(this V1.RecordJudgementRequest r) =>
        new(r.StandardId, WireWords.Ratings.Normalise(r.Rating), r.Rationale.OrNull(), r.PanelDeparture, r.AgreedBy.OrNull(), WireWords.JudgementStates.Normalise(r.State), r.RecordedBy, r.RecordedByRole.OrNull(),
            r.HasExpectedVersion ? r.ExpectedVersion : null, r.CorrectionReason.OrNull());

    public static V1.Judgement ToMessage(this Judgement judgement) => new()
    {
        StandardId = judgement.StandardId,
        Rating = judgement.Rating,
        Rationale = judgement.Rationale ?? "",
        State = judgement.State,
        PanelDeparture = judgement.PanelDeparture,
        AgreedBy = judgement.AgreedBy ?? "",
        InspectionId = judgement.InspectionId,
        RecordedBy = judgement.RecordedBy,
        RecordedByRole = judgement.RecordedByRole ?? "",
        RecordedAt = judgement.RecordedAt.ToWire(),
        Version = judgement.Version,
        CorrectionReason = judgement.CorrectionReason ?? "",
    };

    // ------------------------------------------------------------------ summary

    public static V1.StandardSummary ToMessage(this StandardSummary summary)
    {
        var message = new V1.StandardSummary
        {
            InspectionId = summary.InspectionId,
            StandardId = summary.Standard.Id,
            StandardName = summary.Standard.Name,
            Statement = summary.Standard.Statement,
            Judgement = summary.Judgement?.ToMessage(),
            EvidenceCount = summary.EvidenceCount,
        };
        foreach (var group in summary.KeyQuestions)
        {
            var g = new V1.KeyQuestionEvidence { KeyQuestionId = group.KeyQuestion?.Id ?? "", Text = group.KeyQuestion?.Text ?? "" };
            g.Strengths.AddRange(group.Strengths.Select(ToMessage));
            g.AreasForImprovement.AddRange(group.AreasForImprovement.Select(ToMessage));
            message.KeyQuestions.Add(g);
        }
        message.CountsBySource.AddRange(summary.CountsBySource.Select(c => new V1.SourceCount { Source = c.Source, Count = c.Count }));
        message.Strengths.AddRange(summary.Strengths.Select(ToMessage));
        message.AreasForImprovement.AddRange(summary.AreasForImprovement.Select(ToMessage));
        return message;
    }
}
