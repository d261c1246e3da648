using InspectionFact = Inspection.Domain.Vocabularies.InspectionFact;
using Dates = Inspection.Domain.Dates;

namespace Inspection.Recommendations.Domain.Inspections;

/// <summary>One inspection of one provider under one framework, as the calendar holds it.</summary>
public sealed record ProviderInspection(
    Guid Id,
    Guid ProviderId,
    string ProviderName,
    string FrameworkId,
    InspectionStatus Status,
    DateOnly? FieldworkStart,
    DateOnly? FieldworkEnd,
    string LeadInspector,
    DateOnly? PublishedOn,
    DateOnly? ImprovementPlanDue,
    string PublishedBy,
    int RecommendationCount,
    long Version,
    string CreatedBy,
    DateTimeOffset CreatedAt)
{
    public bool IsPublished => Status == InspectionStatus.Published;

    /// <summary>When the provider's improvement plan was received; null while none is recorded.</summary>
    public DateOnly? ImprovementPlanReceivedOn { get; init; }

    public string ImprovementPlanRecordedBy { get; init; } = string.Empty;

    /// <summary>The published facts put right since publication, oldest first (read with the one inspection, not in lists).</summary>
    public IReadOnlyList<InspectionCorrection> Corrections { get; init; } = [];

    /// <summary>Overdue means overdue: published, the plan's due date before <paramref name="today"/>, and no plan received.</summary>
    public bool IsImprovementPlanOverdue(DateOnly today) =>
        IsPublished && ImprovementPlanReceivedOn is null && ImprovementPlanDue is { } due && due < today;

    /// <summary>
    /// Records the plan's receipt (again, to correct the date): only for a published inspection, on or after its
    /// publication and not after <paramref name="today"/>.
    /// </summary>
    public ProviderInspection RecordImprovementPlanReceipt(ImprovementPlanReceipt receipt, DateOnly today)
    {
        if (!IsPublished)
            throw new PreconditionFailedException($"Inspection {Identifier.Format(Id)} is not published: no improvement plan is due until it is.");
        if (receipt.ReceivedOn < PublishedOn)
            throw new ValidationException("received_on", $"{Dates.CalendarDate.ToText(receipt.ReceivedOn)} is before the publication on {Dates.CalendarDate.ToText(PublishedOn!.Value)}");
        Dates.NotInTheFuture.Ensure("received_on", "The date the improvement plan was received", receipt.ReceivedOn, today);
        return this with { ImprovementPlanReceivedOn = receipt.ReceivedOn, ImprovementPlanRecordedBy = receipt.RecordedBy };
    }

    /// <summary>Where the inspection stands in time: its fieldwork start, or its publication when fieldwork dates are not known.</summary>
    public DateOnly? CalendarDate => FieldworkStart ?? PublishedOn;

    public string Label => CalendarDate is { } date ? $"{ProviderName} ({Dates.CalendarDate.ToText(date)})" : ProviderName;

    /// <summary>
    /// Publication: the improvement plan falls due by the framework's rule. Publishing twice is refused, and so is a date
    /// that cannot have happened: after <paramref name="today"/> (in England) or before fieldwork ended.
    /// </summary>
    public ProviderInspection Publish(InspectionPublication publication, ImprovementPlanRule rule, DateOnly today)
    {
        if (IsPublished)
            throw new PreconditionFailedException($"Inspection {Identifier.Format(Id)} was already published on {Dates.CalendarDate.ToText(PublishedOn!.Value)}.");
        ValidationException.ThrowIfAny(PublicationDateRules.Check(publication.PublishedOn, FieldworkStart, FieldworkEnd, today));
        return this with
        {
            Status = InspectionStatus.Published,
            PublishedOn = publication.PublishedOn,
            ImprovementPlanDue = rule.DueDate(publication.PublishedOn),
            PublishedBy = publication.PublishedBy,
        };
    }

    /// <summary>
    /// Puts published facts right (issue 22): only a published inspection, each fact that differs from what was published,
    /// held to the same date rules as publishing; a corrected publication date moves the improvement plan's due date, and
    /// a plan already received cannot then predate the publication.
    /// </summary>
    public (ProviderInspection Corrected, IReadOnlyList<InspectionCorrection> Changes) Correct(
        PublishedFactsCorrection correction, ImprovementPlanRule rule, DateOnly today, DateTimeOffset now)
    {
        if (!IsPublished)
            throw new PreconditionFailedException(
                $"Inspection {Identifier.Format(Id)} is not published: its dates are set when it is created and published, not corrected.");
        var changes = new List<InspectionCorrection>();
        void Change(InspectionFact fact, DateOnly? was, DateOnly? given)
        {
            if (given is { } value && value != was) changes.Add(new InspectionCorrection(fact, was, value, correction.Reason, correction.CorrectedBy, now));
        }
        Change(InspectionFact.PublishedOn, PublishedOn, correction.PublishedOn);
        Change(InspectionFact.FieldworkStart, FieldworkStart, correction.FieldworkStart);
        Change(InspectionFact.FieldworkEnd, FieldworkEnd, correction.FieldworkEnd);
        if (changes.Count == 0)
            throw new ValidationException("published_on", "Nothing to correct: the dates given are the ones already published");

        var publishedOn = correction.PublishedOn ?? PublishedOn!.Value;
        var corrected = this with
        {
            PublishedOn = publishedOn,
            FieldworkStart = correction.FieldworkStart ?? FieldworkStart,
            FieldworkEnd = correction.FieldworkEnd ?? FieldworkEnd,
            ImprovementPlanDue = rule.DueDate(publishedOn),
            Corrections = [.. Corrections, .. changes],
        };
        var violations = PublicationDateRules.Check(publishedOn, corrected.FieldworkStart, corrected.FieldworkEnd, today).ToList();
        if (ImprovementPlanReceivedOn is { } received && received < publishedOn)
            violations.Add(new FieldViolation("published_on",
                $"The improvement plan was received on {Dates.DateInWords.Of(received)}, so the report was published on or before that day"));
        ValidationException.ThrowIfAny(violations);
        return (corrected, changes);
    }

    /// <summary>
    /// A change to a published inspection changes its report: it is taken only as a correction, with the reason why
    /// (FAILED_PRECONDITION naming correction_reason otherwise). The reason is kept only for such a correction, so an
    /// inspection not yet published gives "".
    /// </summary>
    /// <param name="change">What the change does to the report, e.g. "a progress judgement at it changes its published annex".</param>
    public string CorrectionReasonFor(string reason, string change)
    {
        if (!IsPublished) return "";
        if (reason.Length == 0)
            throw new PreconditionFailedException(
                $"Inspection {Identifier.Format(Id)} was published on {Dates.CalendarDate.ToText(PublishedOn!.Value)}: {change}, so it can be made only as a correction; " +
                "give correction_reason (why the published report changes).");
        return reason;
    }
}
