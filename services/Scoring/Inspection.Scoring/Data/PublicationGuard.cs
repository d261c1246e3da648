namespace Inspection.Scoring.Data;

/// <summary>
/// What a write must respect once the inspection is published (recommendation tracking says whether it is): the
/// published record changes only as a correction with a reason, stored in the write's own transaction so the
/// report can show the inspection as amended. Checked after a replayed request id, so a retry of a write made before
/// publication still returns its first result.
/// </summary>
public sealed record PublicationGuard(string InspectionId, bool Published, string PublishedOn, Correction? Correction)
{
    public const int MaxReasonLength = 2000;

    /// <summary>For an inspection that is not published: nothing to respect, nothing to record.</summary>
    public static PublicationGuard Unpublished(string inspectionId) => new(inspectionId, false, "", null);

    /// <summary>Refuses (FAILED_PRECONDITION) a change to a published inspection that is not a correction.</summary>
    public void RequireCorrection(string what)
    {
        if (Published && Correction is null)
            throw new PreconditionFailedException(
                $"inspection {InspectionId} was published{(PublishedOn.Length > 0 ? " on " + PublishedOn : "")}: {what} can change only as a correction; give correction_reason (why the published report changes)");
    }

    /// <summary>Validates the reason (trimmed; empty means none given) and builds the guard for this write.</summary>
    public static PublicationGuard For(
        string inspectionId, bool published, string publishedOn, string? reason, string kind, string subject, string recordedBy, DateTimeOffset at)
    {
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length > MaxReasonLength)
            throw new ValidationException("correction_reason", $"a correction reason is at most {MaxReasonLength} characters");
        return new PublicationGuard(inspectionId, published, publishedOn,
            published && trimmed.Length > 0 ? new Correction(kind, subject, trimmed, recordedBy, at) : null);
    }
}

/// <summary>A change made to a published inspection's ratings, with why and by whom.</summary>
public sealed record Correction(string Kind, string Subject, string Reason, string RecordedBy, DateTimeOffset RecordedAt)
{
    public const string CaseAssessment = "case_assessment";
    public const string PanelDeparture = "panel_departure";
    public const string PublishedResults = "published_results";
    public const string PublishedFigures = "published_figures";
}
