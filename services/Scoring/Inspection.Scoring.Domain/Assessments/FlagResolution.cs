using Inspection.Domain.Vocabularies;

namespace Inspection.Scoring.Domain.Assessments;

/// <summary>A lead inspector's resolution of a moderation flag: the answer kept (the note says why it stands) or
/// changed (the note says why), by whom and when.</summary>
public sealed record FlagResolution(Guid ResolutionId, ModerationResolution Resolution, string Note, string ResolvedBy, DateTimeOffset ResolvedAt);
