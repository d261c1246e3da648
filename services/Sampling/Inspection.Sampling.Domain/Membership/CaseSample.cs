namespace Inspection.Sampling.Domain.Membership;

/// <summary>
/// A drawn sample's membership, for substitution: an active case leaves with a reason and the next waiting
/// reserve of the same stratum (lowest rank) comes in, so the stratum keeps its allocation.
/// </summary>
public sealed class CaseSample(string sampleId, IReadOnlyList<SampleMember> members, int substitutionsSoFar)
{
    public const int MaxReasonLength = 500;

    public string SampleId { get; } = sampleId;

    public IReadOnlyList<SampleMember> Members { get; } = members;

    public CaseSubstitution Substitute(string? caseReference, string? reason, string? substitutedBy)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(caseReference)) violations.Add(new FieldViolation("case_reference", "the case to replace is required"));
        if (string.IsNullOrWhiteSpace(reason)) violations.Add(new FieldViolation("reason", "why the case leaves the sample is recorded: a reason is required"));
        else if (reason.Length > MaxReasonLength) violations.Add(new FieldViolation("reason", $"at most {MaxReasonLength} characters"));
        if (string.IsNullOrWhiteSpace(substitutedBy)) violations.Add(new FieldViolation("substituted_by", "who substitutes is recorded: a name is required"));
        ValidationException.ThrowIfAny(violations);

        var reference = caseReference!.Trim();
        var member = Members.FirstOrDefault(m => m.CaseReference == reference)
            ?? throw new NotFoundException($"Case in sample {SampleId}", reference);
        if (member.Role == SampleMember.Reserve)
            throw new PreconditionFailedException($"Case '{reference}' is a reserve of stratum {member.Stratum}, not a sampled case.");
        if (member.Status == SampleMember.Replaced)
            throw new PreconditionFailedException($"Case '{reference}' was already replaced by '{member.ReplacedBy}'.");
        var next = Members
            .Where(m => m.Role == SampleMember.Reserve && m.Status == SampleMember.Waiting && m.Stratum == member.Stratum)
            .OrderBy(m => m.ReserveRank)
            .FirstOrDefault()
            ?? throw new PreconditionFailedException($"Stratum {member.Stratum} has no reserve left to replace case '{reference}'.");
        return new CaseSubstitution(substitutionsSoFar + 1, reference, next.CaseReference, member.Stratum, reason!.Trim(), substitutedBy!.Trim());
    }
}
