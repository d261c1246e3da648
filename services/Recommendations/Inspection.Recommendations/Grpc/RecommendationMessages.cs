using Google.Protobuf.WellKnownTypes;
using Inspection.Contracts.Vocabularies;

using V1 = Inspection.Recommendations.V1;

namespace Inspection.Recommendations.Grpc;

/// <summary>
/// The domain's answers as contract messages: ids as UUID strings, dates as yyyy-MM-dd, words as the scale spells them.
/// What is overdue is judged against <c>today</c>, which the caller reads from the host's clock.
/// </summary>
public static class RecommendationMessages
{
    // Dates as CalendarDate writes them; a date not known travels as "".
    private static string Date(DateOnly? date) => date is { } day ? CalendarDate.ToText(day) : string.Empty;

    public static V1.Provider ToMessage(this Provider provider)
    {
        var message = new V1.Provider
        {
            ProviderId = Identifier.Format(provider.Id),
            Name = provider.Name,
            Type = provider.Type.Word,
            Region = provider.Region,
            ActiveFrom = Date(provider.ActiveFrom),
            ActiveTo = Date(provider.ActiveTo),
            Version = provider.Version,
            CreatedBy = provider.CreatedBy,
            CreatedAt = Timestamp.FromDateTimeOffset(provider.CreatedAt),
        };
        if (provider.Retired is { } retired)
        {
            message.Retired = true;
            message.RetiredReason = retired.Reason;
            message.RetiredBy = retired.By;
            message.RetiredAt = Timestamp.FromDateTimeOffset(retired.At);
        }
        return message;
    }

    public static V1.Lineage ToMessage(this LineageView lineage)
    {
        var message = new V1.Lineage { Provider = lineage.Provider.ToMessage() };
        message.Ancestors.AddRange(lineage.Ancestors.Select(ToMessage));
        message.Successors.AddRange(lineage.Successors.Select(ToMessage));
        return message;
    }

    private static V1.LineageLink ToMessage(LineageEntry entry) => new()
    {
        Provider = entry.Provider.ToMessage(),
        PredecessorProviderId = Identifier.Format(entry.Step.Link.PredecessorId),
        SuccessorProviderId = Identifier.Format(entry.Step.Link.SuccessorId),
        EffectiveOn = Date(entry.Step.Link.EffectiveOn),
        Note = entry.Step.Link.Note,
        PartNote = entry.Step.Link.PartNote,
        Generation = entry.Step.Generation,
        RestructureId = Identifier.Format(entry.Step.Link.RestructureId),
        RecordedBy = entry.Step.Link.RecordedBy,
    };

    public static V1.ListProvidersResponse ToMessage(this Page<Provider> page)
    {
        var message = new V1.ListProvidersResponse { NextPageToken = page.NextPageToken, Total = page.Total };
        message.Providers.AddRange(page.Items.Select(p => p.ToMessage()));
        return message;
    }

    /// <param name="today">For the overdue flag.</param>
    public static V1.Inspection ToMessage(this ProviderInspection inspection, DateOnly today) => new()
    {
        InspectionId = Identifier.Format(inspection.Id),
        ProviderId = Identifier.Format(inspection.ProviderId),
        FrameworkId = inspection.FrameworkId,
        Status = inspection.Status.Word,
        ProviderName = inspection.ProviderName,
        FieldworkStart = Date(inspection.FieldworkStart),
        FieldworkEnd = Date(inspection.FieldworkEnd),
        LeadInspector = inspection.LeadInspector,
        PublishedOn = Date(inspection.PublishedOn),
        ImprovementPlanDue = Date(inspection.ImprovementPlanDue),
        RecommendationCount = inspection.RecommendationCount,
        Version = inspection.Version,
        CreatedBy = inspection.CreatedBy,
        CreatedAt = Timestamp.FromDateTimeOffset(inspection.CreatedAt),
        PublishedBy = inspection.PublishedBy,
        ImprovementPlanReceivedOn = Date(inspection.ImprovementPlanReceivedOn),
        ImprovementPlanRecordedBy = inspection.ImprovementPlanRecordedBy,
        ImprovementPlanOverdue = inspection.IsImprovementPlanOverdue(today),
        Corrections = { inspection.Corrections.Select(c => c.ToMessage()) },
    };

    public static V1.InspectionCorrection ToMessage(this InspectionCorrection correction) => new()
    {
        Fact = WireWords.InspectionFacts.WordFor(correction.Fact),
        PreviousValue = Date(correction.Previous),
        CorrectedValue = Date(correction.Corrected),
        Reason = correction.Reason,
        CorrectedBy = correction.CorrectedBy,
        CorrectedAt = Timestamp.FromDateTimeOffset(correction.CorrectedAt),
    };

    public static V1.ListInspectionsResponse ToMessage(this Page<ProviderInspection> page, DateOnly today)
    {
        var message = new V1.ListInspectionsResponse { NextPageToken = page.NextPageToken, Total = page.Total };
        message.Inspections.AddRange(page.Items.Select(i => i.ToMessage(today)));
        return message;
    }

    public static V1.AddRecommendationsResponse ToMessage(this AddedRecommendations added, ProgressScale scale, DateOnly today)
    {
        var message = new V1.AddRecommendationsResponse { Inspection = added.Inspection.ToMessage(today) };
        message.Recommendations.AddRange(added.Recommendations.Select(r => r.ToMessage(scale, withHistory: false, today)));
        return message;
    }

