namespace Inspection.Sampling.Application;

/// <summary>What an uploaded caseload came to: the complete snapshot, or the file's row errors (and nothing written).</summary>
public sealed record CaseloadOutcome(StoredSnapshot? Imported, IReadOnlyList<CsvRowError> Errors);
