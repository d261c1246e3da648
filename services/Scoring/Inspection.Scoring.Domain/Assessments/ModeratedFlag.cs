namespace Inspection.Scoring.Domain.Assessments;

/// <summary>A moderation flag with the resolution that stands for it, if any: a flag raised now and not resolved on
/// the answers it was raised on is unresolved, and blocks publication.</summary>
public sealed record ModeratedFlag(ModerationFlag Flag, FlagResolution? Resolution)
{
    public bool Resolved => Resolution is not null;

    /// <summary>The publishing blocker for <paramref name="unresolved"/> flags, or null when every flag is resolved.</summary>
    public static string? Blocker(int unresolved) => unresolved switch
    {
        0 => null,
        1 => "1 moderation flag is not resolved",
        _ => $"{unresolved} moderation flags are not resolved",
    };
}