    public static V1.ListRecommendationsResponse ToMessage(this Page<RecommendationProgress> page, ProgressScale scale, DateOnly today)
    {
        var message = new V1.ListRecommendationsResponse { NextPageToken = page.NextPageToken, Total = page.Total };
        message.Recommendations.AddRange(page.Items.Select(r => r.ToMessage(scale, withHistory: false, today)));
        return message;
    }

    public static V1.RecordProgressJudgementResponse ToMessage(this RecordedJudgement recorded, ProgressScale scale, DateOnly today) => new()
    {
        Judgement = recorded.Judgement.ToMessage(),
        Recommendation = recorded.Recommendation.ToMessage(scale, withHistory: true, today),
    };

    /// <param name="withHistory">Every judgement as well as the latest (GetRecommendation); lists carry the latest only.</param>
    public static V1.Recommendation ToMessage(this RecommendationProgress progress, ProgressScale scale, bool withHistory, DateOnly today)
    {
        var recommendation = progress.Recommendation;
        var open = progress.IsOpen(scale);
        var message = new V1.Recommendation
        {
            RecommendationId = Identifier.Format(recommendation.Id),
            InspectionId = Identifier.Format(recommendation.InspectionId),
            ProviderId = Identifier.Format(recommendation.InspectedProviderId),
            Number = recommendation.Number,
            AddresseeGroup = recommendation.AddresseeGroup.Word,
            AddresseeProviderId = Identifier.Format(recommendation.AddresseeProviderId),
            AddresseeName = recommendation.AddresseeName,
            Text = recommendation.Text,
            LatestJudgement = progress.Latest?.ToMessage(),
            Open = open,
            Version = recommendation.Version,
            InspectionPublishedOn = Date(recommendation.InspectionPublishedOn),
            ImprovementPlanDue = Date(recommendation.ImprovementPlanDue),
            RecordedBy = recommendation.RecordedBy,
            RecordedAt = Timestamp.FromDateTimeOffset(recommendation.RecordedAt),
            ImprovementPlanReceivedOn = Date(recommendation.ImprovementPlanReceivedOn),
            ImprovementPlanOverdue = open && recommendation.ImprovementPlanReceivedOn is null
                                     && recommendation.ImprovementPlanDue is { } due && due < today,
            CorrectionReason = recommendation.CorrectionReason,
            Priority = recommendation.Priority,
        };
        if (withHistory) message.History.AddRange(progress.History.Select(j => j.ToMessage()));
        return message;
    }

    public static V1.ProgressJudgement ToMessage(this ProgressJudgement judgement) => new()
    {
        JudgementId = Identifier.Format(judgement.Id),
        RecommendationId = Identifier.Format(judgement.RecommendationId),
        InspectionId = Identifier.Format(judgement.InspectionId),
        InspectionProviderId = Identifier.Format(judgement.InspectionProviderId),
        Judgement = judgement.Judgement,
        Findings = judgement.Findings,
        RepeatedFromPreviousInspection = judgement.RepeatedFromPreviousInspection,
        Revision = judgement.Revision,
        RecordedBy = judgement.RecordedBy,
        RecordedAt = Timestamp.FromDateTimeOffset(judgement.RecordedAt),
        CorrectionReason = judgement.CorrectionReason,
    };

    public static V1.ListDueForJudgementResponse ToMessage(this DueList due, DateOnly today)
    {
        var message = new V1.ListDueForJudgementResponse { Inspection = due.Inspection.ToMessage(today) };
        message.ProgressScale.AddRange(due.Scale.Words);
        message.Recommendations.AddRange(due.Recommendations.Select(d => new V1.DueRecommendation
        {
            Recommendation = d.Progress.ToMessage(due.Scale, withHistory: false, today),
            PreviousJudgement = d.PreviousJudgement?.ToMessage(),
            JudgementAtThisInspection = d.JudgementAtThisInspection?.ToMessage(),
            ReachedThrough = d.ReachedThrough == ReachedThrough.Self ? "self" : "predecessor",
        }));
        return message;
    }

    public static V1.GetProgressSummaryResponse ToMessage(this ProgressSummary summary)
    {
        var message = new V1.GetProgressSummaryResponse { Total = summary.Total.ToMessage() };
        message.ProgressScale.AddRange(summary.Scale);
        message.Rows.AddRange(summary.Rows.Select(r => r.ToMessage()));
        return message;
    }

    private static V1.ProgressSummaryRow ToMessage(this ProgressSummaryRow row)
    {
        var message = new V1.ProgressSummaryRow { Key = row.Key, Label = row.Label, Total = row.Total };
        message.Counts.AddRange(row.Counts.Select(c => new V1.JudgementCount { Judgement = c.Judgement, Count = c.Count }));
        return message;
    }

    public static V1.ChangeEvent ToMessage(this RecommendationChange change) => new()
    {
        Sequence = change.Sequence,
        Type = change.Type,
        OccurredAt = Timestamp.FromDateTimeOffset(change.OccurredAt),
        InspectionId = Identifier.Format(change.InspectionId),
        ProviderId = Identifier.Format(change.ProviderId),
        RecommendationId = change.RecommendationId is { } r ? Identifier.Format(r) : string.Empty,
        JudgementId = change.JudgementId is { } j ? Identifier.Format(j) : string.Empty,
        Judgement = change.Judgement,
        PublishedOn = Date(change.PublishedOn),
        ImprovementPlanDue = Date(change.ImprovementPlanDue),
        RecordedBy = change.RecordedBy,
    };
}
