using Inspection.Contracts.Vocabularies;
using Inspection.Scoring.Domain.Comparisons;
using Inspection.Scoring.V1;

namespace Inspection.Scoring.Grpc;

/// <summary>CompareKeyQuestions' answer on the wire (issue 23), apart from ScoringMessages so each change stays small.</summary>
public static class ComparisonMessages
{
    public static CompareKeyQuestionsResponse ToMessage(this ComparedInspections compared)
    {
        var response = new CompareKeyQuestionsResponse
        {
            EarlierInspectionId = compared.EarlierInspectionId,
            EarlierFrameworkId = compared.EarlierFramework.Id,
            LaterInspectionId = compared.LaterInspectionId,
            LaterFrameworkId = compared.LaterFramework.Id,
        };
        foreach (var change in compared.Changes)
        {
            var message = new MeasuredChange
            {
                QuestionId = change.EarlierQuestionId,
                Text = change.EarlierText,
                Corresponds = change.Correspondence.Corresponds,
                LaterQuestionId = change.Correspondence.LaterQuestionId ?? "",
                LaterText = change.Correspondence.LaterQuestionId is { } later ? compared.LaterFramework.FindKeyQuestion(later)?.Text ?? "" : "",
                Mapping = change.Correspondence.Mapping ?? "",
                CorrespondenceReason = change.Correspondence.Why ?? "",
                Earlier = change.Earlier?.ToMessage(),
                Later = change.Later?.ToMessage(),
            };
            if (change.DifferencePct is { } difference)
            {
                message.DifferencePct = difference.Difference;
                message.DifferenceLowerPct = difference.Lower;
                message.DifferenceUpperPct = difference.Upper;
                if (compared.Judgement is { } judgement && JudgementAgreement.Disagreement(judgement, difference) is { } why)
                {
                    message.DisagreesWithJudgement = true;
                    message.Disagreement = why;
                }
            }
            response.Changes.Add(message);
        }
        return response;
    }

    private static KeyQuestionMeasure ToMessage(this MeasuredKeyQuestion measured) => new()
    {
        K = measured.Yes,
        N = measured.Applicable,
        Pct = measured.Pct,
        CiLowerPct = measured.LowerPct,
        CiUpperPct = measured.UpperPct,
        IntervalMethod = WireWords.IntervalMethods.WordFor(measured.Method),
    };
}
