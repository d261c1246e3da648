using Inspection.Domain.Vocabularies;

namespace Inspection.Sampling.Domain.Drawing;

/// <summary>A case chosen by a draw (sampled or reserve): its stratum, its position in the seeded shuffle and why it was chosen (none for a reserve).</summary>
public sealed record DrawnCase(CaseRecord Case, string Stratum, long Position, SelectedBy? SelectedBy);
