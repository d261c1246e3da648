namespace Inspection.Sampling.Domain.Population;

/// <summary>
/// Withdrawing a mistaken caseload snapshot (WithdrawSnapshot): it is kept, with why and by whom, but left out of
/// lists and never drawn from. A snapshot a sample was drawn from is part of that sample's record and stays.
/// </summary>
public sealed record SnapshotWithdrawal(Guid SnapshotId, string Reason, string WithdrawnBy)
{
    public const int MaxReasonLength = 1000;
    public const int MaxByLength = 200;

    public static SnapshotWithdrawal Create(string? snapshotId, string? reason, string? withdrawnBy)
    {
        var violations = new List<FieldViolation>();
        var id = Guid.Empty;
        if (string.IsNullOrWhiteSpace(snapshotId)) violations.Add(new("snapshot_id", "an id is required"));
        else if (!Guid.TryParse(snapshotId, out id)) violations.Add(new("snapshot_id", $"'{snapshotId}' is not an id this service issued"));
        var why = Text(reason, "reason", "why the snapshot is withdrawn is required", MaxReasonLength, violations);
        var by = Text(withdrawnBy, "withdrawn_by", "who withdraws it is required", MaxByLength, violations);
        ValidationException.ThrowIfAny(violations);
        return new SnapshotWithdrawal(id, why, by);
    }

    private static string Text(string? text, string field, string missing, int maxLength, List<FieldViolation> violations)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0) violations.Add(new(field, missing));
        else if (trimmed.Length > maxLength) violations.Add(new(field, $"at most {maxLength} characters"));
        return trimmed;
    }
}
