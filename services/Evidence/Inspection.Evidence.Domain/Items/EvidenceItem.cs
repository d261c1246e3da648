namespace Inspection.Evidence.Domain.Items;

/// <summary>
/// One version of a piece of evidence. Every change makes a new version; a withdrawal is the last version
/// and is kept, so the history shows what the inspectors relied on and when they stopped relying on it.
/// AddedAt (when version 1 was recorded) keeps the report order stable across revisions.
/// </summary>
public sealed record EvidenceItem(
    Guid EvidenceId,
    string InspectionId,
    EvidenceContent Content,
    long Version,
    bool Withdrawn,
    string? WithdrawalReason,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    DateTimeOffset AddedAt)
{
    public static EvidenceItem Add(Guid evidenceId, string inspectionId, EvidenceContent content, string recordedBy, DateTimeOffset now) =>
        new(evidenceId, inspectionId, content, 1, false, null, recordedBy, now, now);

    public EvidenceItem Revise(long expectedVersion, EvidenceContent content, string recordedBy, DateTimeOffset now)
    {
        EnsureCurrent(expectedVersion);
        if (Withdrawn)
            throw new PreconditionFailedException($"Evidence {EvidenceId} was withdrawn and can no longer be changed");
        return this with { Content = content, Version = Version + 1, RecordedBy = recordedBy, RecordedAt = now };
    }

    public EvidenceItem Withdraw(long expectedVersion, string? reason, string? withdrawnBy, DateTimeOffset now)
    {
        var violations = new List<FieldViolation>();
        var why = FieldRules.Required(violations, "reason", reason, EvidenceContent.SummaryMaxLength);
        var by = FieldRules.Required(violations, "withdrawn_by", withdrawnBy);
        ValidationException.ThrowIfAny(violations);

        EnsureCurrent(expectedVersion);
        if (Withdrawn)
            throw new PreconditionFailedException($"Evidence {EvidenceId} is already withdrawn");
        return this with { Version = Version + 1, Withdrawn = true, WithdrawalReason = why, RecordedBy = by!, RecordedAt = now };
    }

    private void EnsureCurrent(long expectedVersion)
    {
        if (expectedVersion != Version)
            throw new ConcurrencyConflictException(
                $"Evidence {EvidenceId} is at version {Version}, not {expectedVersion}: read it again before changing it");
    }
}
