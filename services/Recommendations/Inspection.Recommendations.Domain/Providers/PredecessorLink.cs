namespace Inspection.Recommendations.Domain.Providers;

/// <summary>One edge of the lineage: the successor was formed (partly) from the predecessor by a restructure.</summary>
public sealed record PredecessorLink(
    Guid RestructureId,
    Guid SuccessorId,
    Guid PredecessorId,
    DateOnly EffectiveOn,
    string Note,
    string PartNote,
    string RecordedBy);
