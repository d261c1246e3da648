using Inspection.Scoring.Domain.Assessments;

namespace Inspection.Scoring.Data;

/// <summary>A resolution as it is written: the flag it resolves (as raised, in the sample its assessment is in) and
/// the lead inspector's resolution.</summary>
public sealed record ModerationResolutionWrite(string InspectionId, string SampleId, ModerationFlag Flag, FlagResolution Resolution);
